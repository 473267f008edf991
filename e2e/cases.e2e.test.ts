import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./support/browser.ts";
import { journey } from "./support/journey.ts";
import { tick } from "./support/tick.ts";

const repere = journey();

/** Creates a case through the form; the identity is typed as each organisation would spell it. */
async function createCase(page: Page, surname: string, firstNames: string, birthDate: string): Promise<string> {
  await page.goto(`${repere.server.url}/dossiers/nouveau`);
  await page.getByLabel("Nom", { exact: true }).fill(surname);
  await page.getByLabel("Prénoms (facultatif)").fill(firstNames);
  await tick(page.getByRole("radio", { name: "Date de naissance" }));
  await page.locator('input[type=date][name="identity.birthDate"]').fill(birthDate);
  await page.getByRole("button", { name: "Créer le dossier" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Dossier / });
  await heading.waitFor();
  return (await heading.innerText()).replace("Dossier ", "");
}

describe("two organisations open a case for the same child", () => {
  it("are offered a link to confirm, learn only which keys agreed, and end up linked", {
    timeout: 300_000,
  }, async () => {
    const referent = await repere.signInAs("ase_referent");
    const aseNumber = await createCase(referent, "Camara", "Aïssata", "2009-04-12");
    await referent.getByRole("button", { name: "Afficher l'identité" }).click();
    await referent.getByText("Camara").first().waitFor();
    await referent.getByText(/Consultation enregistrée dans le journal d'audit/).waitFor();
    await referent.close();

    // The association spells the name without accent, in capitals: the blind index still matches.
    const association = await repere.signInAs("association_worker");
    const associationNumber = await createCase(association, "CAMARA", "Aissata", "2009-04-12");
    await association.getByText(/concerne probablement la même personne/).waitFor();
    await association.goto(`${repere.server.url}/dossiers/rapprochements`);
    const row = association.getByRole("row", { name: new RegExp(associationNumber) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/nom complet.*date de naissance|date de naissance.*nom complet/);
    // Neither the other case's number nor anything of its identity is disclosed before both confirm.
    const page = await association.content();
    expect(page).not.toContain(aseNumber);
    expect(page).not.toContain("Camara");
    expect(await seriousViolations(association)).toEqual([]);
    await row.getByRole("button", { name: /^Confirmer/ }).click();
    await row.getByText(/Vous : Confirmé/).waitFor();
    await association.close();

    const owner = await repere.signInAs("ase_referent");
    await owner.goto(`${repere.server.url}/dossiers/rapprochements`);
    const mine = owner.getByRole("row", { name: new RegExp(aseNumber) });
    await mine.getByText(/autre organisation : Confirmé/).waitFor();
    await mine.getByRole("button", { name: /^Confirmer/ }).click();
    await mine.getByText("Même personne, confirmé").waitFor();
    await owner.close();

    // The audit log holds the identity reveal and both decisions, without the name.
    const audit = await repere.server.ctx.database.query<{ action: string; details: unknown }>(
      "select action, details from audit_events where action in ('case.reveal_identity', 'case.decide_link') order by id",
    );
    expect(audit.map((a) => a.action)).toEqual(["case.reveal_identity", "case.decide_link", "case.decide_link"]);
    expect(JSON.stringify(audit)).not.toMatch(/camara/i);
  });
});

import type { Role } from "@shared/roles.ts";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, seriousViolations } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";
import { tick } from "./support/tick.ts";

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => browser?.close());

async function signIn(role: Role): Promise<Page> {
  const login = server.logins.find((l) => l.role === role);
  if (!login) throw new Error(`no demo ${role}`);
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${server.url}/connexion`);
  await page.getByLabel("Adresse électronique").fill(login.email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(login.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
  return page;
}

/** Creates a case through the form; the identity is typed as each organisation would spell it. */
async function createCase(page: Page, surname: string, firstNames: string, birthDate: string): Promise<string> {
  await page.goto(`${server.url}/dossiers/nouveau`);
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
    const referent = await signIn("ase_referent");
    const aseNumber = await createCase(referent, "Camara", "Aïssata", "2009-04-12");
    await referent.getByRole("button", { name: "Afficher l'identité" }).click();
    await referent.getByText("Camara").first().waitFor();
    await referent.getByText(/Consultation enregistrée dans le journal d'audit/).waitFor();
    await referent.close();

    // The association spells the name without accent, in capitals: the blind index still matches.
    const association = await signIn("association_worker");
    const associationNumber = await createCase(association, "CAMARA", "Aissata", "2009-04-12");
    await association.getByText(/concerne probablement la même personne/).waitFor();
    await association.goto(`${server.url}/dossiers/rapprochements`);
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

    const owner = await signIn("ase_referent");
    await owner.goto(`${server.url}/dossiers/rapprochements`);
    const mine = owner.getByRole("row", { name: new RegExp(aseNumber) });
    await mine.getByText(/autre organisation : Confirmé/).waitFor();
    await mine.getByRole("button", { name: /^Confirmer/ }).click();
    await mine.getByText("Même personne, confirmé").waitFor();
    await owner.close();

    // The audit log holds the identity reveal and both decisions, without the name.
    const audit = await server.ctx.database.query<{ action: string; details: unknown }>(
      "select action, details from audit_events where action in ('case.reveal_identity', 'case.decide_link') order by id",
    );
    expect(audit.map((a) => a.action)).toEqual(["case.reveal_identity", "case.decide_link", "case.decide_link"]);
    expect(JSON.stringify(audit)).not.toMatch(/camara/i);
  });
});

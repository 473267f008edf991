import { describe, expect, it } from "vitest";
import { seriousViolations } from "./support/browser.ts";
import { journey } from "./support/journey.ts";

const repere = journey({ setupTimeoutMs: 120_000 });

const OPP = "Saisine du juge des enfants après l'ordonnance de placement provisoire";

describe("a département's deadlines", () => {
  it("lets its administrator shorten a legal deadline, never lengthen it, and shows the rest read-only", {
    timeout: 180_000,
  }, async () => {
    const page = await repere.signInAs("admin");
    await page
      .getByRole("link", { name: /Échéances du parcours/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Échéances du parcours de protection" }).waitFor();
    const table = page.getByRole("table", { name: /Échéances appliquées/ });
    await table.getByRole("rowheader", { name: OPP }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Ajuster les échéances de ce département" }).click();
    const amount = page.locator("#opp_seize_juvenile_judge-amount");
    await amount.fill("10");
    await page.getByRole("button", { name: "Enregistrer les échéances" }).click();
    await page.getByText("Un délai légal ne peut qu'être abrégé : 8 au plus").first().waitFor();
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    expect(await seriousViolations(page)).toEqual([]);

    await amount.fill("6");
    await page.locator("#opp_seize_juvenile_judge-alert").fill("4");
    await page.getByRole("button", { name: "Enregistrer les échéances" }).click();
    await page.getByText(/ont été enregistrées/).waitFor();
    const row = table.getByRole("row", { name: new RegExp(OPP) });
    await expect(row.textContent()).resolves.toMatch(/6 jours calendaires.*après 4 jours calendaires.*Oui/);
    await page.close();

    // Another role reads what applies in its département, without a form.
    const reader = await repere.signInAs("ase_referent");
    await reader.goto(`${repere.server.url}/admin/echeances`);
    const readerRow = reader
      .getByRole("table", { name: /Échéances appliquées/ })
      .getByRole("row", { name: new RegExp(OPP) });
    await expect(readerRow.textContent()).resolves.toMatch(/6 jours calendaires/);
    expect(await reader.getByRole("button", { name: "Ajuster les échéances de ce département" }).count()).toBe(0);
    await reader.close();
  });
});

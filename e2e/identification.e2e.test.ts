import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "./support/browser.ts";
import { journey } from "./support/journey.ts";
import { tick } from "./support/tick.ts";

const repere = journey({ demoCases: 30 });

describe("Karim, ASE referent, identifies a young person on her case", () => {
  it("screens, sees what the law requires by when, and downloads the signalement", { timeout: 300_000 }, async () => {
    const page = await repere.signInAs("ase_referent");

    await page.goto(`${repere.server.url}/dossiers`);
    // Only an open case takes a new screening: filter on the status first.
    await page.getByLabel("Statut", { exact: true }).selectOption("open");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await page.waitForLoadState("networkidle");
    await page.locator("table a").first().click();
    await page.getByRole("tab", { name: "Repérage" }).click();
    await page.getByRole("button", { name: "Nouveau repérage" }).click();
    await page.getByText("Repérage bref").first().click();
    await page.getByLabel("Âge de la personne (en années)").fill("15");
    await tick(page.getByLabel(/^RF3\./));
    await page.getByRole("button", { name: "Calculer le niveau de préoccupation" }).click();
    await page.getByRole("button", { name: "Enregistrer sur le dossier" }).click();

    await page.getByText("Grille GRR-0.1").first().waitFor();
    await page
      .getByText(/Signalement au procureur de la République \(parquet des mineurs\)/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Résumé des faits").fill("Vue dans une location de courte durée avec deux adultes.");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Générer le signalement (PDF)" }).click(),
    ]);
    const path = await download.path();
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(path)) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain("Signalement au procureur de la République");
    expect(text).toContain("location de courte durée");
    await page.close();
  });
});

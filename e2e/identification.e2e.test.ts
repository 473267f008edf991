import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, seriousViolations } from "./support/browser.ts";
import { type RunningServer, startServer } from "./support/server.ts";
import { tick } from "./support/tick.ts";

let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  server = await startServer({ demoCases: 30 });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => browser?.close());

describe("Karim, ASE referent, identifies a young person on her case", () => {
  it("screens, sees what the law requires by when, and downloads the signalement", { timeout: 300_000 }, async () => {
    const referent = server.logins.find((l) => l.role === "ase_referent");
    if (!referent) throw new Error("no demo referent");
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel("Adresse électronique").fill(referent.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(referent.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();

    await page.goto(`${server.url}/dossiers`);
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

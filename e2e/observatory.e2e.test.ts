import { readFileSync } from "node:fs";
import { read, utils } from "@e965/xlsx";
import type { ObservatoryTable, OpenDataCatalogue } from "@shared/observatory.ts";
import { PDFParse } from "pdf-parse";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { refreshObservatory } from "../src/server/observatory/snapshot/observatory-refresh.job.ts";
import { toReferenceCsv } from "../src/server/seed/department-reference.ts";
import { seedCases } from "../src/server/seed/seed-cases.ts";
import { seriousViolations } from "./support/browser.ts";
import { journey } from "./support/journey.ts";
import { tick } from "./support/tick.ts";

// Enough synthetic cases in a few large départements for most cells to be publishable once filtered by one year and
// one form; the rest of the country stays empty, so the map has hidden and folded units too.
const CASES = 1200;
const DEPARTMENTS = ["93", "75", "13", "59", "69", "33"];
const THIS_YEAR = new Date().getUTCFullYear();
const LAST_YEAR = THIS_YEAR - 1;

const repere = journey({
  setupTimeoutMs: 300_000,
  prepare: async (server) => {
    await seedCases(server.ctx, {
      cases: CASES,
      seed: "e2e-observatory",
      years: [THIS_YEAR - 4, THIS_YEAR],
      now: new Date(),
      departments: DEPARTMENTS,
      batchSize: CASES,
      actorName: "e2e",
    });
    // What the refresh job does every 15 minutes: the snapshot, then the published tables computed ahead.
    await refreshObservatory(server.ctx);
  },
});

/** A published count as a number ("1 234" → 1234); null for a hidden or missing one ("< 11", "s", "n.d."). */
function countOf(text: string | undefined): number | null {
  const trimmed = (text ?? "").trim();
  return /^\d[\d\s\u202f\u00a0]*$/.test(trimmed) ? Number(trimmed.replace(/\D/g, "")) : null;
}

/** Every number a table cell shows that lies between 1 and 10: the disclosure control must leave none. */
function smallCounts(texts: readonly (string | number | null | undefined)[]): (string | number)[] {
  return texts.filter((text): text is string | number => {
    const value = typeof text === "number" ? text : countOf(text ?? undefined);
    return value !== null && value >= 1 && value <= 10;
  });
}

/** The rows of the table whose caption matches, as the cells' texts (header row included). */
async function rowsOf(page: Page, caption: RegExp): Promise<string[][]> {
  const table = page.getByRole("table", { name: caption });
  await table.waitFor();
  return table.evaluate((element) =>
    [...element.querySelectorAll("tr")].map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? "")),
  );
}

/** One-dimension table → { row label: displayed value }. */
async function valuesOf(page: Page, caption: RegExp): Promise<Record<string, string>> {
  const rows = await rowsOf(page, caption);
  return Object.fromEntries(rows.slice(1).map(([label = "", value = ""]) => [label, value]));
}

async function showDashboard(page: Page, change: () => Promise<unknown>, expectedSearch: RegExp) {
  await change();
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.waitForURL(expectedSearch);
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return readFileSync(await file.path());
}

describe("Claire, national analyst, reads the observatory", () => {
  it("filters the national dashboard, reads the map and the saturation analysis, downloads the ODS and the annual report", {
    timeout: 300_000,
  }, async () => {
    const page = await repere.signInAs("national_analyst");

    await page.goto(`${repere.server.url}/observatoire`);
    await page.getByRole("heading", { level: 1, name: "Observatoire national" }).waitFor();
    await showDashboard(page, () => tick(page.getByLabel(/^Victimes présumées ou plus/)), /basis=presumed/);
    const allYears = await valuesOf(page, /^Évolution par année/);
    expect(Object.keys(allYears)).toEqual([...[4, 3, 2, 1, 0].map((back) => String(THIS_YEAR - back)), "Total"]);
    const allYearsTotal = countOf(allYears.Total);
    expect(allYearsTotal).toBeGreaterThan(0);
    const lastYearCount = countOf(allYears[String(LAST_YEAR)]);
    expect(lastYearCount).toBeGreaterThan(10);

    // One year: the yearly table keeps that year alone, with the count the five-year table gave it.
    await showDashboard(
      page,
      async () => {
        await page.getByLabel("Année de début").selectOption(String(LAST_YEAR));
        await page.getByLabel("Année de fin").selectOption(String(LAST_YEAR));
      },
      new RegExp(`from=${LAST_YEAR}&to=${LAST_YEAR}`),
    );
    await expect
      .poll(async () => Object.keys(await valuesOf(page, /^Évolution par année/)))
      .toEqual([String(LAST_YEAR), "Total"]);
    expect(countOf((await valuesOf(page, /^Évolution par année/)).Total)).toBe(lastYearCount);
    const byForm = await valuesOf(page, /^Répartition par forme d'exploitation/);
    const sexualCount = countOf(byForm["Exploitation sexuelle"]);
    expect(sexualCount).toBeGreaterThan(10);
    expect(sexualCount).toBeLessThan(lastYearCount ?? 0);

    // And one form: its breakdown disappears, and every figure narrows to that form's count.
    await showDashboard(
      page,
      () => page.getByLabel("Forme d'exploitation", { exact: true }).selectOption({ label: "Exploitation sexuelle" }),
      /exploitation_family=sexual/,
    );
    await expect.poll(async () => countOf((await valuesOf(page, /^Évolution par année/)).Total)).toBe(sexualCount);
    expect(await page.getByRole("table", { name: /^Répartition par forme d'exploitation/ }).count()).toBe(0);
    expect(countOf((await valuesOf(page, /^Répartition par sexe/)).Total)).toBe(sexualCount);

    // The map: dsfr-chart draws the départements, and the full table is its accessible alternative.
    const map = page.getByRole("region", { name: "Carte des départements" });
    await expect.poll(() => map.locator("map-chart path[class*='FR-']").count()).toBeGreaterThan(90);
    await map.getByRole("button", { name: /^Tableau des valeurs de la carte/ }).click();
    const mapRows = await valuesOf(page, /^Carte des départements/);
    expect(countOf(mapRows["Seine-Saint-Denis"])).toBeGreaterThan(10);
    expect(countOf(mapRows.Total)).toBe(sexualCount);
    expect(await map.getByText("Données synthétiques").count()).toBeGreaterThan(0);
    expect(await map.getByText(/cellules? masquées?|Aucune cellule masquée/).count()).toBeGreaterThan(0);

    const shown = await page.locator("table td").allTextContents();
    expect(shown.length).toBeGreaterThan(20);
    expect(smallCounts(shown)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);

    // The map's table as ODS: French headings, the synthetic label, and no count from 1 to 10.
    await page.getByLabel("Tableau à exporter").selectOption({ label: "Carte des départements" });
    const book = read(await download(page, "Exporter en ODS"));
    const sheet = book.Sheets[book.SheetNames[0] ?? ""];
    if (!sheet) throw new Error("empty ODS");
    const rows = utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null });
    const label = (name: string) => rows.find((row) => row[0] === name)?.[1];
    expect(label("Titre")).toBe(`Nombre de personnes par département, ${LAST_YEAR}`);
    expect(label("Filtres")).toBe("Forme d'exploitation : Exploitation sexuelle");
    expect(label("Cellules masquées")).toMatch(/^(\d+ \(\d+ petits? effectifs?, \d+ par secret secondaire\)|aucune)$/);
    expect(label("Données")).toMatch(/^Données synthétiques/);
    expect(label("Règle de comptage")).toMatch(/^Unité de compte : la personne/);
    expect(label("Secret statistique")).toMatch(/^Secret statistique/);
    const header = rows.findIndex((row) => row.includes("Effectif"));
    expect(rows[header]).toEqual(["Département", "Effectif", "Nombre de personnes", "Affichage", "Statut"]);
    const cells = rows.slice(header + 1);
    expect(cells.find((row) => row[0] === "Seine-Saint-Denis")?.[1]).toBe(countOf(mapRows["Seine-Saint-Denis"]));
    expect(cells.length).toBeGreaterThan(10);
    expect(smallCounts(cells.flat())).toEqual([]);

    // The annual report of the last complete year.
    const pdf = await download(page, `Rapport annuel ${LAST_YEAR} (PDF)`);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    for (const heading of [
      `Rapport annuel ${LAST_YEAR}`,
      "DONNÉES SYNTHÉTIQUES",
      "Méthodologie",
      "Règle de comptage",
      `Nombre de personnes par année, ${LAST_YEAR - 4}–${LAST_YEAR}`,
      `Nombre de personnes par forme d'exploitation, sexe, ${LAST_YEAR}`,
      `Nombre de personnes par région, ${LAST_YEAR}`,
      "Secret statistique",
    ]) {
      expect(text).toContain(heading);
    }
    // The tables run from the first table's title to the closing "Secret statistique" section; each is followed by
    // its note (which quotes "0 à 10" and hidden-cell counts), cut here, and page footers are dropped.
    const tables = text
      .slice(text.indexOf("Nombre de personnes par année"), text.lastIndexOf("\nSecret statistique\n"))
      .split(/Secret statistique :[\s\S]*?(?=Nombre de personnes par |$)/)
      .flatMap((block) => block.split("\n").slice(1))
      .filter((line) => !/^-- \d+ of \d+ --$/.test(line));
    expect(tables.some((line) => /^Exploitation sexuelle( \S+)+$/.test(line))).toBe(true);
    const values = tables.join(" ").match(/\d+/g) ?? [];
    expect(values.length).toBeGreaterThan(10);
    expect(smallCounts(values)).toEqual([]);

    // The saturation analysis, after importing the year's indicators.
    await page.goto(`${repere.server.url}/observatoire`);
    await page.getByRole("link", { name: "Exposition et saturation de la protection de l'enfance" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Exposition et saturation de la protection de l'enfance" })
      .waitFor();
    await page.getByLabel("Fichier des indicateurs (CSV)").setInputFiles({
      name: `indicateurs-${LAST_YEAR}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(toReferenceCsv([LAST_YEAR])),
    });
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText(new RegExp(`lignes importées \\(années ${LAST_YEAR}\\)`)).waitFor();
    // Same basis as the dashboard: the differencing guard must accept the year's département table after the map.
    await tick(page.getByLabel(/^Victimes présumées ou plus/));
    await page.getByLabel("Année", { exact: true }).selectOption(String(LAST_YEAR));
    await page.getByRole("button", { name: "Afficher" }).click();
    const points = await rowsOf(page, new RegExp(`^Exposition et saturation par département \\(${LAST_YEAR}\\)`));
    expect(points.length).toBeGreaterThan(2);
    expect(points.some((row) => row[0]?.startsWith("Seine-Saint-Denis"))).toBe(true);
    await page.getByRole("table", { name: "Corrélation entre exposition et saturation" }).waitFor();
    expect(await page.locator("scatter-chart").count()).toBe(1);
    expect(await page.getByText("Données synthétiques").count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows an ASE manager the dashboard of their own département", { timeout: 120_000 }, async () => {
    const page = await repere.signInAs("ase_manager");
    await page.goto(`${repere.server.url}/observatoire`);
    await page.waitForURL(/\/observatoire\/departements\/93/);
    await page.getByRole("heading", { level: 1, name: "Seine-Saint-Denis (93)" }).waitFor();
    expect(await page.getByRole("heading", { name: "Observatoire national" }).count()).toBe(0);
    expect(await page.title()).toMatch(/^Seine-Saint-Denis/);

    await tick(page.getByLabel(/^Victimes présumées ou plus/));
    await page.getByRole("button", { name: "Afficher" }).click();
    const years = await valuesOf(page, /^Évolution par année/);
    expect(countOf(years.Total)).toBeGreaterThan(10);
    expect(await page.getByRole("region", { name: "Carte des départements" }).count()).toBe(0);
    expect(smallCounts(await page.locator("table td").allTextContents())).toEqual([]);
    await page.close();
  });
});

describe("open data", () => {
  it("answers without a session with protected aggregates only, while case data stays closed", {
    timeout: 120_000,
  }, async () => {
    const catalogueResponse = await fetch(`${repere.server.url}/api/open-data`);
    expect(catalogueResponse.status).toBe(200);
    expect(catalogueResponse.headers.get("cache-control")).toMatch(/public/);
    const catalogue = (await catalogueResponse.json()) as OpenDataCatalogue;
    expect(catalogue.isSynthetic).toBe(true);
    expect(catalogue.tables.length).toBeGreaterThan(0);

    for (const entry of catalogue.tables) {
      const json = entry.formats.find((format) => format.format === "json");
      const response = await fetch(`${repere.server.url}${json?.url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("etag")).toBeTruthy();
      const { table } = (await response.json()) as { table: ObservatoryTable };
      for (const cell of table.cells) {
        expect(Object.keys(cell).sort()).toEqual(["categories", "count", "display", "isTotal", "status", "value"]);
      }
      expect(smallCounts(table.cells.map((cell) => cell.count))).toEqual([]);
      expect(table.isSynthetic).toBe(true);
    }

    for (const path of ["/api/cases", "/api/observatory/tables?dimensions=year&from=2020&to=2024&basis=presumed"]) {
      expect((await fetch(`${repere.server.url}${path}`)).status).toBe(401);
    }
    expect((await fetch(`${repere.server.url}/api/open-data/cases.json`)).status).toBe(404);

    const page = await repere.freshPage();
    await page.goto(`${repere.server.url}/donnees-ouvertes`);
    await page.getByRole("heading", { level: 1, name: "Données ouvertes" }).waitFor();
    // Either the catalogue or the page's own error: a failure then says what the visitor was told.
    const firstTable = page.getByRole("heading", { level: 3, name: catalogue.tables[0]?.title });
    const unavailable = page.getByText(/Le catalogue est indisponible/);
    await firstTable
      .or(unavailable)
      .first()
      .waitFor()
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nThe page showed: ${await page.locator("main").innerText()}`);
      });
    expect(await unavailable.count(), await page.locator("main").innerText()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

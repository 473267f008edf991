import { read, utils } from "@e965/xlsx";
import type { ObservatoryTable } from "@shared/observatory.ts";
import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, departmentIndicators } from "../db/schema.ts";
import { toReferenceCsv } from "../seed/department-reference.ts";
import { testApp } from "../test/test-app.ts";
import { DEFAULT_PROTECTION_RANGE } from "./disclosure/disclosure-rules.ts";
import { knowledgeOfPublication, type ProtectedTable } from "./disclosure/protect-table.ts";
import { auditFeasibleIntervals } from "./disclosure/table-auditor.ts";
import { insertPersons, spreadPersons } from "./observatory-fixtures.test-helper.ts";
import { refreshObservatorySnapshot } from "./snapshot/observatory-snapshot.ts";

const NOW = new Date("2025-06-15T10:00:00Z");
const TABLE = { dimensions: ["year", "exploitation_family"], from: 2022, to: 2024, basis: "presumed" };

async function setUp() {
  const { ctx, make, setNow } = await testApp();
  setNow(NOW);
  const organisation = await make.organisation({ type: "ase_service", departmentCode: "93" });
  await insertPersons(ctx, organisation.id, spreadPersons(), { synthetic: true });
  // One person with two linked cases (93 then 75): counted once, in the first case's département.
  await insertPersons(ctx, organisation.id, [{ departmentCode: "93", linkedCaseIn: "75", year: 2024 }], {
    synthetic: true,
  });
  // Five persons in 93 in 2025: a period ending in 2025 differs from one ending in 2024 by a small group.
  const late = Array.from({ length: 5 }, () => ({ departmentCode: "93", year: 2025 }));
  await insertPersons(ctx, organisation.id, late, { synthetic: true });
  await refreshObservatorySnapshot(ctx, { force: true });
}

beforeAll(setUp, 120_000);

/** Rebuilds from a view alone what a reader knows, and audits it with the exact LP auditor. */
function auditView(table: ObservatoryTable) {
  const hiddenLabels = table.cells.some((cell) => cell.status === "primary" && cell.display === "s")
    ? "uniform"
    : "split";
  const published = {
    dimensions: table.dimensions.map((d) => ({ name: d.name, categories: d.categories.map((c) => c.code) })),
    hiddenLabels,
    entries: table.cells.map((cell) => ({
      categories: cell.categories,
      value: cell.count,
      display: cell.display,
      status: cell.status,
    })),
  } as unknown as ProtectedTable;
  const knowledge = knowledgeOfPublication(published);
  const targets = table.cells.flatMap((cell, index) => (cell.status === "primary" ? [index] : []));
  return { intervals: auditFeasibleIntervals(knowledge, targets), targets };
}

describe("POST /api/observatory/tables", () => {
  it("answers 401 without a session", async () => {
    const { api } = await testApp();
    expect((await api.post("/api/observatory/tables", TABLE)).status).toBe(401);
  });

  it("refuses roles that work on cases, and national roles outside their scope", async () => {
    const { api, make } = await testApp();
    const educator = await make.user({ roles: ["educator"] });
    expect((await api.as(educator).post("/api/observatory/tables", TABLE)).status).toBe(403);
    const manager = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    const elsewhere = { ...TABLE, filters: { department: ["75"] } };
    expect((await api.as(manager).post("/api/observatory/tables", elsewhere)).json().code).toBe("out_of_scope");
  });

  it("answers 400 to more than three dimensions or garbage", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const four = { ...TABLE, dimensions: ["year", "sex", "age_band", "profile"] };
    expect((await api.as(analyst).post("/api/observatory/tables", four)).status).toBe(400);
    expect((await api.as(analyst).post("/api/observatory/tables", { dimensions: "x" })).status).toBe(400);
    expect((await api.as(analyst).post("/api/observatory/tables", { ...TABLE, basis: "all" })).status).toBe(400);
  });

  it("returns a protected table with its counting rule, note and synthetic label", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const res = await api.as(analyst).post("/api/observatory/tables", TABLE);
    expect(res.status).toBe(200);
    const table: ObservatoryTable = res.json();
    const persons = spreadPersons().length + 1;
    expect(table.grandTotal.count).toBe(persons);
    expect(table.countingRule).toMatch(/Unité de compte : la personne/);
    expect(table.note).toMatch(/Secret statistique/);
    expect(table.isSynthetic).toBe(true);
    expect(table.syntheticLabel).toMatch(/Données synthétiques/);
    expect(table.dimensions[1]?.categories.map((c) => c.label)).toContain("Exploitation sexuelle");
    for (const cell of table.cells) {
      if (cell.count !== null) expect(cell.count === 0 || cell.count >= 11, cell.display).toBe(true);
    }
  });

  it("publishes no count from 1 to 10 and none can be derived from the margins", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    for (const dimensions of [
      ["year", "department"],
      ["department", "sex"],
      ["exploitation_family", "sex", "year"],
    ]) {
      const res = await api.as(await make.user({ roles: ["national_analyst"] })).post("/api/observatory/tables", {
        ...TABLE,
        dimensions,
      });
      expect(res.status, dimensions.join("×")).toBe(200);
      const table: ObservatoryTable = res.json();
      expect(table.cells.some((cell) => cell.count !== null && cell.count > 0 && cell.count < 11)).toBe(false);
      const { intervals, targets } = auditView(table);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) {
        const interval = intervals.get(target);
        expect(interval, `entry ${target}`).toBeDefined();
        if (interval) expect(interval.max - interval.min).toBeGreaterThanOrEqual(DEFAULT_PROTECTION_RANGE - 1);
      }
    }
    void analyst;
  });

  it("folds small départements into their region and counts a linked person once", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const res = await api.as(analyst).post("/api/observatory/tables", { ...TABLE, dimensions: ["department"] });
    const table: ObservatoryTable = res.json();
    const codes = table.dimensions[0]?.categories.map((c) => c.code) ?? [];
    expect(codes).not.toContain("48");
    const occitanie = table.dimensions[0]?.categories.find((c) => c.departments?.includes("48"));
    expect(occitanie?.departments?.length).toBeGreaterThan(1);
    expect(table.note).toMatch(/regroupés/);
    // The linked person's first case is in 93: Paris counts only its own persons.
    expect(table.cells.find((cell) => cell.categories[0] === "75")?.count).toBe(37 + 40 + 43);
    const withSeineSaintDenis = table.dimensions[0]?.categories.find((c) => (c.departments ?? [c.code]).includes("93"));
    const unitCell = table.cells.find((cell) => cell.categories[0] === withSeineSaintDenis?.code);
    expect(unitCell?.count).toBe(30 + 33 + 36 + 1);
  });

  it("refuses a query that, with an earlier one, would reveal a small group (differencing)", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const client = api.as(analyst);
    const base = { dimensions: ["sex"], basis: "presumed", filters: { department: ["93"] } };
    expect((await client.post("/api/observatory/tables", { ...base, from: 2022, to: 2023 })).status).toBe(200);
    // The same question again is answered from the guard's memory.
    expect((await client.post("/api/observatory/tables", { ...base, from: 2022, to: 2023 })).status).toBe(200);
    // Each table is safe alone, but 2022–2025 minus 2022–2024 would be 93's five persons of 2025.
    expect((await client.post("/api/observatory/tables", { ...base, from: 2022, to: 2024 })).status).toBe(200);
    const res = await client.post("/api/observatory/tables", { ...base, from: 2022, to: 2025 });
    expect(res.status).toBe(409);
    expect(res.json().code).toBe("query_refused_differencing");
    // Another analyst, who has not seen the first table, may see the second.
    const other = await make.user({ roles: ["national_analyst"] });
    expect((await api.as(other).post("/api/observatory/tables", { ...base, from: 2022, to: 2025 })).status).toBe(200);
  });

  it("pins an ASE manager's table to their own département", async () => {
    const { api, make } = await testApp();
    const manager = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    const res = await api.as(manager).post("/api/observatory/tables", { ...TABLE, dimensions: ["department"] });
    expect(res.status).toBe(200);
    expect(res.json().dimensions[0].categories.map((c: { code: string }) => c.code)).toEqual(["93"]);
  });
});

describe("GET /api/observatory/series and /map", () => {
  it("answers 400 without a period, and yearly series and map areas otherwise", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    expect((await api.as(analyst).get("/api/observatory/series")).status).toBe(400);
    const series = await api.as(analyst).get("/api/observatory/series?from=2022&to=2024&basis=presumed&by=sex");
    expect(series.status).toBe(200);
    expect(series.json().series.map((line: { code: string }) => line.code)).toEqual([
      "female",
      "male",
      "other_or_unknown",
    ]);
    expect(series.json().series[0].points).toHaveLength(3);
    const map = await api
      .as(await make.user({ roles: ["national_analyst"] }))
      .get("/api/observatory/map?from=2022&to=2024&basis=presumed");
    expect(map.status).toBe(200);
    const areas = map.json().areas as { departments: string[] }[];
    expect(areas.flatMap((area) => area.departments)).toHaveLength(101);
  });
});

describe("GET /api/observatory/tables/export", () => {
  it("exports CSV and ODS with the note and the synthetic label", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const query = "dimensions=year,sex&from=2022&to=2024&basis=presumed";
    expect((await api.as(analyst).get(`/api/observatory/tables/export?${query}&format=pdf`)).status).toBe(400);
    const csv = await api.as(analyst).get(`/api/observatory/tables/export?${query}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain("Données synthétiques");
    expect(csv.body).toContain("Secret statistique");
    expect(csv.body).toContain("Règle de comptage");
    const ods = await api.as(analyst).get(`/api/observatory/tables/export?${query}&format=ods`);
    expect(ods.headers["content-type"]).toContain("opendocument");
    const book = read(ods.raw);
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets.Tableau ?? {}, { header: 1 });
    expect(JSON.stringify(rows)).toContain("Données synthétiques");
    expect(JSON.stringify(rows)).toContain("Féminin");
  });

  it("states the filters the table is restricted to and how many cells it hides", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const filters = encodeURIComponent(JSON.stringify({ exploitation_family: ["sexual"] }));
    const query = `dimensions=department&from=2022&to=2024&basis=presumed&filters=${filters}`;
    const table: ObservatoryTable = (await api.as(analyst).get(`/api/observatory/tables?${query}`)).json();
    expect(table.suppressedCount.total).toBeGreaterThan(0);
    const ods = await api.as(analyst).get(`/api/observatory/tables/export?${query}&format=ods`);
    expect(ods.status).toBe(200);
    const rows = utils.sheet_to_json<unknown[]>(read(ods.raw).Sheets.Tableau ?? {}, { header: 1 });
    const { primary, secondary, total } = table.suppressedCount;
    expect(rows).toContainEqual(["Filtres", "Forme d'exploitation : Exploitation sexuelle"]);
    expect(rows).toContainEqual([
      "Cellules masquées",
      `${total} (${primary} petit${primary > 1 ? "s" : ""} effectif${primary > 1 ? "s" : ""}, ${secondary} par secret secondaire)`,
    ]);

    const national = await api.as(analyst).get("/api/open-data/by-year-and-region.csv");
    expect(national.body).toContain(`Filtres,"aucun (France entière, toutes catégories)"`);
  });
});

describe("open data", () => {
  it("serves the published tables without login, with ETag and cache headers", async () => {
    const { api } = await testApp();
    const catalogue = await api.get("/api/open-data");
    expect(catalogue.status).toBe(200);
    expect(catalogue.json().tables).toHaveLength(3);
    const res = await api.get("/api/open-data/national-by-year-and-form.json");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toContain("public");
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"/);
    expect(res.json().table.isSynthetic).toBe(true);
    const again = await api.get("/api/open-data/national-by-year-and-form.json").then(() =>
      testApp().then(({ app }) =>
        app.inject({
          method: "GET",
          url: "/api/open-data/national-by-year-and-form.json",
          headers: { "if-none-match": etag },
        }),
      ),
    );
    expect(again.statusCode).toBe(304);
    const csv = await api.get("/api/open-data/by-year-and-region.csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Données synthétiques");
  });

  it("serves nothing else", async () => {
    const { api } = await testApp();
    expect((await api.get("/api/open-data/cases.json")).status).toBe(404);
    expect((await api.get("/api/open-data/national-by-year-and-form.xml")).status).toBe(404);
    expect((await api.get("/api/observatory/tables?dimensions=year&from=2022&to=2024&basis=presumed")).status).toBe(
      401,
    );
  });
});

describe("POST /api/observatory/reference", () => {
  it("answers 401, 403, then reports every faulty line and imports nothing", async () => {
    const { api, ctx, make } = await testApp();
    const csvHeaders = { "content-type": "text/csv" };
    expect((await api.post("/api/observatory/reference", "x", csvHeaders)).status).toBe(401);
    const manager = await make.user({ roles: ["ase_manager"] });
    expect((await api.as(manager).post("/api/observatory/reference", "x", csvHeaders)).status).toBe(403);
    const analyst = await make.user({ roles: ["national_analyst"] });
    const before = await ctx.db.select().from(departmentIndicators).where(eq(departmentIndicators.year, 2030));
    const bad = `${toReferenceCsv(2030)}99,2030,1,1,1,,\n`;
    const res = await api.as(analyst).post("/api/observatory/reference", bad, csvHeaders);
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ imported: false, issues: [{ line: 103, column: "department_code" }] });
    const after = await ctx.db.select().from(departmentIndicators).where(eq(departmentIndicators.year, 2030));
    expect(after.length).toBe(before.length);
  });

  it("imports a valid file and rates use it", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const res = await api.as(analyst).post("/api/observatory/reference", toReferenceCsv([2022, 2023, 2024]), {
      "content-type": "text/csv",
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ imported: true, rowCount: 303, years: [2022, 2023, 2024] });
    const table = await api.as(analyst).post("/api/observatory/tables", {
      dimensions: ["year"],
      from: 2022,
      to: 2024,
      basis: "presumed",
      measure: "rate_per_10000_minors",
    });
    const value = table.json().grandTotal.value;
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
  });
});

describe("GET /api/observatory/saturation", () => {
  it("correlates exposure with an indicator and states its caveat", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    expect((await api.as(analyst).get("/api/observatory/saturation?year=1999&basis=presumed")).status).toBe(400);
    const res = await api.as(analyst).get("/api/observatory/saturation?year=2024&basis=presumed");
    expect(res.status).toBe(200);
    const view = res.json();
    expect(view.points.length).toBeGreaterThan(3);
    expect(view.pearson.n).toBe(view.points.length);
    expect(view.note).toMatch(/ne prouve pas/);
  });
});

describe("GET /api/observatory/annual-report", () => {
  it("renders the annual report in French with methodology, tables and the synthetic label", async () => {
    const { api, make } = await testApp();
    const manager = await make.user({ roles: ["ase_manager"] });
    expect((await api.as(manager).get("/api/observatory/annual-report?year=2024")).status).toBe(403);
    const analyst = await make.user({ roles: ["national_analyst"] });
    expect((await api.as(analyst).get("/api/observatory/annual-report?year=abc")).status).toBe(400);
    const res = await api.as(analyst).get("/api/observatory/annual-report?year=2024");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(res.raw) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain("Rapport annuel 2024");
    expect(text).toContain("Méthodologie");
    expect(text).toContain("Règle de comptage");
    expect(text).toContain("DONNÉES SYNTHÉTIQUES");
    expect(text).toContain("Exploitation sexuelle");
    expect(text).toMatch(/< 11|s/);
  });
});

describe("POST /api/observatory/research-export", () => {
  it("exports k-anonymous HTCDS records to a national analyst, audited", async () => {
    const { api, ctx, make } = await testApp();
    const localAdmin = await make.user({ roles: ["admin"], departmentCode: "93" });
    const body = { from: 2022, to: 2024, purpose: "Étude des parcours de repérage" };
    expect((await api.as(localAdmin).post("/api/observatory/research-export", body)).status).toBe(403);
    const analyst = await make.user({ roles: ["national_analyst"] });
    expect((await api.as(analyst).post("/api/observatory/research-export", { ...body, purpose: "" })).status).toBe(400);
    const res = await api.as(analyst).post("/api/observatory/research-export", body);
    expect(res.status).toBe(200);
    const lines = res.body
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/Données synthétiques/);
    const header = lines.find((line) => line.startsWith("vic_AgeWhenTrafficked"));
    expect(header?.split(",")).toContain("vic_TypeOfExploitation");
    const records = lines.slice(lines.indexOf(header ?? "") + 1);
    const classes = new Map<string, number>();
    for (const record of records) {
      const key = record.split(",").slice(0, 5).join(",");
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(11);
    const audit = await ctx.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, analyst.id));
    expect(audit.map((event) => event.action)).toContain("observatory.research_export");
  });
});

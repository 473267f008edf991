import { describe, expect, it } from "vitest";
import { type CountTable, computeEntryValues, createCountTable, gridOfTable } from "./count-table.ts";
import { MAX_HIDDEN_COUNT, MIN_PUBLISHED_COUNT } from "./disclosure-rules.ts";
import {
  findPublishedEntry,
  knowledgeOfPublication,
  listSmallCountEntries,
  type ProtectedTable,
  protectTable,
} from "./protect-table.ts";
import { roundCount } from "./rounding.ts";
import { createRandom, type Random, randomCount, randomInteger } from "./seeded-random.ts";
import { auditFeasibleIntervals } from "./table-auditor.ts";

function randomTable(random: Random, sizes: number[]): CountTable {
  const dimensions = sizes.map((size, d) => ({
    name: `d${d}`,
    categories: Array.from({ length: size }, (_, i) => `c${i}`),
  }));
  const rows: { categories: string[]; count: number }[] = [];
  const walk = (d: number, categories: string[]) => {
    if (d === sizes.length) {
      rows.push({ categories, count: randomCount(random) });
      return;
    }
    for (const category of dimensions[d]?.categories ?? []) walk(d + 1, [...categories, category]);
  };
  walk(0, []);
  return createCountTable(dimensions, rows);
}

/** Checks every rule a published table must obey, using only its published form for the audit. */
function expectProtected(table: CountTable, published: ProtectedTable) {
  const values = computeEntryValues(gridOfTable(table), table.cells);
  published.entries.forEach((entry, index) => {
    const truth = values[index] ?? 0;
    if (entry.value !== null && entry.status !== "structural_zero") {
      // No published number is a count from 1 to 10 (D2).
      expect(entry.value).toBeGreaterThanOrEqual(MIN_PUBLISHED_COUNT);
    }
    if (entry.status === "published") expect(entry.value).toBe(truth);
    if (entry.status === "rounded") expect(entry.value).toBe(roundCount(truth));
    if (entry.status === "primary") expect(truth).toBeLessThanOrEqual(MAX_HIDDEN_COUNT);
    if (entry.status === "secondary") expect(truth).toBeGreaterThanOrEqual(MIN_PUBLISHED_COUNT);
  });
  const statuses = published.entries.map((entry) => entry.status);
  expect(published.suppressedCount.primary).toBe(statuses.filter((s) => s === "primary").length);
  expect(published.suppressedCount.secondary).toBe(statuses.filter((s) => s === "secondary").length);
  if (published.method === "withheld") {
    expect(published.entries.every((entry) => entry.value === null || entry.status === "structural_zero")).toBe(true);
    return;
  }
  const targets = listSmallCountEntries(published);
  const intervals = auditFeasibleIntervals(knowledgeOfPublication(published), targets);
  for (const target of targets) {
    const interval = intervals.get(target);
    const truth = values[target] ?? 0;
    expect(interval?.min).toBeLessThanOrEqual(truth);
    expect(interval?.max).toBeGreaterThanOrEqual(truth);
    expect((interval?.max ?? 0) - (interval?.min ?? 0)).toBeGreaterThanOrEqual(published.protectionRange);
  }
}

describe("protectTable", () => {
  it("hides a small cell and one complement so that the row total does not give it away", () => {
    const table = createCountTable(
      [{ name: "form", categories: ["SEXUAL", "LABOUR", "BEGGING"] }],
      [
        { categories: ["SEXUAL"], count: 40 },
        { categories: ["LABOUR"], count: 25 },
        { categories: ["BEGGING"], count: 3 },
      ],
    );
    const published = protectTable(table);
    expect(findPublishedEntry(published, ["BEGGING"])?.display).toBe("< 11");
    expect(published.suppressedCount).toEqual({ primary: 1, secondary: 1, total: 2 });
    // The cheapest complement is the smaller cell, not the total.
    expect(findPublishedEntry(published, ["LABOUR"])?.display).toBe("s");
    expect(findPublishedEntry(published, [null])?.value).toBe(68);
    expect(published.note).toContain("« < 11 »");
    expect(published.note).toContain("1 autre effectif d'au moins 11 est masqué");
    expectProtected(table, published);
  });

  it("states the secondary suppressions in correct French when there are several", () => {
    const table = createCountTable(
      [
        { name: "sex", categories: ["F", "M"] },
        { name: "form", categories: ["SEXUAL", "LABOUR", "BEGGING"] },
      ],
      [
        { categories: ["F", "SEXUAL"], count: 3 },
        { categories: ["F", "LABOUR"], count: 40 },
        { categories: ["F", "BEGGING"], count: 30 },
        { categories: ["M", "SEXUAL"], count: 50 },
        { categories: ["M", "LABOUR"], count: 4 },
        { categories: ["M", "BEGGING"], count: 35 },
      ],
    );
    const published = protectTable(table);
    const { secondary } = published.suppressedCount;
    expect(secondary).toBeGreaterThan(1);
    expect(published.note).toContain(`${secondary} autres effectifs d'au moins 11 sont masqués`);
  });

  it("shows structural zeros and hides other zeros", () => {
    const table = createCountTable(
      [
        { name: "age", categories: ["<15", "15-17"] },
        { name: "status", categories: ["mna", "care_leaver"] },
      ],
      [
        { categories: ["<15", "mna"], count: 30 },
        { categories: ["15-17", "mna"], count: 45 },
        { categories: ["15-17", "care_leaver"], count: 0 },
      ],
      { structuralZeros: [["<15", "care_leaver"]] },
    );
    const published = protectTable(table);
    expect(findPublishedEntry(published, ["<15", "care_leaver"])?.display).toBe("0");
    expect(findPublishedEntry(published, ["15-17", "care_leaver"])?.display).toBe("< 11");
    expectProtected(table, published);
  });

  it("hides a group whose members all share the sensitive value (D7)", () => {
    const table = createCountTable(
      [
        { name: "department", categories: ["93", "75"] },
        { name: "placement", categories: ["placed", "not_placed"] },
      ],
      [
        { categories: ["93", "placed"], count: 30 },
        { categories: ["75", "placed"], count: 20 },
        { categories: ["75", "not_placed"], count: 25 },
      ],
    );
    const published = protectTable(table, { sensitiveDimension: "placement" });
    expect(published.homogeneousGroupCount).toBe(1);
    expect(findPublishedEntry(published, ["93", "placed"])?.value).toBeNull();
    expectProtected(table, published);
  });

  it("rejects a protection range outside 0..10", () => {
    const table = createCountTable([{ name: "a", categories: ["x"] }], []);
    expect(() => protectTable(table, { protectionRange: 11 })).toThrow(RangeError);
  });

  it("protects random 2-dimension tables, as the exact auditor confirms", () => {
    const random = createRandom(20240601);
    for (let trial = 0; trial < 25; trial++) {
      const table = randomTable(random, [randomInteger(random, 2, 6), randomInteger(random, 2, 5)]);
      const published = protectTable(table);
      expectProtected(table, published);
      expect(published.method).not.toBe("withheld");
    }
  });

  it("protects random 3-dimension tables, as the exact auditor confirms", () => {
    const random = createRandom(777);
    const methods = new Set<string>();
    for (let trial = 0; trial < 12; trial++) {
      const sizes = [randomInteger(random, 2, 4), randomInteger(random, 2, 3), randomInteger(random, 2, 3)];
      const table = randomTable(random, sizes);
      const published = protectTable(table);
      methods.add(published.method);
      expectProtected(table, published);
    }
    expect(methods.has("suppression")).toBe(true);
  });

  it("honours a stricter protection range", () => {
    const random = createRandom(42);
    for (let trial = 0; trial < 10; trial++) {
      const table = randomTable(random, [randomInteger(random, 3, 5), randomInteger(random, 3, 4)]);
      expectProtected(table, protectTable(table, { protectionRange: 8 }));
    }
  });
});

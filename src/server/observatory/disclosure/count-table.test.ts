import { describe, expect, it } from "vitest";
import { computeEntryValues, createCountTable, entryOfLevels, gridOfTable, listLines } from "./count-table.ts";
import { DisclosureInputError } from "./disclosure-rules.ts";

const dimension = (name: string, categories: string[]) => ({ name, categories });

describe("createCountTable", () => {
  it("rejects a fourth dimension (D4)", () => {
    const dims = ["a", "b", "c", "d"].map((name) => dimension(name, ["x"]));
    expect(() => createCountTable(dims, [])).toThrow(DisclosureInputError);
  });

  it("rejects unknown categories and negative or fractional counts", () => {
    const dims = [dimension("year", ["2023", "2024"])];
    expect(() => createCountTable(dims, [{ categories: ["2022"], count: 1 }])).toThrow(/unknown category/);
    expect(() => createCountTable(dims, [{ categories: ["2023"], count: -1 }])).toThrow(/integer/);
    expect(() => createCountTable(dims, [{ categories: ["2023"], count: 1.5 }])).toThrow(/integer/);
  });

  it("adds duplicate rows and fills missing combinations with 0", () => {
    const table = createCountTable(
      [dimension("year", ["2023", "2024"]), dimension("form", ["SEXUAL", "LABOUR"])],
      [
        { categories: ["2023", "SEXUAL"], count: 4 },
        { categories: ["2023", "SEXUAL"], count: 3 },
        { categories: ["2024", "LABOUR"], count: 12 },
      ],
    );
    expect(table.cells).toEqual([7, 0, 0, 12]);
  });

  it("refuses a structural zero that holds persons", () => {
    const dims = [dimension("year", ["2023"])];
    expect(() => createCountTable(dims, [{ categories: ["2023"], count: 2 }], { structuralZeros: [["2023"]] })).toThrow(
      /structurally zero/,
    );
  });
});

describe("computeEntryValues", () => {
  it("computes every marginal total and the grand total of a 3-dimension table", () => {
    const table = createCountTable(
      [dimension("a", ["a0", "a1"]), dimension("b", ["b0", "b1", "b2"]), dimension("c", ["c0", "c1"])],
      Array.from({ length: 12 }, (_, i) => ({
        categories: [`a${Math.floor(i / 6)}`, `b${Math.floor(i / 2) % 3}`, `c${i % 2}`],
        count: i + 1,
      })),
    );
    const grid = gridOfTable(table);
    const values = computeEntryValues(grid, table.cells);
    expect(values[entryOfLevels(grid, [2, 3, 2])]).toBe(78);
    expect(values[entryOfLevels(grid, [0, 3, 2])]).toBe(1 + 2 + 3 + 4 + 5 + 6);
    expect(values[entryOfLevels(grid, [2, 1, 0])]).toBe(3 + 9);
    for (const line of listLines(grid)) {
      const categories = line.slice(0, -1).reduce((sum, entry) => sum + (values[entry] ?? 0), 0);
      expect(categories).toBe(values[line[line.length - 1] ?? 0]);
    }
  });
});

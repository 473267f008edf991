import type { ObservatoryCell, ObservatoryTable } from "@shared/observatory.ts";

const TOTAL = "\u2211";
const keyOf = (categories: readonly (string | null)[]) => categories.map((code) => code ?? TOTAL).join("\u0000");

/** Finds a cell by its categories, null standing for the total over a dimension. */
export function cellFinder(
  table: ObservatoryTable,
): (categories: readonly (string | null)[]) => ObservatoryCell | undefined {
  const cells = new Map(table.cells.map((cell) => [keyOf(cell.categories), cell]));
  const width = table.dimensions.length;
  cells.set(keyOf(Array.from({ length: width }, () => null)), table.grandTotal);
  return (categories) => cells.get(keyOf(categories));
}

/** Every display a table shows, to explain the symbols it uses. */
export function displaysOf(table: ObservatoryTable): string[] {
  return [...new Set([...table.cells.map((cell) => cell.display), table.grandTotal.display])];
}

/** One value per category of a one-dimension table, hidden cells as null: what a chart can draw. */
export function chartValuesOf(table: ObservatoryTable): { code: string; label: string; value: number | null }[] {
  const [dimension] = table.dimensions;
  if (!dimension) return [];
  const find = cellFinder(table);
  return dimension.categories.map((category) => ({
    code: category.code,
    label: category.label,
    value: find([category.code])?.value ?? null,
  }));
}

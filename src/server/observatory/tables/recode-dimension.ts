import { type CountTable, createCountTable } from "../disclosure/count-table.ts";
import { MIN_PUBLISHED_COUNT } from "../disclosure/disclosure-rules.ts";

/** The category of every cell along each dimension, row-major as in `table.cells`. */
export function cellCategories(table: CountTable, cell: number): string[] {
  const categories: string[] = [];
  let rest = cell;
  for (let d = table.dimensions.length - 1; d >= 0; d--) {
    const dimension = table.dimensions[d];
    const size = dimension?.categories.length ?? 1;
    categories.unshift(dimension?.categories[rest % size] ?? "");
    rest = Math.floor(rest / size);
  }
  return categories;
}

/** Replaces the categories of one dimension, adding up the cells that land in the same new category. */
export function recodeDimension(
  table: CountTable,
  dimension: string,
  recode: (category: string) => string,
  categories: readonly string[],
): CountTable {
  const d = table.dimensions.findIndex((candidate) => candidate.name === dimension);
  if (d < 0) return table;
  const dimensions = table.dimensions.map((candidate, i) =>
    i === d ? { name: candidate.name, categories } : candidate,
  );
  const rows = table.cells.map((count, cell) => {
    const original = cellCategories(table, cell);
    return { categories: original.map((category, i) => (i === d ? recode(category) : category)), count };
  });
  return createCountTable(dimensions, rows);
}

export const MERGED_CATEGORY = "merged";

/**
 * Categories too rare to publish along `dimension`: on average fewer than half the publication threshold per
 * cell, so that nearly all their cells would be hidden anyway and their totals would then need hiding elsewhere.
 * With `aggressive`, every category below the threshold on average. A lone rare category joins the next smallest.
 */
export function findRareCategories(table: CountTable, dimension: string, aggressive = false): string[] {
  const d = table.dimensions.findIndex((candidate) => candidate.name === dimension);
  const categories = table.dimensions[d]?.categories ?? [];
  if (d < 0 || categories.length < 3) return [];
  const totals = new Map(categories.map((category) => [category, 0]));
  table.cells.forEach((count, cell) => {
    const category = cellCategories(table, cell)[d] ?? "";
    totals.set(category, (totals.get(category) ?? 0) + count);
  });
  const cellsPerCategory = table.cells.length / categories.length;
  const threshold = (MIN_PUBLISHED_COUNT * cellsPerCategory) / (aggressive ? 1 : 2);
  const bySize = [...totals].sort((a, b) => a[1] - b[1]);
  const rare = bySize.filter(([, total]) => total < threshold).map(([category]) => category);
  if (rare.length === 1) {
    const next = bySize.find(([category]) => !rare.includes(category));
    if (next) rare.push(next[0]);
  }
  // Keep at least two published categories: merging everything would make the dimension meaningless.
  return rare.length >= categories.length - 1 ? rare.slice(0, Math.max(0, categories.length - 2)) : rare;
}

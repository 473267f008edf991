import type { ObservatoryTable } from "@shared/observatory.ts";
import { cellFinder } from "../table-cells.ts";

/** dsfr-chart takes its series as JSON text in attributes. */
export const asAttribute = (value: unknown): string => JSON.stringify(value);

/**
 * One value per département for the map: a folded group's value goes to each of its départements, and hidden
 * cells are left out (they stay uncoloured, and the table says why).
 */
export function mapValuesOf(table: ObservatoryTable): Record<string, number> {
  const [dimension] = table.dimensions;
  if (!dimension) return {};
  const find = cellFinder(table);
  const values: Record<string, number> = {};
  for (const category of dimension.categories) {
    const value = find([category.code])?.value;
    if (value === null || value === undefined) continue;
    for (const code of category.departments ?? [category.code]) values[code] = value;
  }
  return values;
}

export function periodLabel(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

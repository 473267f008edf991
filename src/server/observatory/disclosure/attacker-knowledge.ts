import type { ExtendedGrid } from "./count-table.ts";

/**
 * A published sum over a block of cells that is not an entry of the grid (e.g. "years 2020–2022" when the grid
 * has each year): per dimension the category levels it covers, or null for all of them.
 */
export interface BoxConstraint {
  levels: readonly (ReadonlySet<number> | null)[];
  /** True sum, used only by certificates, never by the auditor. */
  value: number;
  /** What the attacker knows about the sum: lower = upper when it was published exactly. */
  lower: number;
  upper: number;
}

/**
 * What an attacker knows about every entry of an extended grid after a publication: an exact value
 * (lower = upper), a range ("< 11" → 0..10, "s" → ≥ 11, a rounded count → its rounding interval) or nothing
 * beyond ≥ 0. The additive relations between entries are implied by the grid.
 */
export interface AttackerKnowledge {
  grid: ExtendedGrid;
  lower: readonly number[];
  upper: readonly number[];
  boxes: readonly BoxConstraint[];
}

export function isFixed(knowledge: AttackerKnowledge, entry: number): boolean {
  return knowledge.lower[entry] === knowledge.upper[entry];
}

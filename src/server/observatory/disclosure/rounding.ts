import { MIN_PUBLISHED_COUNT, ROUNDING_BASE } from "./disclosure-rules.ts";

// Fallback when suppression cannot protect a table: counts ≥ 11 are rounded to the nearest multiple of 10,
// never below 20 so that no published number looks like a small count; counts 0–10 stay "< 11". Totals are
// rounded on their own, so they may differ from the sum of the rounded cells. The rounded table is then audited
// like a suppressed one, each rounded count being known only within its rounding interval.

const SMALLEST_ROUNDED = 2 * ROUNDING_BASE;

export function roundCount(count: number): number {
  if (count < MIN_PUBLISHED_COUNT) throw new RangeError("counts below 11 are hidden, not rounded");
  return Math.max(SMALLEST_ROUNDED, ROUNDING_BASE * Math.floor((count + ROUNDING_BASE / 2) / ROUNDING_BASE));
}

/** Every count ≥ 11 that rounds to `rounded`. */
export function roundingInterval(rounded: number): { lower: number; upper: number } {
  const half = ROUNDING_BASE / 2;
  const upper = rounded + half - 1;
  const lower = rounded === SMALLEST_ROUNDED ? MIN_PUBLISHED_COUNT : rounded - half;
  return { lower, upper };
}

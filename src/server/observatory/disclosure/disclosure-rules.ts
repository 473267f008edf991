// Thresholds of the observatory's disclosure-control rules (data-standard.md §4.2, rules D2–D8).

/** D2: a count of persons is published only from this size on; 1–10 are shown as "< 11". */
export const MIN_PUBLISHED_COUNT = 11;

/** Largest count that must be hidden (MIN_PUBLISHED_COUNT − 1). */
export const MAX_HIDDEN_COUNT = MIN_PUBLISHED_COUNT - 1;

/** D4: a published table crosses at most three dimensions. */
export const MAX_TABLE_DIMENSIONS = 3;

/**
 * Width that the attacker's interval for a hidden count must keep, given everything published. A hidden count
 * lies in 0..10; with a range of 5 an attacker can never narrow it to fewer than six possible values. Set 10 to
 * demand that the published table tell nothing beyond "< 11".
 */
export const DEFAULT_PROTECTION_RANGE = 5;

/** Base of the fallback rounding of counts ≥ 11 when suppression cannot protect a table. */
export const ROUNDING_BASE = 10;

/** D7: a published group needs at least this many distinct values of the sensitive attribute. */
export const DEFAULT_L_DIVERSITY = 2;

/** Labels shown instead of a count. */
export const SMALL_COUNT_LABEL = `< ${MIN_PUBLISHED_COUNT}`;
export const SECRET_LABEL = "s";
export const WITHHELD_LABEL = "n.d.";

/** Rejects input that the disclosure rules cannot handle (too many dimensions, unknown category…). */
export class DisclosureInputError extends Error {
  override name = "DisclosureInputError";
}

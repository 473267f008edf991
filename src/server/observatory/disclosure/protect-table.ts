import type { AttackerKnowledge } from "./attacker-knowledge.ts";
import {
  type CountTable,
  computeEntryValues,
  type ExtendedGrid,
  gridOfTable,
  levelsOfEntry,
  type TableDimension,
} from "./count-table.ts";
import {
  DEFAULT_L_DIVERSITY,
  DEFAULT_PROTECTION_RANGE,
  MAX_HIDDEN_COUNT,
  MIN_PUBLISHED_COUNT,
  ROUNDING_BASE,
  SECRET_LABEL,
  SMALL_COUNT_LABEL,
  WITHHELD_LABEL,
} from "./disclosure-rules.ts";
import { findHomogeneousGroups } from "./l-diversity.ts";
import { certifyEntry } from "./protection-certificate.ts";
import { roundCount, roundingInterval } from "./rounding.ts";
import { type MutableKnowledge, requiredWidth, suppressComplementaryEntries } from "./secondary-suppression.ts";
import { createWorkBudget } from "./work-budget.ts";

/**
 * How an entry is published. `primary`: a count 0–10 shown "< 11" (D2); `secondary`: a count ≥ 11 hidden so that
 * a primary one cannot be recomputed (D3) or to keep a group l-diverse (D7), shown "s"; `structural_zero`: a zero
 * by construction, the only zero shown; `rounded`: fallback rounding; `withheld`: nothing could be published.
 */
export type EntryStatus = "published" | "structural_zero" | "primary" | "secondary" | "rounded" | "withheld";

export interface PublishedEntry {
  /** Category per dimension; null where the entry is the total over that dimension. */
  categories: (string | null)[];
  /** The published number, null when hidden. */
  value: number | null;
  /** What a reader sees: a number, "< 11", "s" or "n.d.". */
  display: string;
  status: EntryStatus;
}

export type ProtectionMethod = "suppression" | "rounding" | "withheld";

/**
 * "split": counts 0–10 read "< 11" and other hidden counts "s"; "uniform": every hidden count reads "s", used
 * when the distinction itself would let a reader narrow a small count.
 */
export type HiddenLabels = "split" | "uniform";

export interface ProtectedTable {
  dimensions: readonly TableDimension[];
  method: ProtectionMethod;
  hiddenLabels: HiddenLabels;
  /** Cells, every marginal total and the grand total, in extended-grid order (see findPublishedEntry). */
  entries: PublishedEntry[];
  /** D10: hidden entries, cells and totals together. */
  suppressedCount: { primary: number; secondary: number; total: number };
  roundedCount: number;
  protectionRange: number;
  /** Groups merged into hiding because they failed l-diversity (D7). */
  homogeneousGroupCount: number;
  /** French note printed under the table. */
  note: string;
}

export interface ProtectTableOptions {
  /** Minimum width of the interval an attacker can infer for a hidden count (see disclosure-rules.ts). */
  protectionRange?: number;
  /** Dimension holding a sensitive attribute whose groups must be l-diverse (D7). */
  sensitiveDimension?: string;
  lDiversity?: number;
}

/**
 * Applies D2, D3 and D7 to a table: hides counts 0–10, hides complementary entries until no hidden count can be
 * narrowed below the protection range from the published ones (proven by certificates), and falls back to
 * rounding, then to withholding, when suppression cannot do it.
 */
export function protectTable(table: CountTable, options: ProtectTableOptions = {}): ProtectedTable {
  const protectionRange = options.protectionRange ?? DEFAULT_PROTECTION_RANGE;
  if (!(protectionRange >= 0 && protectionRange <= MAX_HIDDEN_COUNT)) {
    throw new RangeError(`the protection range must lie in 0..${MAX_HIDDEN_COUNT}`);
  }
  const grid = gridOfTable(table);
  const values = computeEntryValues(grid, table.cells);
  const structural = findStructuralZeroEntries(table, grid);
  const forced = new Set<number>();
  const homogeneous = options.sensitiveDimension
    ? findHomogeneousGroups(table, options.sensitiveDimension, options.lDiversity ?? DEFAULT_L_DIVERSITY)
    : [];
  for (const group of homogeneous) for (const entry of group.entries) if (!structural.has(entry)) forced.add(entry);

  const statuses = new Array<EntryStatus>(grid.entryCount);
  for (let entry = 0; entry < grid.entryCount; entry++) {
    const value = values[entry] ?? 0;
    if (structural.has(entry)) statuses[entry] = "structural_zero";
    else if (value <= MAX_HIDDEN_COUNT) statuses[entry] = "primary";
    else statuses[entry] = forced.has(entry) ? "secondary" : "published";
  }
  const targets = statuses.flatMap((status, entry) => (status === "primary" ? [entry] : []));

  // First with "< 11" and "s" told apart; if those labels pin a count down, with every hidden entry shown "s"
  // (readers then know only that it is ≥ 0, which leaves far more room); then rounding; then nothing.
  let hiddenLabels: HiddenLabels = "split";
  let suppression = suppressWithLabels(grid, values, statuses, targets, protectionRange, hiddenLabels);
  if (suppression.unprotected.length > 0) {
    hiddenLabels = "uniform";
    suppression = suppressWithLabels(grid, values, statuses, targets, protectionRange, hiddenLabels);
  }
  let method: ProtectionMethod = "suppression";
  if (suppression.unprotected.length === 0) {
    for (const entry of suppression.secondary) statuses[entry] = "secondary";
  } else {
    hiddenLabels = "split";
    method = tryRounding(grid, values, statuses, targets, protectionRange) ? "rounding" : "withheld";
  }
  return present(table, grid, values, statuses, { method, hiddenLabels, protectionRange }, homogeneous.length);
}

/** A structural zero is a cell declared so, or a total over structural zeros only. */
function findStructuralZeroEntries(table: CountTable, grid: ExtendedGrid): Set<number> {
  const possibleCells = table.cells.map((_, cell) => (table.structuralZeros.has(cell) ? 0 : 1));
  const possible = computeEntryValues(grid, possibleCells);
  return new Set(possible.flatMap((count, entry) => (count === 0 ? [entry] : [])));
}

function suppressWithLabels(
  grid: ExtendedGrid,
  values: readonly number[],
  statuses: readonly EntryStatus[],
  targets: readonly number[],
  protectionRange: number,
  hiddenLabels: HiddenLabels,
) {
  return suppressComplementaryEntries(
    knowledgeOfStatuses(grid, values, statuses, hiddenLabels),
    values,
    targets,
    protectionRange,
    (entry) => statuses[entry] === "published",
    // Split labels are tried first but given up sooner: uniform labels succeed far more often on sparse tables.
    createWorkBudget(hiddenLabels === "split" ? 300_000 : 900_000),
    hiddenLabels === "split" ? MIN_PUBLISHED_COUNT : 0,
  );
}

function knowledgeOfStatuses(
  grid: ExtendedGrid,
  values: readonly number[],
  statuses: readonly EntryStatus[],
  hiddenLabels: HiddenLabels,
): MutableKnowledge {
  const lower = new Array<number>(grid.entryCount);
  const upper = new Array<number>(grid.entryCount);
  statuses.forEach((status, entry) => {
    const published = status === "rounded" ? roundCount(values[entry] ?? 0) : (values[entry] ?? 0);
    const bounds = boundsOf(status, published, hiddenLabels);
    lower[entry] = bounds.lower;
    upper[entry] = bounds.upper;
  });
  return { grid, lower, upper, boxes: [] };
}

/** What a reader knows about an entry from its status and published value. */
function boundsOf(
  status: EntryStatus,
  published: number,
  hiddenLabels: HiddenLabels,
): { lower: number; upper: number } {
  if (hiddenLabels === "uniform" && (status === "primary" || status === "secondary")) {
    return { lower: 0, upper: Number.POSITIVE_INFINITY };
  }
  switch (status) {
    case "published":
      return { lower: published, upper: published };
    case "structural_zero":
      return { lower: 0, upper: 0 };
    case "primary":
      return { lower: 0, upper: MAX_HIDDEN_COUNT };
    case "secondary":
      return { lower: MIN_PUBLISHED_COUNT, upper: Number.POSITIVE_INFINITY };
    case "rounded":
      return roundingInterval(published);
    case "withheld":
      return { lower: 0, upper: Number.POSITIVE_INFINITY };
  }
}

/** Rounds every count ≥ 11 not hidden for l-diversity; true when certificates then protect every hidden count. */
function tryRounding(
  grid: ExtendedGrid,
  values: readonly number[],
  statuses: EntryStatus[],
  targets: readonly number[],
  protectionRange: number,
): boolean {
  const rounded = statuses.map((status) => (status === "published" ? "rounded" : status));
  const budget = createWorkBudget();
  const knowledge = knowledgeOfStatuses(grid, values, rounded, "split");
  const isProtected = targets.every((target) => {
    const need = requiredWidth(knowledge, target, protectionRange);
    const interval = certifyEntry(knowledge, values, target, need, budget);
    return interval.up + interval.down >= need;
  });
  statuses.forEach((status, entry) => {
    if (isProtected) statuses[entry] = rounded[entry] ?? status;
    else if (status !== "structural_zero") statuses[entry] = "withheld";
  });
  return isProtected;
}

function present(
  table: CountTable,
  grid: ExtendedGrid,
  values: readonly number[],
  statuses: readonly EntryStatus[],
  {
    method,
    hiddenLabels,
    protectionRange,
  }: { method: ProtectionMethod; hiddenLabels: HiddenLabels; protectionRange: number },
  homogeneousGroupCount: number,
): ProtectedTable {
  const entries = statuses.map((status, entry) => {
    const categories = levelsOfEntry(grid, entry).map((level, d) =>
      level === grid.sizes[d] ? null : (table.dimensions[d]?.categories[level] ?? null),
    );
    return presentEntry(categories, status, values[entry] ?? 0, hiddenLabels);
  });
  const count = (status: EntryStatus) => statuses.filter((s) => s === status).length;
  const suppressedCount = {
    primary: count("primary"),
    secondary: count("secondary"),
    total: count("primary") + count("secondary") + count("withheld"),
  };
  return {
    dimensions: table.dimensions,
    method,
    hiddenLabels,
    entries,
    suppressedCount,
    roundedCount: count("rounded"),
    protectionRange,
    homogeneousGroupCount,
    note: frenchNote(method, hiddenLabels, suppressedCount, homogeneousGroupCount),
  };
}

function presentEntry(
  categories: (string | null)[],
  status: EntryStatus,
  value: number,
  hiddenLabels: HiddenLabels,
): PublishedEntry {
  switch (status) {
    case "published":
      return { categories, value, display: String(value), status };
    case "structural_zero":
      return { categories, value: 0, display: "0", status };
    case "rounded": {
      const rounded = roundCount(value);
      return { categories, value: rounded, display: String(rounded), status };
    }
    case "primary":
      return { categories, value: null, display: hiddenLabels === "split" ? SMALL_COUNT_LABEL : SECRET_LABEL, status };
    case "secondary":
      return { categories, value: null, display: SECRET_LABEL, status };
    case "withheld":
      return { categories, value: null, display: WITHHELD_LABEL, status };
  }
}

function frenchNote(
  method: ProtectionMethod,
  hiddenLabels: HiddenLabels,
  suppressed: ProtectedTable["suppressedCount"],
  homogeneousGroupCount: number,
): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
  if (method === "withheld") {
    return "Secret statistique : ce tableau ne peut pas être diffusé sans risque de réidentification ; aucun effectif n'est publié.";
  }
  if (hiddenLabels === "uniform") {
    return (
      `Secret statistique : ${plural(suppressed.total, "effectif")} (cases ou totaux) ` +
      `${suppressed.total > 1 ? "sont masqués" : "est masqué"} (« ${SECRET_LABEL} »), dont tous les effectifs de 0 à ` +
      `${MAX_HIDDEN_COUNT} ; dans ce tableau, distinguer les petits effectifs permettrait d'en recalculer certains.`
    );
  }
  const parts = [
    `Secret statistique : les effectifs de 0 à ${MAX_HIDDEN_COUNT} sont remplacés par « ${SMALL_COUNT_LABEL} » ` +
      `(${plural(suppressed.primary, "case")} ou totaux) ; seuls les zéros structurels sont affichés.`,
  ];
  if (method === "suppression" && suppressed.secondary > 0) {
    parts.push(
      `${suppressed.secondary} ${suppressed.secondary > 1 ? "autres effectifs" : "autre effectif"} d'au moins ${MIN_PUBLISHED_COUNT} ` +
        `${suppressed.secondary > 1 ? "sont masqués" : "est masqué"} (« ${SECRET_LABEL} ») ` +
        "pour qu'aucun effectif masqué ne puisse être retrouvé à partir des totaux publiés.",
    );
  }
  if (method === "rounding") {
    parts.push(
      `Le masquage ne suffisant pas à protéger ce tableau, les effectifs d'au moins ${MIN_PUBLISHED_COUNT} sont ` +
        `arrondis à la dizaine la plus proche (${2 * ROUNDING_BASE} au minimum) ; les totaux sont arrondis ` +
        "séparément et peuvent différer de la somme des cases.",
    );
  }
  if (homogeneousGroupCount > 0) {
    parts.push(
      `${plural(homogeneousGroupCount, "groupe")} dont toutes les personnes partagent la même caractéristique ` +
        `${homogeneousGroupCount > 1 ? "sont masqués" : "est masqué"}.`,
    );
  }
  return parts.join(" ");
}

/** The entry for a combination of categories (null = total over that dimension). */
export function findPublishedEntry(
  table: ProtectedTable,
  categories: readonly (string | null)[],
): PublishedEntry | undefined {
  return table.entries.find((entry) => entry.categories.every((category, d) => category === categories[d]));
}

/**
 * Rebuilds, from a protected table alone, what a reader can know about every entry: the input of the exact
 * auditor, which must never see true counts.
 */
export function knowledgeOfPublication(table: ProtectedTable): AttackerKnowledge {
  const grid = gridOfTable({ dimensions: table.dimensions, cells: [], structuralZeros: new Set() });
  const lower = new Array<number>(grid.entryCount);
  const upper = new Array<number>(grid.entryCount);
  table.entries.forEach((entry, index) => {
    const bounds = boundsOf(entry.status, entry.value ?? 0, table.hiddenLabels);
    lower[index] = bounds.lower;
    upper[index] = bounds.upper;
  });
  return { grid, lower, upper, boxes: [] };
}

/**
 * The status an entry may carry wherever it leaves the server (API, exports, the guard's record). With uniform
 * labels every hidden count reads "s" and was protected on the premise that readers cannot tell a count 0–10 from
 * a secondary suppression: saying "primary" next to an "s" would hand them that distinction back.
 */
export function statusAsPublished(status: EntryStatus, hiddenLabels: HiddenLabels): EntryStatus {
  return hiddenLabels === "uniform" && status === "primary" ? "secondary" : status;
}

/**
 * The hidden-cell counts a reader may see: with uniform labels, telling how many hidden cells are small would say
 * what the single "s" label was chosen to hide, so every hidden cell counts as "s".
 */
export function suppressedCountAsPublished(table: ProtectedTable): ProtectedTable["suppressedCount"] {
  const { total, primary, secondary } = table.suppressedCount;
  return table.hiddenLabels === "uniform"
    ? { primary: 0, secondary: primary + secondary, total }
    : table.suppressedCount;
}

/** Entries hidden as counts 0–10: the ones whose protection the auditor checks. */
export function listSmallCountEntries(table: ProtectedTable): number[] {
  return table.entries.flatMap((entry, index) => (entry.status === "primary" ? [index] : []));
}

import type { AttackerKnowledge, BoxConstraint } from "./attacker-knowledge.ts";
import {
  type CountTable,
  computeEntryValues,
  createCountTable,
  entryOfLevels,
  gridOfTable,
  levelsOfEntry,
  type TableDimension,
} from "./count-table.ts";
import {
  DEFAULT_PROTECTION_RANGE,
  DisclosureInputError,
  MAX_HIDDEN_COUNT,
  MIN_PUBLISHED_COUNT,
} from "./disclosure-rules.ts";
import { certifyEntryLocally } from "./local-lp-certificate.ts";
import type { EntryStatus, ProtectedTable } from "./protect-table.ts";
import { certifyEntry, EVERY_CUBE_PER_MOVE } from "./protection-certificate.ts";
import { roundingInterval } from "./rounding.ts";
import { createWorkBudget } from "./work-budget.ts";

// D8, differencing: each table may be safe alone, yet "victims in X, 2020–2022" = 30 and "victims in X,
// 2020–2023" = 35 together reveal 5 victims in X in 2023. The guard keeps every count a user has been shown
// (its block of the frame and what it told: exact value, "< 11", "s", rounding interval) and accepts a new
// query only if, with everything shown before, no group of the common refinement of all those blocks with
// 0–10 persons can be narrowed below the protection range. The refinement splits each frame dimension into the
// classes of categories that no shown block separates; its cells, their totals and the shown blocks form one
// linked table, audited with the same certificates as a single table (protection-certificate.ts), so a new
// query is accepted only with a proof that no such group is pinned down.
// Limits: the frame has at most 3 dimensions (filters on a 4th are refused by createCountTable); the counts
// must come from a frozen snapshot (a guard is bound to one snapshot id, new data need a new guard); groups that
// are unions of several refinement cells (e.g. two non-adjacent years together), hidden blocks among them, are
// not audited, as in table protection; certificates are inner bounds, so the guard may refuse a query that was in fact safe, never the
// reverse (within the linear-programming attacker model for 3-dimension frames, see local-lp-certificate.ts).

/** A count shown to a user: its block of the frame (missing dimension = all categories) and what it told. */
export interface PublishedBox {
  where: Readonly<Record<string, readonly string[]>>;
  status: EntryStatus;
  value: number | null;
}

/** Serialisable state, to keep in the database between requests. */
export interface DifferencingGuardState {
  snapshot: string;
  dimensions: TableDimension[];
  boxes: PublishedBox[];
}

export type GuardDecision =
  | { accepted: true }
  | {
      accepted: false;
      reason: "small_count_published" | "differencing";
      /** The groups that would be exposed, by frame categories (for logs; never show their counts). */
      exposedGroups: Record<string, readonly string[]>[];
    };

export class DifferencingGuard {
  private readonly boxes: PublishedBox[];

  private constructor(
    private readonly snapshot: string,
    private readonly dimensions: readonly TableDimension[],
    boxes: readonly PublishedBox[],
    private readonly protectionRange: number,
  ) {
    this.boxes = [...boxes];
  }

  static create(snapshot: string, dimensions: readonly TableDimension[], protectionRange = DEFAULT_PROTECTION_RANGE) {
    return new DifferencingGuard(snapshot, dimensions, [], protectionRange);
  }

  static fromJSON(state: DifferencingGuardState, protectionRange = DEFAULT_PROTECTION_RANGE) {
    return new DifferencingGuard(state.snapshot, state.dimensions, state.boxes, protectionRange);
  }

  /**
   * A user's first table in this frame, as protectTable published it: its certificates already prove that nothing
   * it shows narrows a small group, and with nothing else shown the frame adds only categories the table does not
   * show (other years, other values of a filter), which constrain nothing. So the table's proof is the guard's, and
   * the frame's counts are not needed. The guard's own search, on its budget, could refuse such a table (it did on
   * the national table at a million cases), never the reverse. Every later table goes through `review`.
   */
  acceptFirstProtectedTable(snapshot: string, boxes: readonly PublishedBox[]): GuardDecision {
    if (snapshot !== this.snapshot) throw new DisclosureInputError("the guard belongs to another data snapshot");
    if (this.boxes.length > 0) throw new DisclosureInputError("the guard already holds tables: review the next one");
    const small = refuseSmallCounts(boxes);
    if (small) return small;
    this.boxes.push(...boxes.filter((box) => box.status !== "withheld"));
    return { accepted: true };
  }

  toJSON(): DifferencingGuardState {
    return { snapshot: this.snapshot, dimensions: [...this.dimensions], boxes: [...this.boxes] };
  }

  /**
   * Decides whether `boxes` may be shown on top of what this user has already seen; records them when accepted.
   * `frame` holds the true counts of the snapshot over the guard's dimensions (same order).
   */
  review(snapshot: string, frame: CountTable, boxes: readonly PublishedBox[]): GuardDecision {
    if (snapshot !== this.snapshot) throw new DisclosureInputError("the guard belongs to another data snapshot");
    assertSameDimensions(frame, this.dimensions);
    const small = refuseSmallCounts(boxes);
    if (small) return small;
    const shown = boxes.filter((box) => box.status !== "withheld");
    const all = [...this.boxes, ...shown];
    const exposed = findExposedGroups(frame, all, this.protectionRange);
    if (exposed.length > 0) return { accepted: false, reason: "differencing", exposedGroups: exposed };
    this.boxes.push(...shown);
    return { accepted: true };
  }
}

/** A count from 1 to 10 shown as such is refused before anything else (D2). */
function refuseSmallCounts(boxes: readonly PublishedBox[]): GuardDecision | null {
  const small = boxes.filter(
    (box) => box.status === "published" && box.value !== null && box.value > 0 && box.value < MIN_PUBLISHED_COUNT,
  );
  if (small.length === 0) return null;
  return { accepted: false, reason: "small_count_published", exposedGroups: small.map((box) => ({ ...box.where })) };
}

function assertSameDimensions(frame: CountTable, dimensions: readonly TableDimension[]): void {
  const same =
    frame.dimensions.length === dimensions.length &&
    frame.dimensions.every(
      (dimension, d) =>
        dimension.name === dimensions[d]?.name &&
        dimension.categories.length === dimensions[d]?.categories.length &&
        dimension.categories.every((category, i) => category === dimensions[d]?.categories[i]),
    );
  if (!same) throw new DisclosureInputError("the frame does not match the guard's dimensions");
}

/** Groups of the refinement, with 0–10 persons, that the shown boxes let an attacker narrow. */
function findExposedGroups(
  frame: CountTable,
  boxes: readonly PublishedBox[],
  protectionRange: number,
): Record<string, string[]>[] {
  const refinement = refine(frame, boxes);
  const grid = gridOfTable(refinement.table);
  const values = computeEntryValues(grid, refinement.table.cells);
  const lower = new Array<number>(grid.entryCount).fill(0);
  const upper = new Array<number>(grid.entryCount).fill(Number.POSITIVE_INFINITY);
  const composite: BoxConstraint[] = [];
  for (const box of boxes) {
    const levels = frame.dimensions.map((dimension) => refinement.classesOf(dimension.name, box.where[dimension.name]));
    const bounds = boundsOfBox(box);
    const isEntry = levels.every((set) => set === null || set.size === 1);
    if (isEntry) {
      const entry = entryOfLevels(
        grid,
        levels.map((set, d) => (set === null ? (grid.sizes[d] ?? 0) : ([...set][0] ?? 0))),
      );
      lower[entry] = Math.max(lower[entry] ?? 0, bounds.lower);
      upper[entry] = Math.min(upper[entry] ?? Number.POSITIVE_INFINITY, bounds.upper);
    } else {
      const value = sumOverBox(refinement.table, levels);
      composite.push({ levels, value, lower: bounds.lower, upper: bounds.upper });
    }
  }
  const knowledge: AttackerKnowledge = { grid, lower, upper, boxes: composite };
  const budget = createWorkBudget();
  const exposed: Record<string, string[]>[] = [];
  for (let entry = 0; entry < grid.entryCount; entry++) {
    const value = values[entry] ?? 0;
    // An empty group is published as 0 in any table (D2 hides 1 to 10 only): pinning it down reveals nothing.
    if (value === 0 || value > MAX_HIDDEN_COUNT || lower[entry] === upper[entry]) continue;
    const need = Math.min(protectionRange, (upper[entry] ?? 0) - (lower[entry] ?? 0));
    let interval = certifyEntry(knowledge, values, entry, need, budget);
    // The quick search settles early in each move; the table's own protection may have found its proof from
    // another state of the search, so a short entry gets the full search, then the local program.
    if (interval.up + interval.down < need) {
      interval = certifyEntry(knowledge, values, entry, need, budget, EVERY_CUBE_PER_MOVE);
    }
    if (interval.up + interval.down < need) interval = certifyEntryLocally(knowledge, values, entry, budget);
    if (interval.up + interval.down < need) exposed.push(refinement.describe(levelsOfEntry(grid, entry)));
  }
  return exposed;
}

function boundsOfBox(box: PublishedBox): { lower: number; upper: number } {
  switch (box.status) {
    case "published":
    case "structural_zero":
      return { lower: box.value ?? 0, upper: box.value ?? 0 };
    case "primary":
      return { lower: 0, upper: MAX_HIDDEN_COUNT };
    case "secondary":
      return { lower: MIN_PUBLISHED_COUNT, upper: Number.POSITIVE_INFINITY };
    case "rounded":
      return roundingInterval(box.value ?? 0);
    case "withheld":
      return { lower: 0, upper: Number.POSITIVE_INFINITY };
  }
}

interface Refinement {
  table: CountTable;
  /** Class levels covered by a block's categories in a dimension, null for all. */
  classesOf(dimension: string, categories: readonly string[] | undefined): ReadonlySet<number> | null;
  describe(levels: readonly number[]): Record<string, string[]>;
}

/** Splits each dimension into classes of categories that every shown block keeps together. */
function refine(frame: CountTable, boxes: readonly PublishedBox[]): Refinement {
  const classOfCategory: Map<string, number>[] = [];
  const members: string[][][] = [];
  frame.dimensions.forEach((dimension) => {
    const signatures = new Map<string, number>();
    const classOf = new Map<string, number>();
    const groups: string[][] = [];
    const sets = boxes.flatMap((box) => {
      const categories = box.where[dimension.name];
      return categories ? [new Set(categories)] : [];
    });
    // Categories that no block covers (e.g. the frame's years outside every period shown), when every block names
    // this dimension, are left out: the attacker knows nothing of their cells nor of any total over them, so
    // groups there or totals including them can grow without bound, and leaving them in only misleads the
    // certificates' search. Kept when they would be the dimension's only class.
    const isUncovered = (category: string) => sets.every((set) => !set.has(category));
    const leavesOut = sets.length === boxes.length && dimension.categories.some((category) => !isUncovered(category));
    for (const category of dimension.categories) {
      if (leavesOut && isUncovered(category)) continue;
      const signature = sets.map((set) => (set.has(category) ? "1" : "0")).join("");
      let index = signatures.get(signature);
      if (index === undefined) {
        index = groups.length;
        signatures.set(signature, index);
        groups.push([]);
      }
      groups[index]?.push(category);
      classOf.set(category, index);
    }
    classOfCategory.push(classOf);
    members.push(groups);
  });
  for (const box of boxes) {
    for (const [name, categories] of Object.entries(box.where)) {
      const d = frame.dimensions.findIndex((dimension) => dimension.name === name);
      if (d < 0) throw new DisclosureInputError(`unknown dimension "${name}"`);
      for (const category of categories) {
        if (!classOfCategory[d]?.has(category)) throw new DisclosureInputError(`unknown category "${category}"`);
      }
    }
  }
  const dimensions = frame.dimensions.map((dimension, d) => ({
    name: dimension.name,
    categories: (members[d] ?? []).map((group) => group.join("+")),
  }));
  const rows = frame.cells.flatMap((count, cell) => {
    const categories: string[] = [];
    let rest = cell;
    for (let d = frame.dimensions.length - 1; d >= 0; d--) {
      const size = frame.dimensions[d]?.categories.length ?? 1;
      const category = frame.dimensions[d]?.categories[rest % size] ?? "";
      const level = classOfCategory[d]?.get(category);
      if (level === undefined) return [];
      categories.unshift(dimensions[d]?.categories[level] ?? "");
      rest = Math.floor(rest / size);
    }
    return [{ categories, count }];
  });
  return {
    table: createCountTable(dimensions, rows),
    classesOf(dimension, categories) {
      const d = frame.dimensions.findIndex((candidate) => candidate.name === dimension);
      if (!categories) return null;
      const classes = new Set(categories.map((category) => classOfCategory[d]?.get(category) ?? -1));
      return classes.size === (members[d]?.length ?? 0) ? null : classes;
    },
    describe(levels) {
      const description: Record<string, string[]> = {};
      levels.forEach((level, d) => {
        const group = members[d]?.[level];
        if (group) description[frame.dimensions[d]?.name ?? ""] = group;
      });
      return description;
    },
  };
}

function sumOverBox(table: CountTable, levels: readonly (ReadonlySet<number> | null)[]): number {
  let sum = 0;
  table.cells.forEach((count, cell) => {
    let rest = cell;
    for (let d = table.dimensions.length - 1; d >= 0; d--) {
      const size = table.dimensions[d]?.categories.length ?? 1;
      const set = levels[d];
      if (set && !set.has(rest % size)) return;
      rest = Math.floor(rest / size);
    }
    sum += count;
  });
  return sum;
}

/**
 * The boxes a protected table shows. `members` maps a table category to the frame categories it groups (e.g. a
 * region to its départements; default: itself); `filters` restricts other frame dimensions (e.g. one sex).
 */
export function listPublishedBoxes(
  table: ProtectedTable,
  options: {
    members?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
    filters?: Readonly<Record<string, readonly string[]>>;
  } = {},
): PublishedBox[] {
  return table.entries.map((entry) => {
    const where: Record<string, readonly string[]> = { ...options.filters };
    entry.categories.forEach((category, d) => {
      const name = table.dimensions[d]?.name ?? "";
      const grouped = options.members?.[name];
      // A total covers the table's categories only, which may be fewer than the frame's.
      const categories = category === null ? (table.dimensions[d]?.categories ?? []) : [category];
      where[name] = categories.flatMap((c) => grouped?.[c] ?? [c]);
    });
    // With uniform labels a hidden count tells readers only that it is ≥ 0 (protect-table.ts), as a withheld one.
    const isHidden = entry.status === "primary" || entry.status === "secondary";
    if (table.hiddenLabels === "uniform" && isHidden) return { where, status: "withheld" as const, value: null };
    return { where, status: entry.status, value: entry.value };
  });
}

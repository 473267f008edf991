import type { AttackerKnowledge } from "./attacker-knowledge.ts";
import { levelsOfEntry } from "./count-table.ts";
import { MIN_PUBLISHED_COUNT } from "./disclosure-rules.ts";
import { certifyEntryLocally } from "./local-lp-certificate.ts";
import { type CertifiedInterval, certifyEntry, forEachCube, measureCube } from "./protection-certificate.ts";
import type { WorkBudget } from "./work-budget.ts";

/** Knowledge whose bounds the heuristic may widen by hiding published entries. */
export interface MutableKnowledge extends AttackerKnowledge {
  lower: number[];
  upper: number[];
}

export interface SecondarySuppressionResult {
  /** Entries hidden to protect others (each ≥ 11, shown "s"). */
  secondary: number[];
  /** Hidden entries that no attempt could protect: the table must be rounded instead. */
  unprotected: number[];
}

// Hypercube heuristic (in the spirit of Repsilber's GHMITER in τ-argus): for each hidden count that no
// certificate protects yet, look at every hypercube through it and hide the published corners of the cheapest
// one (least total value hidden) that gives the required width; if none suffices alone, take the one with the
// best gain per unit of cost and try again. Hiding an entry only relaxes what an attacker knows, so the
// certificate of an entry protected earlier stays valid as more entries are hidden. Hiding a total costs
// more than its value suggests (a national total matters more to readers), hence the weight per total level.

const MAX_ATTEMPTS_PER_ENTRY = 4;
const MAX_PASSES = 3;

export function suppressComplementaryEntries(
  knowledge: MutableKnowledge,
  values: readonly number[],
  targets: readonly number[],
  protectionRange: number,
  canHide: (entry: number) => boolean,
  budget: WorkBudget,
  /** What readers know of a hidden count ≥ 11: 11 when small counts are labelled "< 11", else 0. */
  hiddenLower: number = MIN_PUBLISHED_COUNT,
): SecondarySuppressionResult {
  const secondary: number[] = [];
  const unprotected: number[] = [];
  const hide = (entry: number) => {
    knowledge.lower[entry] = hiddenLower;
    knowledge.upper[entry] = Number.POSITIVE_INFINITY;
    secondary.push(entry);
  };

  // Hiding only relaxes what an attacker knows, so an entry once certified stays protected; entries that fail
  // are retried after later hides, which often protect them for free.
  let pending = orderTargets(knowledge, targets);
  for (let pass = 0; pass < MAX_PASSES && pending.length > 0; pass++) {
    const hiddenBefore = secondary.length;
    const failing: number[] = [];
    for (const target of pending) {
      const need = requiredWidth(knowledge, target, protectionRange);
      let current = certifyEntry(knowledge, values, target, need, budget);
      for (let attempt = 0; attempt < MAX_ATTEMPTS_PER_ENTRY && width(current) < need; attempt++) {
        const complement = chooseComplement(knowledge, values, target, current, need, canHide, budget, hiddenLower);
        if (complement.length === 0) break;
        complement.forEach(hide);
        current = certifyEntry(knowledge, values, target, need, budget);
      }
      if (width(current) < need) current = certifyEntryLocally(knowledge, values, target, budget);
      if (width(current) < need) failing.push(target);
    }
    pending = failing;
    if (secondary.length === hiddenBefore) break;
  }
  unprotected.push(...pending);
  return { secondary, unprotected };
}

/** The width asked of an entry, never more than its own bounds allow (0..10 → at most 10). */
export function requiredWidth(knowledge: AttackerKnowledge, entry: number, protectionRange: number): number {
  return Math.min(protectionRange, (knowledge.upper[entry] ?? 0) - (knowledge.lower[entry] ?? 0));
}

function width(interval: CertifiedInterval): number {
  return interval.up + interval.down;
}

/** Totals first: protecting them hides entries that the cells underneath can then use. */
function orderTargets(knowledge: AttackerKnowledge, targets: readonly number[]): number[] {
  return [...targets].sort((a, b) => totalLevels(knowledge, b) - totalLevels(knowledge, a) || a - b);
}

function totalLevels(knowledge: AttackerKnowledge, entry: number): number {
  const { grid } = knowledge;
  return levelsOfEntry(grid, entry).filter((level, d) => level === grid.sizes[d]).length;
}

function chooseComplement(
  knowledge: MutableKnowledge,
  values: readonly number[],
  target: number,
  current: CertifiedInterval,
  need: number,
  canHide: (entry: number) => boolean,
  budget: WorkBudget,
  hiddenLower: number,
): number[] {
  const { grid } = knowledge;
  const allPartners = (d: number, own: number) =>
    Array.from({ length: (grid.sizes[d] ?? 0) + 1 }, (_, level) => level).filter((level) => level !== own);
  const currentWidth = width(current);
  const boxValues = knowledge.boxes.map((box) => box.value);
  let sufficient: { entries: number[]; cost: number } | undefined;
  let partial: { entries: number[]; score: number } | undefined;

  forEachCube(
    knowledge,
    target,
    allPartners,
    (cube) => {
      const newlyHidden: number[] = [];
      let cost = 0;
      for (const corner of cube.corners) {
        if (knowledge.lower[corner] !== knowledge.upper[corner]) continue;
        if (!canHide(corner)) return false;
        newlyHidden.push(corner);
        cost += (values[corner] ?? 0) * (1 + totalLevels(knowledge, corner));
      }
      if (newlyHidden.length === 0) return false;
      const moved = measureCube(knowledge, values, cube, boxValues, newlyHidden, hiddenLower);
      const reached = Math.max(current.up, moved.up) + Math.max(current.down, moved.down);
      if (reached >= need) {
        if (!sufficient || cost < sufficient.cost) sufficient = { entries: newlyHidden, cost };
      } else if (reached > currentWidth) {
        const score = (reached - currentWidth) / (cost + 1);
        if (!partial || score > partial.score) partial = { entries: newlyHidden, score };
      }
      return false;
    },
    budget,
  );
  return sufficient?.entries ?? partial?.entries ?? [];
}

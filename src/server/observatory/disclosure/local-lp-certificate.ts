import type { AttackerKnowledge } from "./attacker-knowledge.ts";
import { levelsOfEntry } from "./count-table.ts";
import { PivotLimitError } from "./lp-solver.ts";
import type { CertifiedInterval } from "./protection-certificate.ts";
import { auditFeasibleIntervals, type FeasibleInterval } from "./table-auditor.ts";
import type { WorkBudget } from "./work-budget.ts";

// Second-chance certificate for entries that single hypercube moves cannot free (typically a zero in a small
// unit whose mass must be gathered from several cells at once). Every entry outside a small neighbourhood of
// the target is pinned to its true value and the exact auditor solves the rest: pinning shrinks the feasible
// set, so the interval found is inside the attacker's LP interval (an inner bound, hence sound). In 1 and 2
// dimensions the restricted program is still totally unimodular, so its optimum is an integer table. In 3
// dimensions this proves protection against the linear-programming attacker, the model of τ-argus and the
// literature; integer-only reasoning can, in rare 3-way configurations, narrow an interval further.

/** Partner levels kept in a long dimension (e.g. départements) besides the target's own and the total. */
const NEIGHBOURS_PER_DIMENSION = 2;
/** Dimensions up to this size (years, exploitation types…) are kept whole: mass often sits across them. */
const SHORT_DIMENSION = 7;

export function certifyEntryLocally(
  knowledge: AttackerKnowledge,
  values: readonly number[],
  target: number,
  budget: WorkBudget,
): CertifiedInterval {
  // Each program costs up to ~0.1 s on a national table, hence the budget.
  if (budget.localPrograms <= 0) return { up: 0, down: 0 };
  budget.localPrograms -= 1;
  const { grid } = knowledge;
  const levels = levelsOfEntry(grid, target);
  const kept = grid.sizes.map((size, d) => {
    const own = levels[d] ?? 0;
    const stride = grid.strides[d] ?? 0;
    // Neighbours with mass to give or room to take, whichever the target lacks most.
    const targetValue = values[target] ?? 0;
    const targetNeedsMass = targetValue - (knowledge.lower[target] ?? 0) < (knowledge.upper[target] ?? 0) - targetValue;
    const room = (level: number) => {
      const entry = target + (level - own) * stride;
      if (knowledge.lower[entry] === knowledge.upper[entry]) return 0;
      const value = values[entry] ?? 0;
      return targetNeedsMass
        ? value - (knowledge.lower[entry] ?? 0)
        : Math.min((knowledge.upper[entry] ?? 0) - value, 1e6);
    };
    const partners = Array.from({ length: size }, (_, level) => level)
      .filter((level) => level !== own && (size <= SHORT_DIMENSION || room(level) > 0))
      .sort((a, b) => room(b) - room(a))
      .slice(0, size <= SHORT_DIMENSION ? size : NEIGHBOURS_PER_DIMENSION);
    return new Set([own, size, ...partners]);
  });
  const lower = [...knowledge.lower];
  const upper = [...knowledge.upper];
  for (let entry = 0; entry < grid.entryCount; entry++) {
    if (levelsOfEntry(grid, entry).every((level, d) => kept[d]?.has(level))) continue;
    lower[entry] = values[entry] ?? 0;
    upper[entry] = values[entry] ?? 0;
  }
  let interval: FeasibleInterval | undefined;
  try {
    interval = auditFeasibleIntervals({ ...knowledge, lower, upper }, [target]).get(target);
  } catch (error) {
    // Not certified is the safe answer when the solver gives up.
    if (error instanceof PivotLimitError) return { up: 0, down: 0 };
    throw error;
  }
  const value = values[target] ?? 0;
  if (!interval) return { up: 0, down: 0 };
  return {
    up: Math.max(0, Math.floor(interval.max + 1e-6) - value),
    down: Math.max(0, value - Math.ceil(interval.min - 1e-6)),
  };
}

// Protection searches can explode on large sparse tables; a budget per table bounds the time spent (the national
// table must be protected well under a second). Running out is safe: entries not yet certified count as
// unprotected, and the table falls back to rounding, then to withholding.

export interface WorkBudget {
  /** Hypercubes that may still be examined. */
  cubes: number;
  /** Local linear programs (local-lp-certificate.ts) that may still be solved. */
  localPrograms: number;
}

/** About a second of search per 500 000 cubes on a laptop core. */
export function createWorkBudget(cubes = 600_000): WorkBudget {
  return { cubes, localPrograms: 6 };
}

/** For callers with no time constraint (tests, audits of small tables). */
export function createUnlimitedBudget(): WorkBudget {
  return { cubes: Number.POSITIVE_INFINITY, localPrograms: Number.POSITIVE_INFINITY };
}

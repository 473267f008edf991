import { type AttackerKnowledge, isFixed } from "./attacker-knowledge.ts";
import { entryOfLevels, listLines } from "./count-table.ts";
import { BoundedLinearProgram, type LinearEquation } from "./lp-solver.ts";

/** Smallest and largest value an entry can take in any table consistent with a publication. */
export interface FeasibleInterval {
  min: number;
  max: number;
}

// The exact auditor: it sees only what was published (AttackerKnowledge, never the true counts) and solves, for
// each hidden entry, min and max of that entry subject to every additive relation of the table and every known
// bound, by linear programming. Relaxing integrality can only widen the interval, so the LP interval is an outer
// bound of what an attacker can infer. For 1- and 2-dimension tables it is exact: their constraint matrix is a
// network matrix (totally unimodular), so the LP optimum is reached by an integer table. For 3 dimensions
// integer reasoning can sometimes narrow it further; protection itself is therefore proven by inner
// certificates (protection-certificate.ts) and this auditor serves as an independent cross-check.
// Dense simplex: meant for tables up to a few hundred hidden entries (tests, small publications).

export function auditFeasibleIntervals(
  knowledge: AttackerKnowledge,
  targets: readonly number[],
): Map<number, FeasibleInterval> {
  const { grid } = knowledge;
  const variableOf = new Map<number, number>();
  const lower: number[] = [];
  const upper: number[] = [];
  for (let entry = 0; entry < grid.entryCount; entry++) {
    if (isFixed(knowledge, entry)) continue;
    variableOf.set(entry, lower.length);
    lower.push(knowledge.lower[entry] ?? 0);
    upper.push(knowledge.upper[entry] ?? Number.POSITIVE_INFINITY);
  }

  const equations: LinearEquation[] = [];
  // Σ coefficient × entry (− sumVariable) = constant, with published entries moved to the right-hand side.
  const addEquation = (
    weighted: readonly (readonly [entry: number, coefficient: number])[],
    constant: number,
    extra?: number,
  ) => {
    const terms: [number, number][] = [];
    let rhs = constant;
    for (const [entry, coefficient] of weighted) {
      const variable = variableOf.get(entry);
      if (variable === undefined) rhs -= coefficient * (knowledge.lower[entry] ?? 0);
      else terms.push([variable, coefficient]);
    }
    if (extra !== undefined) terms.push([extra, -1]);
    if (terms.length > 0) equations.push({ terms, rhs });
  };
  for (const line of listLines(grid)) {
    const total = line[line.length - 1] ?? 0;
    addEquation([...line.slice(0, -1).map((entry) => [entry, 1] as const), [total, -1]], 0);
  }
  for (const box of knowledge.boxes) {
    const cells = cellsOfBox(knowledge, box.levels);
    const weighted = cells.map((entry) => [entry, 1] as const);
    if (box.lower === box.upper) {
      addEquation(weighted, box.lower);
    } else {
      const sumVariable = lower.length;
      lower.push(box.lower);
      upper.push(box.upper);
      addEquation(weighted, 0, sumVariable);
    }
  }

  const program = new BoundedLinearProgram(lower.length, lower, upper, equations);
  const intervals = new Map<number, FeasibleInterval>();
  for (const target of targets) {
    const variable = variableOf.get(target);
    if (variable === undefined) {
      const value = knowledge.lower[target] ?? 0;
      intervals.set(target, { min: value, max: value });
      continue;
    }
    intervals.set(target, {
      min: roundResult(program.minimize(variable)),
      max: roundResult(program.maximize(variable)),
    });
  }
  return intervals;
}

function roundResult(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e6 : value;
}

function cellsOfBox(knowledge: AttackerKnowledge, levels: readonly (ReadonlySet<number> | null)[]): number[] {
  const { grid } = knowledge;
  const cells: number[] = [];
  const chosen = new Array<number>(grid.sizes.length).fill(0);
  const walk = (d: number) => {
    if (d === grid.sizes.length) {
      cells.push(entryOfLevels(grid, chosen));
      return;
    }
    for (let level = 0; level < (grid.sizes[d] ?? 0); level++) {
      const covered = levels[d];
      if (covered === null || covered?.has(level)) {
        chosen[d] = level;
        walk(d + 1);
      }
    }
  };
  walk(0);
  return cells;
}

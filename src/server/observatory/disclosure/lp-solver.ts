// A small dense simplex solver, enough to audit disclosure in tables of a few hundred hidden entries.
// Two phases with artificial variables, Bland's rule against cycling; bounds become extra rows.

const EPSILON = 1e-9;

/** Σ coefficient × variable = rhs. */
export interface LinearEquation {
  terms: readonly (readonly [variable: number, coefficient: number])[];
  rhs: number;
}

/** Thrown when rounding errors make the simplex wander; callers treat the entry as not certified. */
export class PivotLimitError extends Error {
  override name = "PivotLimitError";
}

const MAX_PIVOTS = 5_000;

export class InfeasibleProgramError extends Error {
  override name = "InfeasibleProgramError";
}

/**
 * Feasible region { x : equations hold, lower ≤ x ≤ upper } (upper may be Infinity), on which single variables
 * are minimised or maximised. Phase 1 runs once; each optimisation restarts from its feasible basis.
 */
export class BoundedLinearProgram {
  private readonly rows: Float64Array[];
  private readonly basis: number[];
  private readonly columnCount: number;

  constructor(
    private readonly variableCount: number,
    private readonly lower: readonly number[],
    upper: readonly number[],
    equations: readonly LinearEquation[],
  ) {
    // Columns: shifted variables y = x − lower (0..n−1), one slack per finite upper bound, then artificials.
    const bounded = upper.flatMap((bound, j) => (Number.isFinite(bound) ? [j] : []));
    const rowCount = equations.length + bounded.length;
    const structural = variableCount + bounded.length;
    const totalColumns = structural + rowCount;
    const rows: Float64Array[] = [];
    for (const equation of equations) {
      const row = new Float64Array(totalColumns + 1);
      let rhs = equation.rhs;
      for (const [variable, coefficient] of equation.terms) {
        row[variable] = (row[variable] ?? 0) + coefficient;
        rhs -= coefficient * (lower[variable] ?? 0);
      }
      row[totalColumns] = rhs;
      rows.push(row);
    }
    bounded.forEach((variable, s) => {
      const row = new Float64Array(totalColumns + 1);
      row[variable] = 1;
      row[variableCount + s] = 1;
      row[totalColumns] = (upper[variable] ?? 0) - (lower[variable] ?? 0);
      if ((row[totalColumns] ?? 0) < -EPSILON)
        throw new InfeasibleProgramError("a lower bound exceeds its upper bound");
      rows.push(row);
    });
    rows.forEach((row, r) => {
      if ((row[totalColumns] ?? 0) < 0) for (let j = 0; j <= totalColumns; j++) row[j] = -(row[j] ?? 0);
      row[structural + r] = 1;
    });
    this.rows = rows;
    this.basis = rows.map((_, r) => structural + r);
    this.columnCount = totalColumns;

    const phaseOne = new Float64Array(totalColumns);
    for (let r = 0; r < rowCount; r++) phaseOne[structural + r] = 1;
    const infeasibility = this.optimise(this.rows, this.basis, phaseOne, totalColumns);
    if (infeasibility > 1e-7) throw new InfeasibleProgramError("the constraints have no solution");
    this.dropArtificials(structural);
    this.columnCount = structural;
  }

  minimize(variable: number): number {
    return (this.lower[variable] ?? 0) + this.solveFor(variable, 1);
  }

  /** Infinity when the variable is unbounded above. */
  maximize(variable: number): number {
    return (this.lower[variable] ?? 0) - this.solveFor(variable, -1);
  }

  private solveFor(variable: number, direction: 1 | -1): number {
    if (variable < 0 || variable >= this.variableCount) throw new RangeError(`no variable ${variable}`);
    const rows = this.rows.map((row) => row.slice());
    const basis = [...this.basis];
    const cost = new Float64Array(this.columnCount);
    cost[variable] = direction;
    return this.optimise(rows, basis, cost, this.columnCount);
  }

  /**
   * Minimises cost·y over columns < usableColumns; returns the optimum (−Infinity if unbounded). Dantzig's rule
   * (most negative reduced cost), switching to Bland's rule after a run of degenerate pivots to avoid cycling.
   */
  private optimise(rows: Float64Array[], basis: number[], cost: Float64Array, usableColumns: number): number {
    const rhsColumn = rows[0] ? rows[0].length - 1 : 0;
    // Reduced costs kept as an extra row: cost − c_B·B⁻¹A, updated at each pivot.
    const reduced = new Float64Array(rhsColumn + 1);
    for (let j = 0; j < usableColumns; j++) reduced[j] = cost[j] ?? 0;
    rows.forEach((row, r) => {
      const basicCost = cost[basis[r] ?? 0] ?? 0;
      if (basicCost === 0) return;
      for (let j = 0; j <= rhsColumn; j++) reduced[j] = (reduced[j] ?? 0) - basicCost * (row[j] ?? 0);
    });
    const isBasic = new Uint8Array(rhsColumn);
    for (const column of basis) isBasic[column] = 1;
    let degenerateRun = 0;
    for (let iteration = 0; ; iteration++) {
      if (iteration > MAX_PIVOTS) throw new PivotLimitError(`no optimum after ${MAX_PIVOTS} pivots`);
      const useBland = degenerateRun > 50;
      let entering = -1;
      let mostNegative = -EPSILON;
      for (let j = 0; j < usableColumns; j++) {
        if (isBasic[j]) continue;
        const value = reduced[j] ?? 0;
        if (value < mostNegative) {
          entering = j;
          mostNegative = value;
          if (useBland) break;
        }
      }
      if (entering < 0) break;
      let leaving = -1;
      let bestRatio = Number.POSITIVE_INFINITY;
      rows.forEach((row, r) => {
        const pivot = row[entering] ?? 0;
        if (pivot <= EPSILON) return;
        const ratio = (row[rhsColumn] ?? 0) / pivot;
        const leavingBasic = leaving < 0 ? Number.POSITIVE_INFINITY : (basis[leaving] ?? 0);
        if (ratio < bestRatio - EPSILON || (Math.abs(ratio - bestRatio) <= EPSILON && (basis[r] ?? 0) < leavingBasic)) {
          bestRatio = ratio;
          leaving = r;
        }
      });
      if (leaving < 0) return Number.NEGATIVE_INFINITY;
      degenerateRun = bestRatio <= EPSILON ? degenerateRun + 1 : 0;
      isBasic[basis[leaving] ?? 0] = 0;
      isBasic[entering] = 1;
      pivotOn(rows, basis, leaving, entering);
      const factor = reduced[entering] ?? 0;
      const pivotRow = rows[leaving];
      if (pivotRow) for (let j = 0; j <= rhsColumn; j++) reduced[j] = (reduced[j] ?? 0) - factor * (pivotRow[j] ?? 0);
    }
    return -(reduced[rhsColumn] ?? 0);
  }

  /** Pivots artificial variables (all at zero after phase 1) out of the basis, dropping redundant equations. */
  private dropArtificials(structural: number): void {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      if ((this.basis[r] ?? 0) < structural) continue;
      const row = this.rows[r];
      let column = -1;
      for (let j = 0; j < structural && column < 0; j++) if (Math.abs(row?.[j] ?? 0) > EPSILON) column = j;
      if (column >= 0) {
        pivotOn(this.rows, this.basis, r, column);
      } else {
        this.rows.splice(r, 1);
        this.basis.splice(r, 1);
      }
    }
  }
}

function pivotOn(rows: Float64Array[], basis: number[], pivotRow: number, column: number): void {
  const row = rows[pivotRow];
  if (!row) return;
  const pivot = row[column] ?? 1;
  for (let j = 0; j < row.length; j++) row[j] = (row[j] ?? 0) / pivot;
  rows.forEach((other, r) => {
    if (r === pivotRow) return;
    const factor = other[column] ?? 0;
    if (Math.abs(factor) <= EPSILON) return;
    for (let j = 0; j < other.length; j++) other[j] = (other[j] ?? 0) - factor * (row[j] ?? 0);
  });
  basis[pivotRow] = column;
}

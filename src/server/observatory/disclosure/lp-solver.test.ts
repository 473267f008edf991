import { describe, expect, it } from "vitest";
import { BoundedLinearProgram, InfeasibleProgramError } from "./lp-solver.ts";

describe("BoundedLinearProgram", () => {
  it("finds the range of a variable under a sum and bounds", () => {
    // x0 + x1 + x2 = 12, 0 ≤ x0 ≤ 10, 3 ≤ x1 ≤ 4, x2 ≥ 0
    const program = new BoundedLinearProgram(
      3,
      [0, 3, 0],
      [10, 4, Number.POSITIVE_INFINITY],
      [
        {
          terms: [
            [0, 1],
            [1, 1],
            [2, 1],
          ],
          rhs: 12,
        },
      ],
    );
    expect(program.minimize(0)).toBeCloseTo(0);
    expect(program.maximize(0)).toBeCloseTo(9);
    expect(program.maximize(2)).toBeCloseTo(9);
    expect(program.minimize(2)).toBeCloseTo(0);
  });

  it("reports an unbounded variable and rejects an infeasible system", () => {
    const program = new BoundedLinearProgram(
      2,
      [0, 0],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
      [
        {
          terms: [
            [0, 1],
            [1, -1],
          ],
          rhs: 2,
        },
      ],
    );
    expect(program.maximize(0)).toBe(Number.POSITIVE_INFINITY);
    expect(program.minimize(0)).toBeCloseTo(2);
    expect(() => new BoundedLinearProgram(1, [0], [5], [{ terms: [[0, 1]], rhs: 7 }])).toThrow(InfeasibleProgramError);
  });

  it("copes with redundant equations", () => {
    const program = new BoundedLinearProgram(
      2,
      [0, 0],
      [10, 10],
      [
        {
          terms: [
            [0, 1],
            [1, 1],
          ],
          rhs: 8,
        },
        {
          terms: [
            [0, 2],
            [1, 2],
          ],
          rhs: 16,
        },
      ],
    );
    expect(program.maximize(1)).toBeCloseTo(8);
    expect(program.minimize(1)).toBeCloseTo(0);
  });
});

import { describe, expect, it } from "vitest";
import { correlate, ranksOf } from "./correlation.ts";

describe("correlate", () => {
  it("finds a perfect linear and monotone relation", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const y = x.map((v) => 3 * v + 2);
    const pearson = correlate("pearson", x, y);
    expect(pearson.coefficient).toBe(1);
    expect(pearson.caveat).toBeNull();
    expect(
      correlate(
        "spearman",
        x,
        x.map((v) => v ** 3),
      ).coefficient,
    ).toBe(1);
  });

  it("matches a known Pearson coefficient and its Fisher interval", () => {
    // Anscombe's first quartet: r = 0.816; z = atanh(r), se = 1/√8 → 95 % CI ≈ [0.424, 0.951].
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    const result = correlate("pearson", x, y);
    expect(result.coefficient).toBeCloseTo(0.816, 3);
    expect(result.lower).toBeCloseTo(0.424, 2);
    expect(result.upper).toBeCloseTo(0.951, 2);
  });

  it("warns when the interval spans 0 or when there are too few units", () => {
    const spanning = correlate("spearman", [1, 2, 3, 4, 5, 6], [3, 1, 6, 2, 5, 4]);
    expect(spanning.caveat).toMatch(/contient 0/);
    expect(spanning.caveat).toMatch(/fragile/);
    const tiny = correlate("pearson", [1, 2, 3], [1, 2, 3]);
    expect(tiny.coefficient).toBeNull();
    expect(tiny.caveat).toMatch(/Trop peu de territoires/);
  });

  it("gives tied values their mean rank", () => {
    expect(ranksOf([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
});

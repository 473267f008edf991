import { describe, expect, it } from "vitest";
import { createRandom, type Random, randomForIndex, WeightedTable, weighted } from "./random.ts";

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

function meanAndVariance(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe("seeded streams", () => {
  it("gives the same numbers for the same seed and different numbers for another seed", () => {
    expect(draws(createRandom("demo"), 20)).toEqual(draws(createRandom("demo"), 20));
    expect(draws(createRandom("demo"), 20)).not.toEqual(draws(createRandom("demo2"), 20));
    expect(draws(createRandom(42), 5)).toEqual(draws(createRandom("42"), 5));
  });

  it("derives a distinct stream for every index, independent of any other index", () => {
    const firstDraws = new Set<string>();
    for (let index = 0; index < 20_000; index++) {
      firstDraws.add(draws(randomForIndex("demo", index), 2).join(":"));
    }
    expect(firstDraws.size).toBe(20_000);
    expect(draws(randomForIndex("demo", 123_456), 10)).toEqual(draws(randomForIndex("demo", 123_456), 10));
    expect(draws(randomForIndex("demo", 7), 10)).not.toEqual(draws(randomForIndex("other", 7), 10));
  });

  it("handles indexes beyond 2^32 and refuses negative ones", () => {
    expect(draws(randomForIndex("demo", 2 ** 32 + 5), 4)).not.toEqual(draws(randomForIndex("demo", 5), 4));
    expect(() => randomForIndex("demo", -1)).toThrow(RangeError);
    expect(() => randomForIndex("demo", 1.5)).toThrow(RangeError);
  });

  it("forks a stream that does not depend on what the parent already drew", () => {
    const fresh = createRandom("demo");
    const used = createRandom("demo");
    draws(used, 100);
    expect(draws(used.fork("identity"), 10)).toEqual(draws(fresh.fork("identity"), 10));
    expect(draws(fresh.fork("identity"), 10)).not.toEqual(draws(fresh.fork("places"), 10));
  });

  it("produces uniform floats in [0, 1)", () => {
    const random = createRandom("uniform");
    const values = Array.from({ length: 50_000 }, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const { mean, variance } = meanAndVariance(values);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });
});

describe("helpers", () => {
  it("draws integers within both bounds, reaching each of them", () => {
    const random = createRandom("int");
    const seen = new Set<number>();
    for (let i = 0; i < 5_000; i++) {
      const value = random.int(-2, 3);
      expect(Number.isInteger(value)).toBe(true);
      seen.add(value);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(() => random.int(3, 2)).toThrow(RangeError);
  });

  it("picks from a weighted table in proportion to the weights and never picks a zero weight", () => {
    const table = weighted({ a: 70, b: 20, c: 10, never: 0 });
    const random = createRandom("weighted");
    const counts = { a: 0, b: 0, c: 0, never: 0 };
    for (let i = 0; i < 40_000; i++) counts[table.pick(random)]++;
    expect(counts.a / 40_000).toBeCloseTo(0.7, 1);
    expect(counts.b / 40_000).toBeCloseTo(0.2, 1);
    expect(Math.abs(counts.c / 40_000 - 0.1)).toBeLessThan(0.01);
    expect(counts.never).toBe(0);
    expect(table.probability("b")).toBeCloseTo(0.2, 10);
    expect(() => new WeightedTable([["x", 0]])).toThrow(RangeError);
    expect(() => new WeightedTable([["x", -1]])).toThrow(RangeError);
  });

  it.each([0.5, 3, 12, 45, 250])("draws Poisson counts with mean and variance λ = %s", (lambda) => {
    const random = createRandom(`poisson-${lambda}`);
    const values = Array.from({ length: 30_000 }, () => random.poisson(lambda));
    expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    const { mean, variance } = meanAndVariance(values);
    expect(Math.abs(mean - lambda)).toBeLessThan(0.03 * lambda + 0.02);
    expect(Math.abs(variance - lambda)).toBeLessThan(0.08 * lambda + 0.05);
  });

  it("gives P(0) = e^-λ for a small Poisson mean", () => {
    const random = createRandom("poisson-zero");
    const zeros = Array.from({ length: 40_000 }, () => random.poisson(2.2)).filter((v) => v === 0).length;
    expect(Math.abs(zeros / 40_000 - Math.exp(-2.2))).toBeLessThan(0.01);
    expect(random.poisson(0)).toBe(0);
    expect(() => random.poisson(-1)).toThrow(RangeError);
  });

  it("draws instants inside a range, both ends included", () => {
    const random = createRandom("dates");
    const from = new Date("2024-01-01T00:00:00Z");
    const to = new Date("2024-01-01T00:00:00.003Z");
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(random.dateBetween(from, to).getTime() - from.getTime());
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    expect(() => random.dateBetween(to, from)).toThrow(RangeError);
  });
});

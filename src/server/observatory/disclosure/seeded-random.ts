// Deterministic generator for property tests and benchmarks (fast-check is not a dependency): mulberry32.

export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInteger(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Counts as in the observatory: many small cells (0–10), some large ones. */
export function randomCount(random: Random, smallShare = 0.5): number {
  return random() < smallShare ? randomInteger(random, 0, 10) : randomInteger(random, 11, 80);
}

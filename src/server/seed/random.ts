/**
 * A small seeded PRNG for synthetic data: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit
 * state, passes PractRand to terabytes) seeded through cyrb128. Math.random is never used: the same seed must
 * give the same cases on every machine and every run.
 */

const UINT32 = 0x1_0000_0000;

/** cyrb128 (bryc, public domain): four well-mixed 32-bit words from any string. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** murmur3's finaliser: spreads a counter (a case index) over all 32 bits. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type Key = readonly [number, number, number, number];

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Use `createRandom` or `randomForIndex`; the key is kept so `fork` does not depend on draws already made. */
  constructor(private readonly key: Key) {
    [this.a, this.b, this.c, this.d] = key;
    // sfc32's first outputs are correlated with the seed words: discard a few.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / UINT32;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): expected integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * Poisson-distributed count: Knuth's multiplication method for small means, Hörmann's PTRS (transformed
   * rejection, 1993) above, where Knuth would need exp(-λ) below double precision and λ draws per sample.
   */
  poisson(lambda: number): number {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poisson(${lambda})`);
    if (lambda === 0) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let count = 0;
      let product = this.next();
      while (product > limit) {
        count++;
        product *= this.next();
      }
      return count;
    }
    return this.poissonPtrs(lambda);
  }

  private poissonPtrs(lambda: number): number {
    const sqrtLambda = Math.sqrt(lambda);
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * sqrtLambda;
    const a = -0.059 + 0.02483 * b;
    const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b);
      if (lhs <= -lambda + k * logLambda - logFactorial(k)) return k;
    }
  }

  /** Uniform instant in [from, to], both included, at millisecond resolution. */
  dateBetween(from: Date, to: Date): Date {
    const start = from.getTime();
    const end = to.getTime();
    if (!(end >= start)) throw new RangeError("dateBetween: `to` is before `from`");
    return new Date(start + Math.floor(this.next() * (end - start + 1)));
  }

  /**
   * An independent stream named `label`, derived from this stream's seed and not from its state: a facet of a
   * case (identity, timeline…) keeps its values when another facet starts drawing more numbers.
   */
  fork(label: string): Random {
    const [l1, l2, l3, l4] = cachedHash(label);
    const [k1, k2, k3, k4] = this.key;
    return new Random([fmix32(k1 ^ l1), fmix32(k2 ^ l2), fmix32(k3 ^ l3), fmix32(k4 ^ l4)]);
  }
}

const SMALL_LOG_FACTORIALS = [0, 0, Math.LN2, 1.791759469228055, 3.1780538303479458, 4.787491742782046];

function logFactorial(n: number): number {
  const small = SMALL_LOG_FACTORIALS[n];
  if (small !== undefined) return small;
  // Stirling's series: the error is below 1e-10 from n = 6 on.
  return (
    n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3) + 1 / (1260 * n ** 5)
  );
}

// Seeds and fork labels repeat for every case of a run: hash each once.
const hashCache = new Map<string, Key>();

function cachedHash(text: string): Key {
  let hash = hashCache.get(text);
  if (!hash) {
    if (hashCache.size > 1000) hashCache.clear();
    hash = cyrb128(text);
    hashCache.set(text, hash);
  }
  return hash;
}

export function createRandom(seed: string | number): Random {
  return new Random(cyrb128(String(seed)));
}

/**
 * The stream of item `index` under `seed`: it depends on nothing else, so item i is the same whatever the batch
 * size, the total count or the items generated before it — which is what makes seeding resumable.
 */
export function randomForIndex(seed: string | number, index: number): Random {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`index must be a non-negative integer: ${index}`);
  const [s1, s2, s3, s4] = cachedHash(String(seed));
  const low = index >>> 0;
  const high = Math.floor(index / UINT32) >>> 0;
  return new Random([
    fmix32(s1 ^ fmix32(low + 0x9e3779b9)),
    fmix32(s2 ^ fmix32(high + 0x7f4a7c15)),
    fmix32(s3 ^ fmix32(low ^ 0x85ebca6b)),
    fmix32(s4 ^ fmix32(Math.imul(low, 0xc2b2ae35) ^ high)),
  ]);
}

/**
 * A categorical distribution built once (cumulative weights, binary search), so a pick among the 35,000 communes
 * costs the same as a pick among three profiles.
 */
export class WeightedTable<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: Iterable<readonly [T, number]>) {
    const values: T[] = [];
    const weights: number[] = [];
    for (const [value, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`invalid weight ${weight}`);
      if (weight === 0) continue;
      values.push(value);
      weights.push(weight);
    }
    if (values.length === 0) throw new RangeError("a weighted table needs at least one positive weight");
    this.values = values;
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] as number;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low] as T;
  }

  /** The probability of each value, for tests and documentation. */
  probability(value: T): number {
    const i = this.values.indexOf(value);
    if (i < 0) return 0;
    const previous = i === 0 ? 0 : (this.cumulative[i - 1] as number);
    return ((this.cumulative[i] as number) - previous) / this.total;
  }
}

/** Shorthand for tables written as object literals: `weighted({ female: 95, male: 4 })`. */
export function weighted<K extends string>(shares: Readonly<Partial<Record<K, number>>>): WeightedTable<K> {
  return new WeightedTable(Object.entries(shares) as [K, number][]);
}

import type { CorrelationResult } from "@shared/observatory.ts";
import { probit, sampleCorrelation } from "simple-statistics";

/** Below this many units a correlation is not reported at all: Fisher's z needs n > 3. */
const MIN_UNITS = 4;
/** Below this, the interval is shown but the estimate is flagged as fragile. */
const FEW_UNITS = 10;

/** Average ranks (ties share the mean of their positions), 1-based. */
export function ranksOf(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]?.index ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Pearson's or Spearman's coefficient with a 95 % interval from Fisher's z transform (standard error 1/√(n−3);
 * for Spearman √(1.06/(n−3)), after Fieller, Hartley and Pearson 1957), and the caveat a reader needs.
 */
export function correlate(
  method: "pearson" | "spearman",
  x: readonly number[],
  y: readonly number[],
): CorrelationResult {
  const n = Math.min(x.length, y.length);
  if (n < MIN_UNITS) {
    return {
      method,
      n,
      coefficient: null,
      lower: null,
      upper: null,
      caveat: `Trop peu de territoires (${n}) pour estimer une corrélation : il en faut au moins ${MIN_UNITS}.`,
    };
  }
  const xs = method === "spearman" ? ranksOf(x.slice(0, n)) : x.slice(0, n);
  const ys = method === "spearman" ? ranksOf(y.slice(0, n)) : y.slice(0, n);
  const r = sampleCorrelation([...xs], [...ys]);
  if (!Number.isFinite(r)) {
    return {
      method,
      n,
      coefficient: null,
      lower: null,
      upper: null,
      caveat: "Une des deux séries est constante : pas de corrélation calculable.",
    };
  }
  const clamped = Math.max(-0.999999, Math.min(0.999999, r));
  const z = Math.atanh(clamped);
  const se = Math.sqrt((method === "spearman" ? 1.06 : 1) / (n - 3));
  const critical = probit(0.975);
  const lower = Math.tanh(z - critical * se);
  const upper = Math.tanh(z + critical * se);
  const caveats: string[] = [];
  if (lower <= 0 && upper >= 0) {
    caveats.push("L'intervalle de confiance à 95 % contient 0 : ces données ne permettent pas de conclure à un lien.");
  }
  if (n < FEW_UNITS) caveats.push(`Estimation fragile : seulement ${n} territoires.`);
  const caveat = caveats.length > 0 ? caveats.join(" ") : null;
  return { method, n, coefficient: round(r), lower: round(lower), upper: round(upper), caveat };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

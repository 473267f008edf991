import type { AttackerKnowledge } from "./attacker-knowledge.ts";
import { levelsOfEntry } from "./count-table.ts";
import { createUnlimitedBudget, type WorkBudget } from "./work-budget.ts";

// A certificate proves that an attacker cannot pin a hidden entry down: it exhibits other tables, consistent
// with everything published, in which the entry takes other values. Each such table is the true one plus a
// multiple of a "hypercube move": pick, in every dimension, the target's level and one partner level; the 2^k
// corners get +1 or −1 so that every line keeps its sum (a partner or target level that is the "total" level
// moves with the same sign, since a total follows its categories). A move changes no published entry when all
// its corners are hidden, and stays within what the attacker knows while every corner stays within its bounds.
// Every value between the lowest and highest reached is then possible, so the certified interval is an inner
// bound of the attacker's true feasible interval: sound for declaring a cell protected, never optimistic.

export interface CertifiedInterval {
  up: number;
  down: number;
}

interface Cube {
  corners: number[];
  signs: number[];
  /** Change of each box sum per unit of move. */
  boxSums: number[];
}

/**
 * Enumerates hypercubes through `target`. `partners(d)` lists the partner levels to try in dimension d;
 * `visit` returns true to stop early.
 */
export function forEachCube(
  knowledge: AttackerKnowledge,
  target: number,
  partners: (dimension: number, targetLevel: number) => readonly number[],
  visit: (cube: Cube) => boolean,
  budget: WorkBudget = createUnlimitedBudget(),
): void {
  const { grid, boxes } = knowledge;
  const k = grid.sizes.length;
  const levels = levelsOfEntry(grid, target);
  const candidateLists = levels.map((level, d) => partners(d, level));
  if (candidateLists.some((list) => list.length === 0)) return;
  const chosen = new Array<number>(k).fill(0);
  const cornerCount = 1 << k;
  const corners = new Array<number>(cornerCount).fill(0);
  const signs = new Array<number>(cornerCount).fill(0);
  const boxSums = new Array<number>(boxes.length).fill(0);
  const cube: Cube = { corners, signs, boxSums };

  const isTotal = (d: number, level: number) => level === grid.sizes[d];
  const leaf = (): boolean => {
    for (let mask = 0; mask < cornerCount; mask++) {
      let entry = target;
      let sign = 1;
      for (let d = 0; d < k; d++) {
        if (!(mask & (1 << d))) continue;
        const own = levels[d] ?? 0;
        const partner = chosen[d] ?? 0;
        entry += (partner - own) * (grid.strides[d] ?? 0);
        if (!isTotal(d, own) && !isTotal(d, partner)) sign = -sign;
      }
      corners[mask] = entry;
      signs[mask] = sign;
    }
    boxes.forEach((box, b) => {
      let sum = 1;
      for (let d = 0; d < k && sum !== 0; d++) {
        const covered = box.levels[d];
        const own = levels[d] ?? 0;
        const partner = chosen[d] ?? 0;
        let factor = 0;
        if (!isTotal(d, own) && (covered === null || covered?.has(own))) factor += 1;
        if (!isTotal(d, partner) && (covered === null || covered?.has(partner))) {
          factor += isTotal(d, own) ? 1 : -1;
        }
        sum *= factor;
      }
      boxSums[b] = sum;
    });
    budget.cubes -= 1;
    return visit(cube) || budget.cubes <= 0;
  };
  const walk = (d: number): boolean => {
    if (d === k) return leaf();
    for (const partner of candidateLists[d] ?? []) {
      chosen[d] = partner;
      if (walk(d + 1)) return true;
    }
    return false;
  };
  walk(0);
}

/**
 * How far one cube can move the target up and down from `values`. Entries listed in `hypotheticallyHidden`
 * are treated as if hidden with bounds [hiddenLower, ∞) (used to price a complementary suppression).
 */
export function measureCube(
  knowledge: AttackerKnowledge,
  values: ArrayLike<number>,
  cube: Cube,
  boxValues: ArrayLike<number>,
  hypotheticallyHidden: readonly number[] = [],
  hiddenLower = 0,
): CertifiedInterval {
  const { lower, upper } = knowledge;
  let up = Number.POSITIVE_INFINITY;
  let down = Number.POSITIVE_INFINITY;
  for (let c = 0; c < cube.corners.length; c++) {
    const entry = cube.corners[c] ?? 0;
    const value = values[entry] ?? 0;
    const isHidden = hypotheticallyHidden.length > 0 && hypotheticallyHidden.includes(entry);
    const roomAbove = isHidden ? Number.POSITIVE_INFINITY : (upper[entry] ?? 0) - value;
    const roomBelow = value - (isHidden ? hiddenLower : (lower[entry] ?? 0));
    if ((cube.signs[c] ?? 0) > 0) {
      if (roomAbove < up) up = roomAbove;
      if (roomBelow < down) down = roomBelow;
    } else {
      if (roomBelow < up) up = roomBelow;
      if (roomAbove < down) down = roomAbove;
    }
    if (up <= 0 && down <= 0) return { up: 0, down: 0 };
  }
  for (let b = 0; b < knowledge.boxes.length; b++) {
    const sum = cube.boxSums[b] ?? 0;
    const box = knowledge.boxes[b];
    if (sum === 0 || !box) continue;
    const value = boxValues[b] ?? 0;
    const roomAbove = (box.upper - value) / Math.abs(sum);
    const roomBelow = (value - box.lower) / Math.abs(sum);
    up = Math.min(up, sum > 0 ? roomAbove : roomBelow);
    down = Math.min(down, sum > 0 ? roomBelow : roomAbove);
  }
  return { up: Math.max(0, Math.floor(up)), down: Math.max(0, Math.floor(down)) };
}

const MAX_MOVES_PER_DIRECTION = 12;
/** Cubes examined per move before settling for the best seen: keeps a national table well under a second. */
const MAX_CUBES_PER_MOVE = 100;
/** For a second attempt on an entry the quick search left short: every cube of each move is examined. */
export const EVERY_CUBE_PER_MOVE = Number.POSITIVE_INFINITY;

/**
 * Certified interval of a hidden entry: every value in [value − down, value + up] is taken by some table
 * consistent with the publication. Moves are chained greedily (apply the best cube, then search again from
 * the moved table), since one cube can only shift one category of a total at a time. Stops once the width
 * reaches `need`. Each move settles for the best of its first `cubesPerMove` cubes.
 */
export function certifyEntry(
  knowledge: AttackerKnowledge,
  values: readonly number[],
  target: number,
  need: number,
  budget: WorkBudget = createUnlimitedBudget(),
  cubesPerMove: number = MAX_CUBES_PER_MOVE,
): CertifiedInterval {
  const { grid } = knowledge;
  const working = Float64Array.from(values);
  const boxValues = Float64Array.from(knowledge.boxes, (box) => box.value);
  const levels = levelsOfEntry(grid, target);

  // Partners whose corner next to the target (differing in that dimension only) is hidden, the most room
  // first: that corner must move too, so its room predicts the cube's.
  const partnersFor = (direction: 1 | -1): number[][] =>
    grid.sizes.map((size, d) => {
      const stride = grid.strides[d] ?? 0;
      const own = levels[d] ?? 0;
      const scored: [level: number, room: number][] = [];
      for (let level = 0; level <= size; level++) {
        const entry = target + (level - own) * stride;
        if (level === own || knowledge.lower[entry] === knowledge.upper[entry]) continue;
        const movesWithTarget = own === size || level === size;
        const value = working[entry] ?? 0;
        const roomAbove = (knowledge.upper[entry] ?? 0) - value;
        const roomBelow = value - (knowledge.lower[entry] ?? 0);
        const room = movesWithTarget === direction > 0 ? roomAbove : roomBelow;
        if (room > 0) scored.push([level, room]);
      }
      return scored.sort((a, b) => b[1] - a[1]).map(([level]) => level);
    });

  const chain = (direction: 1 | -1, wanted: number): number => {
    const undo: [entry: number, value: number][] = [];
    const undoBoxes: [box: number, value: number][] = [];
    let reached = 0;
    for (let move = 0; move < MAX_MOVES_PER_DIRECTION && reached < wanted; move++) {
      const partnerLists = partnersFor(direction);
      let best = 0;
      let examined = 0;
      let bestCorners: number[] = [];
      let bestSigns: number[] = [];
      let bestBoxSums: number[] = [];
      forEachCube(
        knowledge,
        target,
        (d) => partnerLists[d] ?? [],
        (cube) => {
          const moved = measureCube(knowledge, working, cube, boxValues);
          const step = Math.min(direction > 0 ? moved.up : moved.down, wanted - reached);
          if (step > best) {
            best = step;
            bestCorners = [...cube.corners];
            bestSigns = [...cube.signs];
            bestBoxSums = [...cube.boxSums];
          }
          examined += 1;
          return best >= wanted - reached || (best > 0 && examined >= cubesPerMove);
        },
        budget,
      );
      if (best === 0) break;
      bestCorners.forEach((entry, c) => {
        undo.push([entry, working[entry] ?? 0]);
        working[entry] = (working[entry] ?? 0) + direction * (bestSigns[c] ?? 0) * best;
      });
      bestBoxSums.forEach((sum, b) => {
        if (sum === 0) return;
        undoBoxes.push([b, boxValues[b] ?? 0]);
        boxValues[b] = (boxValues[b] ?? 0) + direction * sum * best;
      });
      reached += best;
    }
    for (const [entry, value] of undo.reverse()) working[entry] = value;
    for (const [box, value] of undoBoxes.reverse()) boxValues[box] = value;
    return reached;
  };

  const value = values[target] ?? 0;
  const roomAbove = Math.min(need, (knowledge.upper[target] ?? 0) - value);
  const up = roomAbove > 0 ? chain(1, roomAbove) : 0;
  const roomBelow = Math.min(need - up, value - (knowledge.lower[target] ?? 0));
  const down = roomBelow > 0 ? chain(-1, roomBelow) : 0;
  return { up, down };
}

import type { GridDefinition } from "./grid-definition";
import { GRR_V0_1 } from "./grid-v0-1";

/** Every published grid, by version. A screening is always scored with the grid it was filled in with. */
export const GRIDS: Readonly<Record<string, GridDefinition>> = Object.freeze({ [GRR_V0_1.version]: GRR_V0_1 });

/** The grid offered for new screenings. */
export const CURRENT_GRID: GridDefinition = GRR_V0_1;

export function findGrid(
  version: string,
  grids: Readonly<Record<string, GridDefinition>> = GRIDS,
): GridDefinition | undefined {
  return Object.hasOwn(grids, version) ? grids[version] : undefined;
}

export function getGrid(version: string, grids: Readonly<Record<string, GridDefinition>> = GRIDS): GridDefinition {
  const grid = findGrid(version, grids);
  if (grid === undefined) throw new Error(`unknown screening grid version: ${version}`);
  return grid;
}

export function listGridItems(grid: GridDefinition) {
  return grid.domains.flatMap((domain) => domain.items);
}

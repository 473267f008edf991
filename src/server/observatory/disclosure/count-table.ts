import { DisclosureInputError, MAX_TABLE_DIMENSIONS } from "./disclosure-rules.ts";

/** One categorical dimension of a table, e.g. `{ name: "year", categories: ["2023", "2024"] }`. */
export interface TableDimension {
  name: string;
  categories: readonly string[];
}

/** One row of a SQL `GROUP BY`: a category per dimension (in the table's order) and its count of persons. */
export interface CountRow {
  categories: readonly string[];
  count: number;
}

/**
 * A frequency table of persons with 1 to 3 dimensions. `cells` is row-major over the dimensions' categories
 * (the last dimension varies fastest); `structuralZeros` holds cell indexes that are zero by construction
 * (an impossible combination), the only zeros D2 lets us publish.
 */
export interface CountTable {
  dimensions: readonly TableDimension[];
  cells: readonly number[];
  structuralZeros: ReadonlySet<number>;
}

/**
 * Builds a table from GROUP BY rows; missing combinations count 0, duplicates are added (handy after folding
 * several départements into one unit). `structuralZeros` lists category combinations that cannot occur.
 */
export function createCountTable(
  dimensions: readonly TableDimension[],
  rows: Iterable<CountRow>,
  options: { structuralZeros?: Iterable<readonly string[]> } = {},
): CountTable {
  assertDimensions(dimensions);
  const lookups = dimensions.map((dimension) => new Map(dimension.categories.map((category, i) => [category, i])));
  const sizes = dimensions.map((dimension) => dimension.categories.length);
  const cells = new Array<number>(product(sizes)).fill(0);
  const cellIndexOf = (categories: readonly string[]): number => {
    if (categories.length !== dimensions.length) {
      throw new DisclosureInputError(`expected ${dimensions.length} categories, got ${categories.length}`);
    }
    let index = 0;
    categories.forEach((category, d) => {
      const position = lookups[d]?.get(category);
      if (position === undefined) {
        throw new DisclosureInputError(`unknown category "${category}" in dimension "${dimensions[d]?.name}"`);
      }
      index = index * (sizes[d] ?? 0) + position;
    });
    return index;
  };

  for (const row of rows) {
    if (!Number.isInteger(row.count) || row.count < 0) {
      throw new DisclosureInputError(`a count must be an integer ≥ 0, got ${row.count}`);
    }
    const index = cellIndexOf(row.categories);
    cells[index] = (cells[index] ?? 0) + row.count;
  }

  const structuralZeros = new Set<number>();
  for (const categories of options.structuralZeros ?? []) {
    const index = cellIndexOf(categories);
    if (cells[index] !== 0) {
      throw new DisclosureInputError(`cell ${categories.join(" × ")} is declared structurally zero but is not 0`);
    }
    structuralZeros.add(index);
  }
  return { dimensions, cells, structuralZeros };
}

function assertDimensions(dimensions: readonly TableDimension[]): void {
  if (dimensions.length === 0 || dimensions.length > MAX_TABLE_DIMENSIONS) {
    throw new DisclosureInputError(
      `a published table has 1 to ${MAX_TABLE_DIMENSIONS} dimensions (D4), got ${dimensions.length}`,
    );
  }
  const names = new Set(dimensions.map((dimension) => dimension.name));
  if (names.size !== dimensions.length) throw new DisclosureInputError("dimension names must be distinct");
  for (const dimension of dimensions) {
    if (dimension.categories.length === 0) {
      throw new DisclosureInputError(`dimension "${dimension.name}" has no category`);
    }
    if (new Set(dimension.categories).size !== dimension.categories.length) {
      throw new DisclosureInputError(`dimension "${dimension.name}" repeats a category`);
    }
  }
}

function product(values: readonly number[]): number {
  return values.reduce((acc, value) => acc * value, 1);
}

/**
 * A table extended with its margins: each dimension gains a last level, "total", so that every cell, every
 * marginal total of every combination of dimensions and the grand total is one *entry* of a single array.
 * Every line along a dimension obeys: sum of its category entries = its total entry.
 */
export interface ExtendedGrid {
  /** Number of categories per dimension; level `sizes[d]` is the total of dimension d. */
  sizes: readonly number[];
  strides: readonly number[];
  entryCount: number;
}

export function createExtendedGrid(sizes: readonly number[]): ExtendedGrid {
  const strides = new Array<number>(sizes.length);
  let stride = 1;
  for (let d = sizes.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= (sizes[d] ?? 0) + 1;
  }
  return { sizes, strides, entryCount: stride };
}

export function gridOfTable(table: CountTable): ExtendedGrid {
  return createExtendedGrid(table.dimensions.map((dimension) => dimension.categories.length));
}

export function levelsOfEntry(grid: ExtendedGrid, entry: number): number[] {
  return grid.sizes.map((size, d) => Math.floor(entry / (grid.strides[d] ?? 1)) % (size + 1));
}

export function entryOfLevels(grid: ExtendedGrid, levels: readonly number[]): number {
  return levels.reduce((index, level, d) => index + level * (grid.strides[d] ?? 0), 0);
}

export function isTotalLevel(grid: ExtendedGrid, dimension: number, level: number): boolean {
  return level === grid.sizes[dimension];
}

/** True when the entry is a cell (no dimension at its total level). */
export function isCellEntry(grid: ExtendedGrid, entry: number): boolean {
  return levelsOfEntry(grid, entry).every((level, d) => !isTotalLevel(grid, d, level));
}

/** Extended index of the cell with row-major index `cell` in `table.cells`. */
export function entryOfCell(grid: ExtendedGrid, cell: number): number {
  let rest = cell;
  let entry = 0;
  for (let d = grid.sizes.length - 1; d >= 0; d--) {
    const size = grid.sizes[d] ?? 1;
    entry += (rest % size) * (grid.strides[d] ?? 0);
    rest = Math.floor(rest / size);
  }
  return entry;
}

/** Values of every entry (cells, all marginal totals, grand total), summed from the cells. */
export function computeEntryValues(grid: ExtendedGrid, cells: readonly number[]): number[] {
  const values = new Array<number>(grid.entryCount).fill(0);
  const dimensionCount = grid.sizes.length;
  cells.forEach((count, cell) => {
    if (count === 0) return;
    const levels = levelsOfEntry(grid, entryOfCell(grid, cell));
    // A cell adds to its own entry and to every total obtained by replacing some of its levels by "total".
    for (let mask = 0; mask < 1 << dimensionCount; mask++) {
      let entry = 0;
      for (let d = 0; d < dimensionCount; d++) {
        const level = mask & (1 << d) ? (grid.sizes[d] ?? 0) : (levels[d] ?? 0);
        entry += level * (grid.strides[d] ?? 0);
      }
      values[entry] = (values[entry] ?? 0) + count;
    }
  });
  return values;
}

/** Extended entries of one line: the category entries along `dimension` through `entry`, then its total. */
export function lineThrough(grid: ExtendedGrid, entry: number, dimension: number): number[] {
  const stride = grid.strides[dimension] ?? 0;
  const size = grid.sizes[dimension] ?? 0;
  const base = entry - (levelsOfEntry(grid, entry)[dimension] ?? 0) * stride;
  return Array.from({ length: size + 1 }, (_, level) => base + level * stride);
}

/** Every line of the grid, each as [category entries…, total entry]. */
export function listLines(grid: ExtendedGrid): number[][] {
  const lines: number[][] = [];
  for (let d = 0; d < grid.sizes.length; d++) {
    for (let entry = 0; entry < grid.entryCount; entry++) {
      if ((levelsOfEntry(grid, entry)[d] ?? 0) === 0) lines.push(lineThrough(grid, entry, d));
    }
  }
  return lines;
}

import {
  type CountTable,
  computeEntryValues,
  type ExtendedGrid,
  gridOfTable,
  levelsOfEntry,
  lineThrough,
} from "./count-table.ts";
import { DEFAULT_L_DIVERSITY, DisclosureInputError } from "./disclosure-rules.ts";

// D7, attribute disclosure: even a group of 50 leaks something when all 50 share the sensitive value ("all girls
// 15–17 placed by ASE in département X"). A group is l-diverse when at least l distinct sensitive values occur in
// it (distinct l-diversity, Machanavajjhala et al. 2007); with l = 2 nobody's value follows from group membership.

/** A group of a table (one line along the sensitive dimension) that fails l-diversity. */
export interface HomogeneousGroup {
  /** Category per dimension, null on the sensitive dimension and where the group spans all categories. */
  categories: (string | null)[];
  distinctValues: number;
  /** Entries of the line (its categories and its total), to merge or hide. */
  entries: number[];
}

export function findHomogeneousGroups(
  table: CountTable,
  sensitiveDimension: string,
  l: number = DEFAULT_L_DIVERSITY,
): HomogeneousGroup[] {
  const d = table.dimensions.findIndex((dimension) => dimension.name === sensitiveDimension);
  if (d < 0) throw new DisclosureInputError(`no dimension "${sensitiveDimension}" in the table`);
  const grid = gridOfTable(table);
  const values = computeEntryValues(grid, table.cells);
  const groups: HomogeneousGroup[] = [];
  for (let entry = 0; entry < grid.entryCount; entry++) {
    if (levelsOfEntry(grid, entry)[d] !== 0) continue;
    const line = lineThrough(grid, entry, d);
    const categoryEntries = line.slice(0, -1);
    const total = values[line[line.length - 1] ?? 0] ?? 0;
    const distinctValues = categoryEntries.filter((e) => (values[e] ?? 0) > 0).length;
    if (total > 0 && distinctValues < l) {
      groups.push({ categories: describeGroup(table, grid, entry, d), distinctValues, entries: line });
    }
  }
  return groups;
}

function describeGroup(table: CountTable, grid: ExtendedGrid, entry: number, sensitive: number): (string | null)[] {
  return levelsOfEntry(grid, entry).map((level, d) =>
    d === sensitive || level === grid.sizes[d] ? null : (table.dimensions[d]?.categories[level] ?? null),
  );
}

/** An equivalence class of records (same quasi-identifiers) that fails l-diversity. */
export interface LDiversityViolation {
  quasiIdentifierValues: (string | null)[];
  size: number;
  distinctValues: number;
}

type RecordValue = string | number | boolean | null | undefined;

export function findLDiversityViolations(
  records: readonly Readonly<Record<string, RecordValue>>[],
  quasiIdentifiers: readonly string[],
  sensitiveAttribute: string,
  l: number = DEFAULT_L_DIVERSITY,
): LDiversityViolation[] {
  const classes = new Map<string, { values: (string | null)[]; size: number; sensitive: Set<string> }>();
  for (const record of records) {
    const values = quasiIdentifiers.map((name) => normalise(record[name]));
    const key = JSON.stringify(values);
    const group = classes.get(key) ?? { values, size: 0, sensitive: new Set<string>() };
    group.size += 1;
    group.sensitive.add(JSON.stringify(normalise(record[sensitiveAttribute])));
    classes.set(key, group);
  }
  return [...classes.values()]
    .filter((group) => group.sensitive.size < l)
    .map((group) => ({ quasiIdentifierValues: group.values, size: group.size, distinctValues: group.sensitive.size }));
}

function normalise(value: RecordValue): string | null {
  return value === null || value === undefined ? null : String(value);
}

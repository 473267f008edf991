import { DEPARTMENTS } from "@shared/departments.ts";
import {
  categoriesOf,
  categoryLabel,
  OBSERVATORY_DIMENSION_LABELS,
  OBSERVATORY_MEASURE_LABELS,
  type ObservatoryCell,
  type ObservatoryDimension,
  type ObservatoryFilters,
  type ObservatoryTable,
  type ObservatoryTableQuery,
  VICTIM_STATUS_BASIS_LABELS,
} from "@shared/observatory.ts";
import { type CountRow, type CountTable, createCountTable } from "../disclosure/count-table.ts";
import { listPublishedBoxes, type PublishedBox } from "../disclosure/differencing-guard.ts";
import { WITHHELD_LABEL } from "../disclosure/disclosure-rules.ts";
import {
  type DepartmentFolding,
  foldDepartmentDimension,
  type GeographicUnit,
  planDepartmentFolding,
} from "../disclosure/geographic-folding.ts";
import {
  type ProtectedTable,
  protectTable,
  statusAsPublished,
  suppressedCountAsPublished,
} from "../disclosure/protect-table.ts";
import type { SnapshotInfo } from "../snapshot/observatory-snapshot.ts";
import { countingRuleOf } from "./counting-rule.ts";
import { findRareCategories, MERGED_CATEGORY, recodeDimension } from "./recode-dimension.ts";
import { type Denominators, measureOf } from "./table-measures.ts";
import { yearsOf } from "./years.ts";

/** Runs one GROUP BY over the snapshot (tables.queries.ts `countPersons`, bound to a snapshot and a basis). */
export type PersonCounter = (
  dimensions: readonly ObservatoryDimension[],
  filters: ObservatoryFilters,
) => Promise<{ categories: string[]; count: number }[]>;

export interface BuiltTable {
  view: ObservatoryTable;
  /** What the table shows, as blocks of the guard's frame (geographic groups and merged forms expanded). */
  boxes: PublishedBox[];
  protectedTable: ProtectedTable;
}

export function categoriesFor(dimension: ObservatoryDimension, query: ObservatoryTableQuery): readonly string[] {
  if (dimension === "year") return yearsOf(query.from, query.to);
  const filtered = query.filters[dimension];
  const all = categoriesOf(dimension);
  return filtered ? all.filter((category) => filtered.includes(category)) : all;
}

/**
 * The whole pipeline of one table: count in SQL, fold small départements (D5), merge rare exploitation forms,
 * protect (D2, D3), and present with French labels, notes and the counting rule. `query.filters` already carries
 * the caller's scope.
 */
export async function buildProtectedTable(
  query: ObservatoryTableQuery,
  count: PersonCounter,
  context: { snapshot: SnapshotInfo; denominators: Denominators; queryKey: string; now: Date },
): Promise<BuiltTable> {
  const dimensions = query.dimensions.map((name) => ({ name, categories: categoriesFor(name, query) }));
  const rows = await count(query.dimensions, query.filters);
  let table = createCountTable(dimensions, knownRows(dimensions, rows));
  const notes: string[] = [];
  const members: Record<string, Record<string, readonly string[]>> = {};
  let units: GeographicUnit[] | null = null;

  const departmentCategories = dimensions.find((dimension) => dimension.name === "department")?.categories ?? [];
  if (departmentCategories.length > 1) {
    const folding = restrictFolding(await planFolding(query, count), departmentCategories);
    table = foldDepartmentDimension(table, "department", folding);
    units = folding.units;
    members.department = Object.fromEntries(folding.units.map((unit) => [unit.code, unit.departments]));
    if (folding.units.some((unit) => unit.kind !== "department")) {
      notes.push(
        "Les départements dont l'effectif annuel est inférieur à 11 sur la période sont regroupés au sein de leur " +
          "région (ou des outre-mer).",
      );
    }
  }

  let merged: string[] = [];
  const merge = (aggressive: boolean) => {
    const rare = findRareCategories(table, "exploitation_family", aggressive);
    if (rare.length < 2) return false;
    merged = [...new Set([...merged, ...rare])];
    const kept = (table.dimensions.find((d) => d.name === "exploitation_family")?.categories ?? []).filter(
      (category) => !rare.includes(category) && category !== MERGED_CATEGORY,
    );
    table = recodeDimension(
      table,
      "exploitation_family",
      (category) => (rare.includes(category) ? MERGED_CATEGORY : category),
      [...kept, MERGED_CATEGORY],
    );
    return true;
  };
  merge(false);
  let protectedTable = protectTable(table);
  if (protectedTable.method === "withheld" && merge(true)) protectedTable = protectTable(table);
  if (merged.length > 0) {
    members.exploitation_family = { [MERGED_CATEGORY]: expandMerged(merged) };
    notes.push(
      `Formes d'exploitation trop rares pour être publiées séparément, regroupées sous « Autres formes (regroupées) » : ${expandMerged(
        merged,
      )
        .map((category) => categoryLabel("exploitation_family", category).toLowerCase())
        .join(", ")}.`,
    );
  }

  const view = presentTable(query, protectedTable, { ...context, units, notes });
  const boxes = listPublishedBoxes(protectedTable, { members, filters: boxFilters(query) });
  return { view, boxes, protectedTable };
}

/** Folded groups may hold other groups' categories once merged twice: expand back to the original forms. */
function expandMerged(merged: readonly string[]): string[] {
  return merged.filter((category) => category !== MERGED_CATEGORY);
}

/** Rows whose category is outside the table (a département code no longer listed) cannot be placed: dropped. */
function knownRows(dimensions: readonly { categories: readonly string[] }[], rows: readonly CountRow[]): CountRow[] {
  const sets = dimensions.map((dimension) => new Set(dimension.categories));
  return rows.filter((row) => row.categories.every((category, d) => sets[d]?.has(category)));
}

async function planFolding(query: ObservatoryTableQuery, count: PersonCounter): Promise<DepartmentFolding> {
  const years = yearsOf(query.from, query.to);
  const totals: Record<string, number[]> = {};
  for (const row of await count(["year", "department"], query.filters)) {
    const [year, department] = row.categories;
    if (!department || !year) continue;
    const y = years.indexOf(year);
    if (y < 0 || !DEPARTMENTS.some((d) => d.code === department)) continue;
    totals[department] ??= years.map(() => 0);
    (totals[department] as number[])[y] = row.count;
  }
  for (const department of DEPARTMENTS) totals[department.code] ??= years.map(() => 0);
  return planDepartmentFolding(totals);
}

/** Keeps the units that hold a département of the table, each limited to those départements. */
function restrictFolding(folding: DepartmentFolding, departments: readonly string[]): DepartmentFolding {
  const wanted = new Set(departments);
  const units = folding.units
    .map((unit) => ({ ...unit, departments: unit.departments.filter((code) => wanted.has(code)) }))
    .filter((unit) => unit.departments.length > 0);
  const unitOf = new Map(units.flatMap((unit) => unit.departments.map((code) => [code, unit.code] as const)));
  return { units, unitOf };
}

/** Dimensions the query restricts but does not show, for the guard's boxes; the period always. */
function boxFilters(query: ObservatoryTableQuery): Record<string, readonly string[]> {
  const filters: Record<string, readonly string[]> = {};
  if (!query.dimensions.includes("year")) filters.year = yearsOf(query.from, query.to);
  for (const [dimension, values] of Object.entries(query.filters)) {
    if (values && !query.dimensions.includes(dimension as ObservatoryDimension)) filters[dimension] = values;
  }
  return filters;
}

/** Presents a protected table (labels, measures, notes); used for survey figures too. */
export function presentTable(
  query: ObservatoryTableQuery,
  table: ProtectedTable,
  context: {
    snapshot: SnapshotInfo;
    denominators: Denominators;
    queryKey: string;
    now: Date;
    units: GeographicUnit[] | null;
    notes: string[];
  },
): ObservatoryTable {
  const dimensionViews = table.dimensions.map((dimension) => {
    const name = dimension.name as ObservatoryDimension;
    return {
      name,
      label: OBSERVATORY_DIMENSION_LABELS[name],
      categories: dimension.categories.map((code) => {
        const unit = name === "department" ? context.units?.find((candidate) => candidate.code === code) : undefined;
        if (unit) return { code, label: unit.label, departments: unit.departments };
        return { code, label: categoryLabel(name, code) };
      }),
    };
  });
  const unitMembers = new Map(context.units?.map((unit) => [unit.code, unit.departments]) ?? []);
  const measure = measureOf(query, table, context.denominators, unitMembers);
  const cells: ObservatoryCell[] = table.entries.map((entry) => {
    const value = measure(entry);
    return {
      categories: entry.categories,
      count: entry.value,
      value,
      display: displayOf(query.measure, entry.display, entry.value, value),
      status: statusAsPublished(entry.status, table.hiddenLabels),
      isTotal: entry.categories.some((category) => category === null),
    };
  });
  const grandTotal = cells.find((cell) => cell.categories.every((category) => category === null));
  if (!grandTotal) throw new Error("a protected table always has a grand total");
  const notes = [table.note, ...context.notes];
  if (query.measure === "rate_per_10000_minors" || query.measure === "rate_per_1000_ase") {
    notes.push(context.denominators.note);
  }
  if (query.measure === "share") {
    notes.push(
      "Les parts sont calculées sur le total de la dernière dimension du tableau, à partir des seuls effectifs publiés.",
    );
  }
  return {
    queryKey: context.queryKey,
    title: titleOf(query),
    query,
    measure: query.measure,
    measureLabel: OBSERVATORY_MEASURE_LABELS[query.measure],
    basis: query.basis,
    basisLabel: VICTIM_STATUS_BASIS_LABELS[query.basis],
    dimensions: dimensionViews,
    cells,
    grandTotal,
    suppressedCount: suppressedCountAsPublished(table),
    method: table.method,
    note: notes.filter(Boolean).join(" "),
    countingRule: countingRuleOf(query.basis),
    isSynthetic: context.snapshot.isSynthetic,
    syntheticLabel: context.snapshot.syntheticLabel,
    dataVersion: context.snapshot.id,
    generatedAt: context.now.toISOString(),
  };
}

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function displayOf(
  measure: ObservatoryTableQuery["measure"],
  countDisplay: string,
  count: number | null,
  value: number | null,
): string {
  if (measure === "count" || count === null) return countDisplay;
  // Narrow no-break spaces (fr-FR grouping) become plain no-break spaces, which every CSV reader and PDF keeps.
  return value === null ? WITHHELD_LABEL : decimal.format(value).replace(/\u202f/g, "\u00a0");
}

export function titleOf(query: ObservatoryTableQuery): string {
  const by = query.dimensions.map((dimension) => OBSERVATORY_DIMENSION_LABELS[dimension].toLowerCase()).join(", ");
  const period = query.from === query.to ? `${query.from}` : `${query.from}–${query.to}`;
  return `${OBSERVATORY_MEASURE_LABELS[query.measure]} par ${by}, ${period}`;
}

/** A count table from raw rows, for the guard's frame (no protection, never shown). */
export function frameTable(
  dimensions: readonly { name: string; categories: readonly string[] }[],
  rows: readonly CountRow[],
): CountTable {
  return createCountTable(dimensions, knownRows(dimensions, rows));
}

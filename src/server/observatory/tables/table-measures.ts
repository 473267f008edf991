import { DEPARTMENTS } from "@shared/departments.ts";
import type { ObservatoryDimension, ObservatoryTableQuery } from "@shared/observatory.ts";
import type { ProtectedTable, PublishedEntry } from "../disclosure/protect-table.ts";
import type { IndicatorRow } from "../reference/indicators.queries.ts";
import { yearsOf } from "./years.ts";

/** Imported per-département denominators, by "code|year". */
export interface Denominators {
  minors: ReadonlyMap<string, number>;
  aseChildren: ReadonlyMap<string, number>;
  note: string;
}

export function denominatorsFrom(rows: readonly IndicatorRow[]): Denominators {
  const minors = new Map<string, number>();
  const aseChildren = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.departmentCode}|${row.year}`;
    if (row.populationUnder18 !== null) minors.set(key, row.populationUnder18);
    if (row.childrenInAseCare !== null) aseChildren.set(key, row.childrenInAseCare);
  }
  return {
    minors,
    aseChildren,
    note:
      "Les taux rapportent les effectifs publiés à la population de moins de 18 ans ou aux enfants confiés à l'ASE " +
      "du même territoire et de la même année (indicateurs départementaux importés) ; sur plusieurs années, il " +
      "s'agit d'un taux annuel moyen. Ils ne sont pas calculés lorsqu'un dénominateur manque (« n.d. »).",
  };
}

const regionDepartments = (region: string) =>
  DEPARTMENTS.filter((department) => department.regionCode === region).map((department) => department.code);

/**
 * The requested measure of each published entry, derived from published counts only, so that a share or a rate
 * never reveals more than the counts themselves: a hidden count has no measure.
 */
export function measureOf(
  query: ObservatoryTableQuery,
  table: ProtectedTable,
  denominators: Denominators,
  unitMembers: ReadonlyMap<string, readonly string[]>,
): (entry: PublishedEntry) => number | null {
  const names = table.dimensions.map((dimension) => dimension.name as ObservatoryDimension);
  if (query.measure === "count") return (entry) => entry.value;
  if (query.measure === "share") {
    const last = names.length - 1;
    const totals = new Map(table.entries.map((entry) => [entry.categories.join("|"), entry.value]));
    return (entry) => {
      if (entry.value === null) return null;
      if (entry.categories[last] === null) return entry.value === 0 ? null : 100;
      const reference = totals.get(entry.categories.map((category, d) => (d === last ? null : category)).join("|"));
      return reference ? Math.round((entry.value / reference) * 1000) / 10 : null;
    };
  }
  const source = query.measure === "rate_per_10000_minors" ? denominators.minors : denominators.aseChildren;
  const per = query.measure === "rate_per_10000_minors" ? 10_000 : 1_000;
  const allYears = yearsOf(query.from, query.to);
  const scopeDepartments =
    query.filters.department ??
    (query.filters.region
      ? query.filters.region.flatMap(regionDepartments)
      : DEPARTMENTS.map((department) => department.code));
  return (entry) => {
    if (entry.value === null) return null;
    let departments: readonly string[] = scopeDepartments;
    let years = allYears;
    entry.categories.forEach((category, d) => {
      if (category === null) return;
      if (names[d] === "department") departments = unitMembers.get(category) ?? [category];
      if (names[d] === "region") departments = regionDepartments(category);
      if (names[d] === "year") years = [category];
    });
    let denominator = 0;
    for (const year of years) {
      for (const department of departments) {
        const value = source.get(`${department}|${year}`);
        if (value === undefined) return null;
        denominator += value;
      }
    }
    return denominator > 0 ? Math.round((entry.value / denominator) * per * 100) / 100 : null;
  };
}

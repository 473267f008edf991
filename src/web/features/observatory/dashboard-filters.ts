import {
  categoriesOf,
  MAX_OBSERVATORY_DIMENSIONS,
  OBSERVATORY_FIRST_YEAR,
  type ObservatoryDimension,
  type ObservatoryFilters,
  type ObservatoryTableQuery,
  VICTIM_STATUS_BASES,
  type VictimStatusBasis,
} from "@shared/observatory.ts";

/** The dimensions a dashboard filter may restrict, one category each. */
export const FILTER_DIMENSIONS = ["exploitation_family", "sex", "age_band", "profile"] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** What the filter form holds: `basis` stays empty until the user picks one, as levels are never summed silently. */
export interface DashboardFilters {
  from: number;
  to: number;
  basis: VictimStatusBasis | undefined;
  categories: Partial<Record<FilterDimension, string>>;
}

export function currentYear(now = new Date()): number {
  return now.getFullYear();
}

export function yearOptions(now = new Date()): number[] {
  const years: number[] = [];
  for (let year = currentYear(now); year >= OBSERVATORY_FIRST_YEAR; year -= 1) years.push(year);
  return years;
}

function isBasis(value: string | null): value is VictimStatusBasis {
  return VICTIM_STATUS_BASES.some((basis) => basis === value);
}

function yearParam(value: string | null, fallback: number, now: Date): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= OBSERVATORY_FIRST_YEAR && year <= currentYear(now) ? year : fallback;
}

/** Filters carried by the address, so a dashboard can be bookmarked or sent; unknown values are dropped. */
export function filtersFromSearch(search: URLSearchParams, now = new Date()): DashboardFilters {
  const last = currentYear(now);
  const basis = search.get("basis");
  const categories: DashboardFilters["categories"] = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const value = search.get(dimension);
    if (value && categoriesOf(dimension).includes(value)) categories[dimension] = value;
  }
  const from = yearParam(search.get("from"), last - 4, now);
  const to = yearParam(search.get("to"), last, now);
  return { from: Math.min(from, to), to: Math.max(from, to), basis: isBasis(basis) ? basis : undefined, categories };
}

export function searchFromFilters(filters: DashboardFilters): URLSearchParams {
  const search = new URLSearchParams({ from: String(filters.from), to: String(filters.to) });
  if (filters.basis) search.set("basis", filters.basis);
  for (const dimension of FILTER_DIMENSIONS) {
    const value = filters.categories[dimension];
    if (value) search.set(dimension, value);
  }
  return search;
}

export type ChosenFilters = DashboardFilters & { basis: VictimStatusBasis };

export function hasBasis(filters: DashboardFilters): filters is ChosenFilters {
  return filters.basis !== undefined;
}

function apiFiltersOf(filters: ChosenFilters, departments: readonly string[] | undefined): ObservatoryFilters {
  const apiFilters: ObservatoryFilters = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const value = filters.categories[dimension];
    if (value) apiFilters[dimension] = [value];
  }
  if (departments && departments.length > 0) apiFilters.department = [...departments];
  return apiFilters;
}

/** One chart's protected-table query: the dashboard's filters and period, split by `dimensions`. */
export function tableQueryOf(
  filters: ChosenFilters,
  dimensions: ObservatoryDimension[],
  departments?: readonly string[],
): ObservatoryTableQuery {
  return {
    dimensions,
    from: filters.from,
    to: filters.to,
    basis: filters.basis,
    measure: "count",
    filters: apiFiltersOf(filters, departments),
  };
}

/**
 * The dimensions the server's differencing guard compares a query on: the years, the split and every filter.
 * It refuses more than three, so the dashboard says so instead of sending a query bound to fail.
 */
export function frameDimensionsOf(query: ObservatoryTableQuery): Set<string> {
  const filtered = Object.entries(query.filters)
    .filter(([, values]) => values && values.length > 0)
    .map(([name]) => name);
  return new Set(["year", ...query.dimensions, ...filtered]);
}

export function exceedsFrame(query: ObservatoryTableQuery): boolean {
  return frameDimensionsOf(query).size > MAX_OBSERVATORY_DIMENSIONS;
}

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ObservatoryCategoryView, ObservatoryDimension } from "@shared/observatory.ts";
import { Link, useSearchParams } from "react-router";
import {
  type ChosenFilters,
  currentYear,
  FILTER_DIMENSIONS,
  filtersFromSearch,
  hasBasis,
  searchFromFilters,
  tableQueryOf,
} from "./dashboard-filters.ts";
import { type ExportableTable, ExportPanel } from "./ExportPanel.tsx";
import { ObservatoryFiltersForm } from "./ObservatoryFiltersForm.tsx";
import { type ChartKind, ObservatoryTableSection } from "./ObservatoryTableSection.tsx";
import { observatoryPaths } from "./observatory-paths.ts";

const BREAKDOWN_TITLES: Record<(typeof FILTER_DIMENSIONS)[number], string> = {
  exploitation_family: "Répartition par forme d'exploitation",
  sex: "Répartition par sexe",
  age_band: "Répartition par tranche d'âge",
  profile: "Répartition par profil",
};

interface DashboardChart extends ExportableTable {
  chart: ChartKind;
}

function chartsOf(filters: ChosenFilters, departments: readonly string[] | undefined): DashboardChart[] {
  const chart = (title: string, dimensions: ObservatoryDimension[], kind: ChartKind): DashboardChart => ({
    title,
    chart: kind,
    query: tableQueryOf(filters, dimensions, departments),
  });
  const charts: DashboardChart[] = [];
  if (!departments) charts.push(chart("Carte des départements", ["department"], "map"));
  charts.push(chart("Évolution par année", ["year"], "line"));
  for (const dimension of FILTER_DIMENSIONS) {
    // A breakdown over the category the filter already keeps would be a single bar.
    if (!filters.categories[dimension]) charts.push(chart(BREAKDOWN_TITLES[dimension], [dimension], "bar"));
  }
  return charts;
}

/**
 * The national dashboard, or a département's (or a folded group's) when `departments` is given: shared filters in
 * the address, then one protected table per chart.
 */
export function ObservatoryDashboard({ departments }: { departments?: readonly string[] }) {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const charts = hasBasis(filters) ? chartsOf(filters, departments) : [];
  // A département's dashboard opens with the same filters, so the figures compare.
  const departmentRowHeader = (category: ObservatoryCategoryView) => (
    <Link
      to={{ pathname: observatoryPaths.department(category.departments ?? [category.code]), search: search.toString() }}
    >
      {category.label}
    </Link>
  );

  return (
    <>
      <ObservatoryFiltersForm
        key={search.toString()}
        value={filters}
        onSubmit={(next) => setSearch(searchFromFilters(next))}
      />
      {!hasBasis(filters) ? (
        <Alert
          severity="info"
          small
          description="Choisissez le statut de victime compté, puis « Afficher » : les tableaux et graphiques en dépendent."
        />
      ) : (
        <>
          <ExportPanel tables={charts} reportYear={Math.min(filters.to, currentYear() - 1)} />
          {charts.map((chart) => (
            <ObservatoryTableSection
              key={chart.title}
              title={chart.title}
              query={chart.query}
              chart={chart.chart}
              renderRowHeader={chart.chart === "map" ? departmentRowHeader : undefined}
            />
          ))}
        </>
      )}
    </>
  );
}

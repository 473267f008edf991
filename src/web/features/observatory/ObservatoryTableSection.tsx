import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { ObservatoryCategoryView, ObservatoryTable, ObservatoryTableQuery } from "@shared/observatory.ts";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { observatoryApi } from "../../api.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { CategoryBarChart, YearLineChart } from "./charts/CategoryCharts.tsx";
import { ChartFigure } from "./charts/ChartFigure.tsx";
import { DepartmentMap } from "./charts/DepartmentMap.tsx";
import { exceedsFrame, frameDimensionsOf } from "./dashboard-filters.ts";
import { ProtectedTable } from "./ProtectedTable.tsx";
import { problemText } from "./problem-text.ts";

export type ChartKind = "map" | "line" | "bar";

export const observatoryTableKey = (query: ObservatoryTableQuery) => ["observatory", "table", query] as const;

// Called as functions, not rendered as components: a null result must reach ChartFigure to show why nothing is drawn.
const CHARTS: Record<ChartKind, (props: { table: ObservatoryTable }) => ReactNode> = {
  map: DepartmentMap,
  line: YearLineChart,
  bar: CategoryBarChart,
};

function NoticeSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="fr-mb-6w">
      <h3 id={headingId} className="fr-h4">
        {title}
      </h3>
      {children}
    </section>
  );
}

export interface ObservatoryTableSectionProps {
  title: string;
  query: ObservatoryTableQuery;
  chart: ChartKind;
  renderRowHeader?: (category: ObservatoryCategoryView) => ReactNode;
}

/** One chart of a dashboard: its protected table fetched, drawn, and given in full as the table alternative. */
export function ObservatoryTableSection({ title, query, chart, renderRowHeader }: ObservatoryTableSectionProps) {
  const isTooWide = exceedsFrame(query);
  const table = useQuery({
    queryKey: observatoryTableKey(query),
    queryFn: () => observatoryApi.getTable(query),
    enabled: !isTooWide,
    staleTime: 5 * 60_000,
  });
  const drawChart = CHARTS[chart];

  if (isTooWide) {
    return (
      <NoticeSection title={title}>
        <Alert
          severity="info"
          small
          description={`Ce tableau croiserait ${frameDimensionsOf(query).size} dimensions (années et filtres compris) ; trois au plus sont publiées. Retirez un filtre pour l'afficher.`}
        />
      </NoticeSection>
    );
  }
  if (table.error) {
    return (
      <NoticeSection title={title}>
        <Alert severity="warning" small description={problemText(table.error)} />
      </NoticeSection>
    );
  }
  if (!table.data) return <LoadingMessage text={`Chargement : ${title}…`} />;
  const data = table.data;
  return (
    <ChartFigure title={title} chart={() => drawChart({ table: data })} layout={chart === "map" ? "wide" : "split"}>
      <ProtectedTable
        table={data}
        caption={title}
        renderRowHeader={renderRowHeader}
        collapsedLabel={
          chart === "map"
            ? `Tableau des valeurs de la carte (${data.dimensions[0]?.categories.length ?? 0} lignes)`
            : undefined
        }
      />
    </ChartFigure>
  );
}

import { type ReactNode, useId } from "react";
import "./dsfr-chart-elements.ts";
import { useDsfrChart } from "./use-dsfr-chart.ts";

export interface ChartFigureProps {
  title: string;
  /** The chart itself, drawn once the library is loaded; null when nothing can be drawn. */
  chart: () => ReactNode;
  /** Why nothing is drawn when `chart` gives null. */
  emptyText?: string;
  /** The table alternative: it holds every value, including those the chart cannot draw. */
  children: ReactNode;
  headingLevel?: "h2" | "h3";
  /** "split" puts chart and table side by side on large screens; a map or a scatter plot needs the full width. */
  layout?: "wide" | "split";
}

/** A chart and, always shown beside or under it, its table alternative: the chart is a picture of the table. */
export function ChartFigure({
  title,
  chart,
  emptyText,
  children,
  headingLevel = "h3",
  layout = "wide",
}: ChartFigureProps) {
  const library = useDsfrChart();
  const headingId = useId();
  const Heading = headingLevel;
  const drawn = library === "ready" ? chart() : null;
  const column = layout === "split" ? "fr-col-12 fr-col-lg-6" : "fr-col-12";

  return (
    <section aria-labelledby={headingId} className="fr-mb-6w">
      <Heading id={headingId} className="fr-h4">
        {title}
      </Heading>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className={column}>
          <figure className="fr-m-0" aria-label={`Graphique : ${title}. Les valeurs sont dans le tableau qui suit.`}>
            {library === "loading" && <p role="status">Chargement du graphique…</p>}
            {library === "failed" && (
              <p className="fr-error-text">Le graphique n'a pas pu être chargé ; le tableau donne les valeurs.</p>
            )}
            {library === "ready" && (drawn ?? <p>{emptyText ?? "Aucune valeur publiable à représenter."}</p>)}
          </figure>
          <p className="fr-text--xs fr-mt-1w fr-mb-2w">
            Les valeurs masquées par le secret statistique ne sont pas tracées : le tableau les signale toutes.
          </p>
        </div>
        <div className={column}>{children}</div>
      </div>
    </section>
  );
}

import type { ObservatoryTable } from "@shared/observatory.ts";
import { useEffect, useRef } from "react";
import { asAttribute, mapValuesOf, periodLabel } from "./chart-data.ts";

/** DSFR "grey-925": light enough to read as "no value", distinct from every shade of the sequential palette. */
const NO_VALUE_FILL = "#e5e5e5";
const MAX_FRAMES = 120;

interface MapChartProps {
  values: Record<string, number>;
  total: string;
  measureLabel: string;
  period: string;
}

/**
 * dsfr-chart colours only the départements it is given and leaves the others in its own palette colour, which
 * would pass a hidden département for a counted one: once its paths exist, those without a value turn grey.
 */
function MapChart({ values, total, measureLabel, period }: MapChartProps) {
  const ref = useRef<HTMLElement>(null);
  const data = asAttribute(values);

  useEffect(() => {
    let frame = 0;
    let handle = 0;
    const greyHidden = () => {
      const paths = ref.current?.querySelectorAll<SVGPathElement>("path[class*='FR-']") ?? [];
      if (paths.length === 0 && frame++ < MAX_FRAMES) {
        handle = requestAnimationFrame(greyHidden);
        return;
      }
      for (const path of paths) {
        const code = /FR-(\w+)/.exec(path.getAttribute("class") ?? "")?.[1] ?? "";
        if (!(code in values)) path.setAttribute("fill", NO_VALUE_FILL);
      }
    };
    greyHidden();
    return () => cancelAnimationFrame(handle);
  }, [values]);

  return (
    <map-chart
      ref={ref}
      data={data}
      value={total}
      name={measureLabel}
      date={period}
      level="dep"
      selected-palette="sequentialAscending"
    />
  );
}

/** The choropleth of the 101 départements (Corsica and the five overseas ones as insets), drawn by dsfr-chart. */
export function DepartmentMap({ table }: { table: ObservatoryTable }) {
  const values = mapValuesOf(table);
  if (Object.keys(values).length === 0) return null;
  return (
    <>
      <MapChart
        // The component draws once, when mounted: a new key makes a new map for new data.
        key={asAttribute(values)}
        values={values}
        total={table.grandTotal.display}
        measureLabel={table.measureLabel}
        period={periodLabel(table.query.from, table.query.to)}
      />
      <p className="fr-text--xs fr-mb-0">
        En gris clair : départements dont l'effectif est masqué par le secret statistique (voir le tableau). Un groupe
        de départements regroupés partage une même couleur.
      </p>
    </>
  );
}

import type { ObservatoryTable } from "@shared/observatory.ts";
import { asAttribute, mapValuesOf, periodLabel } from "./chart-data.ts";

/** The choropleth of the 101 départements (Corsica and the five overseas ones as insets), drawn by dsfr-chart. */
export function DepartmentMap({ table }: { table: ObservatoryTable }) {
  const values = mapValuesOf(table);
  if (Object.keys(values).length === 0) return null;
  const data = asAttribute(values);
  return (
    <map-chart
      // The component draws once, when mounted: a new key makes a new map for new data.
      key={data}
      data={data}
      value={table.grandTotal.display}
      name={table.measureLabel}
      date={periodLabel(table.query.from, table.query.to)}
      level="dep"
      selected-palette="sequentialAscending"
    />
  );
}

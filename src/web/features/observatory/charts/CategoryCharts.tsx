import type { ObservatoryTable } from "@shared/observatory.ts";
import { chartValuesOf } from "../table-cells.ts";
import { asAttribute } from "./chart-data.ts";

function hasValues(points: { value: number | null }[]): boolean {
  return points.some((point) => point.value !== null);
}

/** A line over the years of a one-dimension "year" table; hidden years are gaps in the line. */
export function YearLineChart({ table }: { table: ObservatoryTable }) {
  const points = chartValuesOf(table);
  if (!hasValues(points)) return null;
  const x = asAttribute([points.map((point) => point.label)]);
  const y = asAttribute([points.map((point) => point.value)]);
  // From zero: an axis starting at the lowest year would make small changes look large.
  return (
    <line-chart key={x + y} x={x} y={y} y-min="0" name={asAttribute([table.measureLabel])} selected-palette="default" />
  );
}

/** Horizontal bars, one per category of a one-dimension table; hidden categories have no bar. */
export function CategoryBarChart({ table }: { table: ObservatoryTable }) {
  const points = chartValuesOf(table);
  if (!hasValues(points)) return null;
  const x = asAttribute([points.map((point) => point.label)]);
  const y = asAttribute([points.map((point) => point.value)]);
  return (
    <bar-chart
      key={x + y}
      x={x}
      y={y}
      name={asAttribute([table.measureLabel])}
      horizontal="true"
      selected-palette="default"
    />
  );
}

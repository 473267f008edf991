import type { DetailedHTMLProps, HTMLAttributes } from "react";

/** Attributes take JSON text, as dsfr-chart's README documents them. */
type ChartElement<Attributes> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Attributes;

type Palette =
  | "default"
  | "neutral"
  | "categorical"
  | "sequentialAscending"
  | "sequentialDescending"
  | "divergentAscending"
  | "divergentDescending";

interface XyChartAttributes {
  x: string;
  y: string;
  name?: string;
  "selected-palette"?: Palette;
  "unit-tooltip"?: string;
  "y-min"?: string;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "map-chart": ChartElement<{
        data: string;
        value: string;
        name: string;
        date: string;
        level?: "dep" | "reg";
        "selected-palette"?: Palette;
      }>;
      "line-chart": ChartElement<XyChartAttributes>;
      "bar-chart": ChartElement<XyChartAttributes & { horizontal?: "true"; stacked?: "true" }>;
      "scatter-chart": ChartElement<XyChartAttributes>;
    }
  }
}

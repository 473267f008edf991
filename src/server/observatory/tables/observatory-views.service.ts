import {
  categoryLabel,
  OBSERVATORY_MEASURE_LABELS,
  ObservatoryMapQuery,
  type ObservatoryMapView,
  ObservatorySeriesQuery,
  type ObservatorySeriesView,
  type ObservatoryTable,
  VICTIM_STATUS_BASIS_LABELS,
} from "@shared/observatory.ts";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../policy/actor.ts";
import { getObservatoryTable } from "./observatory-tables.service.ts";

function provenance(table: ObservatoryTable) {
  return {
    note: table.note,
    countingRule: table.countingRule,
    isSynthetic: table.isSynthetic,
    syntheticLabel: table.syntheticLabel,
    dataVersion: table.dataVersion,
    generatedAt: table.generatedAt,
  };
}

/** Yearly series, one line per category of `by` (or the national total), read from one protected table. */
export async function getObservatorySeries(
  ctx: AppContext,
  actor: Actor,
  input: unknown,
): Promise<ObservatorySeriesView> {
  const query = ObservatorySeriesQuery.parse(input);
  const table = await getObservatoryTable(ctx, actor, {
    dimensions: query.by ? ["year", query.by] : ["year"],
    from: query.from,
    to: query.to,
    basis: query.basis,
    measure: query.measure,
  });
  const years = table.dimensions[0]?.categories ?? [];
  const lines = query.by
    ? (table.dimensions[1]?.categories ?? []).map((category) => ({ code: category.code, label: category.label }))
    : [{ code: "total", label: "Total" }];
  return {
    query,
    measureLabel: OBSERVATORY_MEASURE_LABELS[query.measure],
    basisLabel: VICTIM_STATUS_BASIS_LABELS[query.basis],
    series: lines.map((line) => ({
      ...line,
      points: years.map((year) => {
        const cell = table.cells.find(
          (candidate) =>
            candidate.categories[0] === year.code && (query.by ? candidate.categories[1] === line.code : true),
        );
        return {
          year: Number(year.code),
          count: cell?.count ?? null,
          value: cell?.value ?? null,
          display: cell?.display ?? "n.d.",
          status: cell?.status ?? "withheld",
        };
      }),
    })),
    ...provenance(table),
  };
}

/** One value per département or folded group over the period, for the choropleth map. */
export async function getObservatoryMap(ctx: AppContext, actor: Actor, input: unknown): Promise<ObservatoryMapView> {
  const query = ObservatoryMapQuery.parse(input);
  const table = await getObservatoryTable(ctx, actor, {
    dimensions: ["department"],
    from: query.from,
    to: query.to,
    basis: query.basis,
    measure: query.measure,
  });
  const units = table.dimensions[0]?.categories ?? [];
  return {
    query,
    measureLabel: OBSERVATORY_MEASURE_LABELS[query.measure],
    basisLabel: VICTIM_STATUS_BASIS_LABELS[query.basis],
    areas: units.map((unit) => {
      const cell = table.cells.find((candidate) => candidate.categories[0] === unit.code);
      const departments = unit.departments ?? [unit.code];
      return {
        code: unit.code,
        label: unit.label ?? categoryLabel("department", unit.code),
        kind: unit.departments && unit.departments.length > 1 ? groupKind(unit.code) : "department",
        departments,
        count: cell?.count ?? null,
        value: cell?.value ?? null,
        display: cell?.display ?? "n.d.",
        status: cell?.status ?? "withheld",
      };
    }),
    ...provenance(table),
  };
}

function groupKind(code: string): "region_group" | "overseas_group" {
  return code.startsWith("R") ? "region_group" : "overseas_group";
}

import {
  SATURATION_INDICATOR_LABELS,
  type SaturationIndicator,
  type SaturationPoint,
  SaturationQuery,
  type SaturationView,
} from "@shared/observatory.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../../policy/actor.ts";
import { can } from "../../policy/policy.ts";
import { type IndicatorRow, listIndicators } from "../reference/indicators.queries.ts";
import { getObservatoryTable } from "../tables/observatory-tables.service.ts";
import { correlate } from "./correlation.ts";

/** An indicator over a group of départements: counts add up, rates are averaged with the minors as weights. */
function indicatorOf(indicator: SaturationIndicator, rows: readonly IndicatorRow[]): number | null {
  if (rows.length === 0) return null;
  const pick = (row: IndicatorRow): number | null => {
    switch (indicator) {
      case "children_in_ase_care":
        return row.childrenInAseCare;
      case "unexecuted_placement_decisions":
        return row.unexecutedPlacementDecisions;
      case "ase_rate_per_1000_under_21":
        return row.aseRatePer1000Under21 === null ? null : Number(row.aseRatePer1000Under21);
      case "occupancy_rate":
        return row.occupancyRate === null ? null : Number(row.occupancyRate);
    }
  };
  const values = rows.map(pick);
  if (values.some((value) => value === null)) return null;
  if (indicator === "children_in_ase_care" || indicator === "unexecuted_placement_decisions") {
    return values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  }
  const weights = rows.map((row) => row.populationUnder18 ?? 0);
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight === 0) return null;
  return values.reduce<number>((sum, value, i) => sum + (value ?? 0) * (weights[i] ?? 0), 0) / totalWeight;
}

/**
 * Exposure (persons counted per 10,000 minors, from the protected département table of the year) against a
 * child-protection saturation indicator, with Pearson and Spearman correlations. National view only: a single
 * département has nothing to correlate.
 */
export async function getSaturation(ctx: AppContext, actor: Actor, input: unknown): Promise<SaturationView> {
  // A single département has nothing to correlate: national view only.
  if (!can(actor, "observatory.read", { kind: "observatory_scope", departmentCode: null })) {
    throw new AppError("forbidden", 403);
  }
  const query = SaturationQuery.parse(input);
  const table = await getObservatoryTable(ctx, actor, {
    dimensions: ["department"],
    from: query.year,
    to: query.year,
    basis: query.basis,
    measure: "rate_per_10000_minors",
  });
  const indicators = await listIndicators(ctx.db, query.year, query.year);
  const byDepartment = new Map(indicators.map((row) => [row.departmentCode, row]));
  const points: SaturationPoint[] = [];
  const excluded: SaturationView["excluded"] = [];
  for (const unit of table.dimensions[0]?.categories ?? []) {
    const cell = table.cells.find((candidate) => candidate.categories[0] === unit.code);
    const departments = unit.departments ?? [unit.code];
    const rows = departments.flatMap((code) => byDepartment.get(code) ?? []);
    const saturation = rows.length === departments.length ? indicatorOf(query.indicator, rows) : null;
    if (cell?.value === null || cell?.value === undefined) {
      excluded.push({ code: unit.code, label: unit.label, reason: "Effectif masqué (secret statistique)." });
    } else if (saturation === null) {
      excluded.push({ code: unit.code, label: unit.label, reason: "Indicateur départemental manquant." });
    } else {
      points.push({ code: unit.code, label: unit.label, departments, exposure: cell.value, saturation });
    }
  }
  const x = points.map((point) => point.saturation);
  const y = points.map((point) => point.exposure);
  return {
    query,
    indicatorLabel: SATURATION_INDICATOR_LABELS[query.indicator],
    exposureLabel: "Personnes comptées pour 10 000 mineurs",
    points,
    excluded,
    pearson: correlate("pearson", x, y),
    spearman: correlate("spearman", x, y),
    note:
      `${table.note} Les territoires dont l'effectif est masqué sont exclus, ce qui écarte surtout les plus petits : ` +
      "les corrélations portent sur les territoires publiés seulement. Une corrélation entre territoires ne dit rien " +
      "des situations individuelles et ne prouve pas que la saturation de la protection de l'enfance expose " +
      "davantage les jeunes.",
    isSynthetic: table.isSynthetic,
    syntheticLabel: table.syntheticLabel,
    dataVersion: table.dataVersion,
  };
}

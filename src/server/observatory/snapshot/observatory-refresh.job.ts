import { OPEN_DATA_TABLES } from "@shared/observatory.ts";
import type { AppContext } from "../../context.ts";
import { openDataQuery } from "../open-data/open-data.service.ts";
import { loadProtectedTable } from "../tables/observatory-tables.service.ts";
import { refreshObservatorySnapshot } from "./observatory-snapshot.ts";

/** The national year × département × form table of the last five complete years: the dashboard's heaviest. */
export function nationalTableQuery(now: Date) {
  const to = now.getUTCFullYear() - 1;
  return {
    dimensions: ["year", "department", "exploitation_family"] as const,
    from: to - 4,
    to,
    basis: "presumed" as const,
    measure: "count" as const,
    filters: {},
  };
}

/**
 * Takes a new snapshot when the data moved, then computes the published tables and the national table on it, so
 * that the first dashboard load after a refresh reads them from the cache instead of waiting for the protection.
 */
export async function refreshObservatory(ctx: AppContext): Promise<{ isNew: boolean }> {
  const { snapshot, isNew } = await refreshObservatorySnapshot(ctx);
  if (!isNew) return { isNew };
  const now = ctx.now();
  for (const id of OPEN_DATA_TABLES) await loadProtectedTable(ctx, openDataQuery(id, now), snapshot);
  const national = nationalTableQuery(now);
  await loadProtectedTable(ctx, { ...national, dimensions: [...national.dimensions] }, snapshot);
  return { isNew };
}

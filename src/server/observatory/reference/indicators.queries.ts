import { and, between, count, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { departmentIndicators } from "../../db/schema.ts";

export type IndicatorRow = typeof departmentIndicators.$inferSelect;
export type NewIndicatorRow = typeof departmentIndicators.$inferInsert;

export async function listIndicators(db: Executor, from: number, to: number): Promise<IndicatorRow[]> {
  return db
    .select()
    .from(departmentIndicators)
    .where(between(departmentIndicators.year, from, to));
}

export async function countIndicators(db: Executor): Promise<number> {
  const [row] = await db.select({ count: count() }).from(departmentIndicators);
  return Number(row?.count ?? 0);
}

/** Replaces the rows of the imported (département, year) pairs; other years stay. */
export async function upsertIndicators(db: Executor, rows: readonly NewIndicatorRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insert(departmentIndicators)
      .values(rows.slice(start, start + 500))
      .onConflictDoUpdate({
        target: [departmentIndicators.departmentCode, departmentIndicators.year],
        set: {
          populationUnder18: sql`excluded.population_under_18`,
          childrenInAseCare: sql`excluded.children_in_ase_care`,
          aseRatePer1000Under21: sql`excluded.ase_rate_per_1000_under_21`,
          unexecutedPlacementDecisions: sql`excluded.unexecuted_placement_decisions`,
          occupancyRate: sql`excluded.occupancy_rate`,
          importedAt: sql`excluded.imported_at`,
          importedByUserId: sql`excluded.imported_by_user_id`,
        },
      });
  }
}

export async function hasIndicatorsFor(db: Executor, from: number, to: number): Promise<boolean> {
  const [row] = await db
    .select({ count: count() })
    .from(departmentIndicators)
    .where(and(between(departmentIndicators.year, from, to)));
  return Number(row?.count ?? 0) > 0;
}

import { sql } from "drizzle-orm";
import type { Executor } from "./connection.ts";

/**
 * Refreshes the query planner's statistics. After a bulk load the planner still believes the tables are nearly
 * empty and picks nested loops over sequential scans (a case list went from 11 ms to 540 ms at 100,000 cases).
 * PostgreSQL's autovacuum catches up only later, and PGlite has no autovacuum at all.
 */
export async function refreshPlannerStatistics(db: Executor): Promise<void> {
  await db.execute(sql`analyze`);
}

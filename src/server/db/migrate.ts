import { readFileSync } from "node:fs";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { fromProjectRoot } from "../project-root.ts";
import type { Database } from "./connection.ts";

export const MIGRATIONS_FOLDER = fromProjectRoot("migrations");

// Any constant works; it only has to be the same for every Repère process on this database.
const MIGRATION_LOCK_KEY = 7_221_042_001;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several app servers starting together apply each
 * migration once. Drizzle runs the pending files in one transaction and records them in drizzle.__drizzle_migrations.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error("PostgreSQL database without a pool");
  const lockClient = await pool.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    lockClient.release();
  }
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8")) as { entries: unknown[] };
  return journal.entries.length;
}

/** True when every migration shipped with this code has been applied (the health check reports it). */
export async function migrationsAreCurrent(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
  return Number(rows[0]?.n ?? 0) === expectedMigrationCount();
}

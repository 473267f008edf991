import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database, Db, Executor } from "./connection.ts";
import { copyRows } from "./copy-rows.ts";
import { insertJsonRows } from "./insert-json-rows.ts";
import * as schema from "./schema.ts";

/** Writes a batch of rows to a table within the bulk transaction. */
export type WriteRows = <T extends PgTable>(table: T, rows: readonly T["$inferInsert"][]) => Promise<void>;

/**
 * One transaction for a bulk load, with the fastest way in each database has: COPY on PostgreSQL, on the very
 * connection the transaction holds (so the rows commit or roll back with the rest of it), and one JSON statement per
 * table on PGlite. Ordinary queries go through `tx` as usual.
 */
export async function inBulkTransaction<R>(
  database: Database,
  work: (tx: Executor, write: WriteRows) => Promise<R>,
): Promise<R> {
  const pool = database.pool;
  if (!pool) return database.db.transaction((tx) => work(tx, (table, rows) => insertJsonRows(tx, table, rows)));
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // A drizzle instance over this one client: its transaction and the COPY streams share the connection.
    const db = drizzleNodePg({ client, schema }) as unknown as Db;
    return await db.transaction((tx) => work(tx, (table, rows) => copyRows(client, table, rows)));
  } catch (error) {
    // A COPY that failed half-way can leave the protocol out of step: the connection is not given back for reuse.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

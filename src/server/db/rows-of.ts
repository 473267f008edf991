import type { SQL } from "drizzle-orm";
import type { Executor } from "./connection.ts";

/** The rows of a raw SQL query: node-postgres and PGlite both answer `db.execute` with `{ rows }`. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

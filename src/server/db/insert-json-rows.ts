import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./connection.ts";

/**
 * Inserts many rows in one statement whatever the column count: the batch travels as a single JSON parameter that
 * PostgreSQL unpacks with jsonb_populate_recordset, where a VALUES list would hit the 65,535-parameter limit at a few
 * thousand rows. Parsed once as jsonb, nested values (screening results, timeline details) go to their jsonb columns
 * without being read again as text, which measured 5-25 % faster than json on those tables. Keys are the drizzle
 * property names; every row must carry the same keys.
 */
export async function insertJsonRows<T extends PgTable>(db: Executor, table: T, rows: readonly T["$inferInsert"][]) {
  const [first] = rows;
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`unknown column ${key}`);
    return column.name;
  });
  const json = JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        record[names[i] as string] = (row as Record<string, unknown>)[key] ?? null;
      });
      return record;
    }),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await db.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${json}::jsonb)`,
  );
}

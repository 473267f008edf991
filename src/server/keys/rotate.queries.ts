import { and, asc, count, eq, getTableColumns, isNotNull, notLike, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../db/connection.ts";
import type { SealedColumn } from "./sealed-columns.ts";

/** A sealed value and the primary key of its row, as text. */
export interface StaleSealedValue {
  key: string[];
  value: string;
}

/** Sealed values carry their key id second ("v1.<keyId>.…"): those that do not start with the current one. */
function sealedUnderOtherKey(entry: SealedColumn, currentKeyId: string): SQL | undefined {
  return and(isNotNull(entry.column), notLike(entry.column, `v1.${currentKeyId}.%`));
}

const asText = (column: PgColumn) => sql<string>`${column}::text`;

/** The next values of a column not sealed under the current key, in primary key order after `after` (keyset). */
export async function listStaleSealedValues(
  db: Executor,
  entry: SealedColumn,
  currentKeyId: string,
  after: readonly string[] | null,
  limit: number,
): Promise<StaleSealedValue[]> {
  const keyList = sql.join(entry.key.map(asText), sql`, `);
  // A row comparison, so a two-column key (case_actions, review members) pages as one.
  const afterKey = after
    ? sql`(${sql.join([...entry.key], sql`, `)}) > (${sql.join(
        after.map((part) => sql`${part}`),
        sql`, `,
      )})`
    : undefined;
  const rows = await db
    .select({ key: sql<string[]>`array[${keyList}]`, value: sql<string>`${entry.column}` })
    .from(entry.table)
    .where(and(sealedUnderOtherKey(entry, currentKeyId), afterKey))
    .orderBy(...entry.key.map((c) => asc(c)))
    .limit(limit);
  return rows;
}

/** How many values of a column are not sealed under the current key. */
export async function countStaleSealedValues(db: Executor, entry: SealedColumn, currentKeyId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(entry.table).where(sealedUnderOtherKey(entry, currentKeyId));
  return row?.n ?? 0;
}

/**
 * Replaces one sealed value, only if it still holds `previous`: a user who edited the field meanwhile keeps the edit
 * (it was sealed by a server, under whichever key that server held). Returns whether the row was updated.
 */
export async function replaceSealedValue(
  db: Executor,
  entry: SealedColumn,
  value: StaleSealedValue,
  resealed: string,
): Promise<boolean> {
  const property = Object.entries(getTableColumns(entry.table)).find(([, column]) => column === entry.column)?.[0];
  if (!property) throw new Error(`column ${entry.column.name} is not in its table`);
  const rows = await db
    .update(entry.table)
    .set({ [property]: resealed })
    .where(and(eq(entry.column, value.value), ...entry.key.map((column, i) => eq(column, value.key[i]))))
    .returning({ value: sql`1` });
  return rows.length === 1;
}

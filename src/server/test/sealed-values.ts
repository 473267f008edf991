import { isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { SEALED_COLUMNS, type SealedColumn } from "../keys/sealed-columns.ts";

export interface StoredSealedValue {
  entry: SealedColumn;
  /** The row's primary key, as text. */
  key: string[];
  value: string;
  aad: string;
}

/** Ground truth for key rotation tests: every sealed value in the database, read with plain queries. */
export async function listSealedValues(db: Executor): Promise<StoredSealedValue[]> {
  const all: StoredSealedValue[] = [];
  for (const entry of SEALED_COLUMNS) {
    const rows = await db
      .select({
        key: sql<string[]>`array[${sql.join(
          entry.key.map((c) => sql`${c}::text`),
          sql`, `,
        )}]`,
        value: sql<string>`${entry.column}`,
      })
      .from(entry.table)
      .where(isNotNull(entry.column));
    all.push(...rows.map((row) => ({ entry, ...row, aad: entry.aad(row.key) })));
  }
  // In a stable order: an UPDATE moves rows in PostgreSQL's heap, and tests compare lists taken before and after.
  return all.sort((a, b) => (a.aad < b.aad ? -1 : a.aad > b.aad ? 1 : 0));
}

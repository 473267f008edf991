import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema.ts";

/** One type for both drivers, so every query serves PGlite and PostgreSQL alike. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** A query function that accepts the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL outside drizzle (advisory locks, COPY in benchmarks, tests). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The pg pool on PostgreSQL (pg-boss and COPY use it); undefined on PGlite. */
  pool?: pg.Pool;
  pglite?: PGlite;
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // No dataDir: in memory (tests). Never load pgcrypto here: see STACK.md.
  const client = dataDir ? await PGlite.create({ dataDir }) : await PGlite.create();
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // bigint ids (audit, identities) fit in a JS number for centuries of writes; parse them as numbers.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: "repere" });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it. Errors on queries still reach the caller.
  });
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  await pool.query("select 1");
  return {
    db,
    kind: "postgres",
    pool,
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params as unknown[])).rows as T[],
    close: () => pool.end(),
  };
}

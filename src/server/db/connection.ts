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

/**
 * PGlite runs each query synchronously on this thread, and hands its lock from one waiting query to the next through
 * promises: under load the queries of every pending request ran back to back in one turn of the event loop. Node
 * accepts one new connection per turn (libuv 1.46), so at 50 clients connecting at once the last ones waited seconds
 * in the kernel's accept queue, and the bench's list load timed some out at 10 s. Here queries outside a transaction
 * take their turn in order, one per turn of the loop, so sockets, timers and new connections get in between. Queries
 * inside a transaction go through the transaction's own object and stay back to back, as they must.
 */
function oneQueryPerLoopTurn(client: PGlite) {
  const query = client.query.bind(client);
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((...args: Parameters<typeof query>) => {
    const mine = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => query(...args));
    previous = mine.catch(() => undefined);
    return mine;
  }) as typeof client.query;
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // No dataDir: in memory (tests). Never load pgcrypto here: see STACK.md.
  const client = dataDir ? await PGlite.create({ dataDir }) : await PGlite.create();
  oneQueryPerLoopTurn(client);
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

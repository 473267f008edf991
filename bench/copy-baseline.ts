import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Database } from "../src/server/db/connection.ts";
import { resetCaseData } from "../src/server/seed/seed-bulk.queries.ts";

/** The tables the seed writes, parents first: the order COPY loads them back in. */
const CASE_TABLES = [
  "case_counters",
  "cases",
  "case_identities",
  "case_blind_index",
  "case_victim_statuses",
  "case_timeline_entries",
  "case_shares",
  "screenings",
  "pathway_tracks",
  "pathway_transitions",
  "pathway_deadlines",
  "pathway_measures",
  "pathway_plans",
  "pathway_plan_reviews",
];

export interface CopyResult {
  rows: number;
  ms: number;
}

function psql(url: string, args: string[]) {
  const result = spawnSync("psql", [url, "-v", "ON_ERROR_STOP=1", "-q", ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * PostgreSQL's own bulk path on the same rows: what the seed wrote is exported to CSV, the case tables emptied, and
 * the rows loaded back with COPY FROM STDIN (psql's \copy) into the same tables, indexes, constraints and foreign
 * keys, in one transaction. Only the load is timed.
 */
export async function copyBaselinePostgres(url: string, database: Database, workDir: string): Promise<CopyResult> {
  const file = (table: string) => join(workDir, `${table}.csv`);
  for (const table of CASE_TABLES) psql(url, ["-c", `\\copy ${table} to '${file(table)}' with (format csv)`]);
  await resetCaseData(database.db);
  const started = performance.now();
  psql(url, ["-1", ...CASE_TABLES.flatMap((t) => ["-c", `\\copy ${t} from '${file(t)}' with (format csv)`])]);
  const ms = performance.now() - started;
  const rows = await countRows(database);
  return { rows, ms };
}

async function countRows(database: Database): Promise<number> {
  let rows = 0;
  // The counters are a few hundred rows the seed also writes, but not as inserts: they are left out of both sides.
  for (const table of CASE_TABLES.slice(1)) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    rows += Number(row?.n ?? 0);
  }
  return rows;
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openContext } from "../src/server/bootstrap.ts";
import { readConfig } from "../src/server/config.ts";
import type { AppContext } from "../src/server/context.ts";
import { refreshPlannerStatistics } from "../src/server/db/analyze.ts";
import { type SeedSummary, seedCases } from "../src/server/seed/seed-cases.ts";
import { createBenchUser } from "./bench-user.ts";
import { initialJsGzipBytes } from "./bundle-size.ts";
import { type CopyResult, copyBaselinePostgres } from "./copy-baseline.ts";
import { ownCpuSeconds, processCpuSeconds } from "./cpu-time.ts";
import { formatLatency } from "./latency.ts";
import { captureListSql, runApiLoad, runRawLoad, type Statement, signIn } from "./list-load.ts";
import { alternate, postgresListSides, type SideResult, withCpu } from "./list-rounds.ts";
import { benchObservatory } from "./observatory.ts";
import { type BenchRow, printAndSave } from "./report.ts";
import { startServerProcess } from "./server-process.ts";

/**
 * `npm run bench`: measures Repère against the bare work it does, in the same run, and prints a Markdown table
 * (BENCHMARKS.md explains each line). Never part of `npm test`. Sizes and durations come from the environment so
 * that a quick run is possible; the defaults are the issue's.
 */
const CASES_PGLITE = Number(process.env.BENCH_CASES_PGLITE ?? 100_000);
const CASES_PG = Number(process.env.BENCH_CASES_PG ?? 1_000_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// The list's API and raw SQL loads alternate this many times each (BENCHMARKS.md: noisy machines).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// "pglite" or "postgres" runs one database's lines only, to rerun one side without the other's hour.
const ONLY = process.env.BENCH_ONLY;
// The server's own pool size (db/connection.ts): the raw run gets no more connections than the app has.
const SERVER_POOL_SIZE = 10;
const SEED = { seed: "bench", years: [2016, 2025] as const, now: new Date("2025-12-31T00:00:00Z") };

const rows: BenchRow[] = [];
const work = mkdtempSync(join(tmpdir(), "repere-bench-"));
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const thousands = (n: number) => n.toLocaleString("en-US");

async function seedTimed(
  ctx: AppContext,
  cases: number,
): Promise<{ summary: SeedSummary; rowsPerSecond: number; heapPeakMiB: number }> {
  let lastLog = 0;
  // Flat memory: the JS heap sampled after each batch stays bounded whatever the size (PGlite's own memory, in the
  // same process, is left out).
  let heapPeak = 0;
  const started = performance.now();
  const summary = await seedCases(
    ctx,
    { ...SEED, cases, actorName: "bench" },
    {
      onBatch: (p) => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          log(`seeded ${thousands(p.stored)} / ${thousands(p.target)}`);
        }
      },
    },
  );
  // `repere seed` refreshes the planner's statistics when done: part of the import's cost.
  await refreshPlannerStatistics(ctx.db);
  const durationMs = performance.now() - started;
  const written = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
  return {
    summary: { ...summary, durationMs },
    rowsPerSecond: written / (durationMs / 1000),
    heapPeakMiB: Math.round(heapPeak / 2 ** 20),
  };
}

function importRows(
  database: BenchRow["database"],
  cases: number,
  seed: { rowsPerSecond: number; summary: SeedSummary; heapPeakMiB: number },
  copy: CopyResult | null,
) {
  const copyRate = copy ? copy.rows / (copy.ms / 1000) : null;
  const ratio = copyRate ? seed.rowsPerSecond / copyRate : undefined;
  rows.push({
    name: `Bulk import: repere seed, ${thousands(cases)} cases (rows/s, all case tables)`,
    database,
    value: `${thousands(Math.round(seed.rowsPerSecond))} rows/s (${thousands(Math.round(seed.summary.inserted / (seed.summary.durationMs / 1000)))} cases/s, ${(seed.summary.durationMs / 1000).toFixed(0)} s; JS heap peak ${seed.heapPeakMiB} MiB)`,
    baseline:
      copy && copyRate
        ? `COPY of the same ${thousands(copy.rows)} rows: ${thousands(Math.round(copyRate))} rows/s`
        : "no COPY baseline on PGlite",
    ratio,
    target: "≥ 0.50 of COPY",
    met: ratio === undefined ? null : ratio >= 0.5,
  });
}

function listRows(database: BenchRow["database"], cases: number, api: SideResult, raw: SideResult, limit: number) {
  const ratio = api.p95 / raw.p95;
  const failed = api.failed > 0 ? `; ${api.failed} requests timed out (10 s)` : "";
  const cpu = (side: SideResult, app: string) =>
    database === "postgres"
      ? `; CPU per request: ${app} ${side.appCpuMs.toFixed(2)} ms, PostgreSQL ${side.databaseCpuMs.toFixed(2)} ms`
      : `; CPU per request: ${app} ${side.appCpuMs.toFixed(2)} ms (PGlite in it)`;
  rows.push({
    name: `Case list/search API, ${CONNECTIONS} clients, ${thousands(cases)} cases (signed in), ${ROUNDS} alternating rounds`,
    database,
    value: `${formatLatency(api)}${failed}${cpu(api, "server")}`,
    baseline: `same SQL through the driver: ${formatLatency(raw)}${cpu(raw, "driver")}`,
    ratio,
    target: `p95 ≤ ${limit}× raw SQL`,
    met: ratio <= limit && api.failed === 0,
  });
}

async function benchPglite() {
  const env = {
    REPERE_DATA_DIR: join(work, "data"),
    REPERE_KEYS_DIR: join(work, "keys"),
    DATABASE_URL: "",
    REPERE_DEMO: "0",
  };
  const config = { ...readConfig({ ...process.env, ...env }), logLevel: "warn" };
  log(`PGlite: seeding ${thousands(CASES_PGLITE)} cases`);
  const ctx = await openContext(config, { createKeys: true });
  const seed = await seedTimed(ctx, CASES_PGLITE);
  // No COPY baseline here: PGlite 0.5's COPY FROM '/dev/blob' aborted the process (V8 "invalid size") on these
  // tables during this bench, so the seed's rate is reported alone.
  importRows("pglite", CASES_PGLITE, seed, null);
  const user = await createBenchUser(ctx);
  log("PGlite: observatory");
  rows.push(...(await benchObservatory(ctx, "pglite")));
  await ctx.database.close();

  // PGlite lets one process hold a data folder: each API round starts the server, each raw round opens the folder in
  // the bench process once the server is gone.
  let coldStartMs: number | undefined;
  let peakRss = 0;
  let statements: Statement[][] | undefined;
  const { api, raw } = await alternate(
    ROUNDS,
    {
      name: "PGlite API",
      run: async () => {
        const server = await startServerProcess(env);
        coldStartMs ??= server.startMs;
        const headers = await signIn(server.url, user.email, user.password);
        const pid = server.child.pid ?? 0;
        const sample = await withCpu(
          () => ({ app: processCpuSeconds(pid), database: 0 }),
          () => runApiLoad(server.url, headers, { connections: CONNECTIONS, durationS: DURATION_S }),
        );
        peakRss = Math.max(peakRss, server.peakRssMiB());
        await server.stop();
        return sample;
      },
    },
    {
      name: "PGlite raw SQL",
      run: async () => {
        const again = await openContext(config, { createKeys: false });
        statements ??= await captureListSql(again, user.actor);
        const pglite = again.database.pglite;
        if (!pglite) throw new Error("not PGlite");
        const captured = statements;
        const sample = await withCpu(
          () => ({ app: ownCpuSeconds(), database: 0 }),
          () =>
            runRawLoad((s) => pglite.query(s.text, s.params), captured, {
              concurrency: CONNECTIONS,
              durationS: DURATION_S,
            }),
        );
        await again.database.close();
        return sample;
      },
    },
    log,
  );
  rows.push({
    name: `Cold start to first 200 on /api/health (existing data folder, ${thousands(CASES_PGLITE)} cases)`,
    database: "pglite",
    value: `${((coldStartMs ?? 0) / 1000).toFixed(2)} s`,
    target: "< 3 s",
    met: (coldStartMs ?? Number.POSITIVE_INFINITY) < 3000,
  });
  rows.push({
    name: "Server peak RSS (start + list load)",
    database: "pglite",
    value: `${peakRss} MiB`,
    target: "report",
    met: null,
  });
  listRows("pglite", CASES_PGLITE, api, raw, 2);
}

async function benchPostgres(serverUrl: string) {
  // A database of its own on that server, dropped at the end: the bench never writes into the one DATABASE_URL names.
  const name = `repere_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  admin.on("error", () => undefined);
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), REPERE_KEYS_DIR: join(work, "keys-pg"), REPERE_DEMO: "0" };
  try {
    const config = { ...readConfig({ ...process.env, ...env }), logLevel: "warn" };
    log(`PostgreSQL: seeding ${thousands(CASES_PG)} cases`);
    const ctx = await openContext(config, { createKeys: true });
    const seed = await seedTimed(ctx, CASES_PG);
    log("PostgreSQL: COPY baseline");
    importRows("postgres", CASES_PG, seed, await copyBaselinePostgres(env.DATABASE_URL, ctx.database, work));
    await ctx.database.query("vacuum analyze");
    const user = await createBenchUser(ctx);
    log("PostgreSQL: observatory");
    rows.push(...(await benchObservatory(ctx, "postgres")));

    // Cold start as `npm start` runs it, jobs included; the load then goes to a server that only answers HTTP, as
    // servers behind a load balancer run (REPERE_JOBS=0), so a job's tick never falls inside the list's rounds.
    const coldStart = await startServerProcess(env);
    await coldStart.stop();
    rows.push({
      name: `Cold start to first 200 on /api/health (${thousands(CASES_PG)} cases)`,
      database: "postgres",
      value: `${(coldStart.startMs / 1000).toFixed(2)} s`,
      target: "< 3 s",
      met: coldStart.startMs < 3000,
    });
    const server = await startServerProcess({ ...env, REPERE_JOBS: "0" });
    const headers = await signIn(server.url, user.email, user.password);
    const statements = await captureListSql(ctx, user.actor);
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: SERVER_POOL_SIZE });
    // Dropping the bench database ends idle connections: that is expected, not a failure.
    pool.on("error", () => undefined);
    const [apiSide, rawSide] = postgresListSides({
      serverUrl: server.url,
      serverPid: server.child.pid ?? 0,
      headers,
      pool,
      statements,
      connections: CONNECTIONS,
      durationS: DURATION_S,
    });
    const { api, raw } = await alternate(ROUNDS, apiSide, rawSide, log);
    const rss = server.peakRssMiB();
    await server.stop();
    await pool.end();
    await ctx.database.close();
    rows.push({
      name: "Server peak RSS (start + list load)",
      database: "postgres",
      value: `${rss} MiB`,
      target: "report",
      met: null,
    });
    listRows("postgres", CASES_PG, api, raw, 1.3);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

try {
  const dist = fileURLToPath(new URL("../dist/web", import.meta.url));
  const bundle = initialJsGzipBytes(dist);
  rows.push({
    name: "Initial JS (gzip)",
    database: "-",
    value: `${(bundle.bytes / 1024).toFixed(0)} KB`,
    target: "≤ 300 KB",
    met: bundle.bytes <= 300 * 1024,
  });
  if (ONLY !== "postgres") await benchPglite();
  if (process.env.DATABASE_URL && ONLY !== "pglite") await benchPostgres(process.env.DATABASE_URL);
} finally {
  rmSync(work, { recursive: true, force: true });
}

printAndSave(rows, new URL("./results.json", import.meta.url), {
  casesPglite: ONLY === "postgres" ? null : CASES_PGLITE,
  casesPostgres: process.env.DATABASE_URL && ONLY !== "pglite" ? CASES_PG : null,
  durationS: DURATION_S,
  connections: CONNECTIONS,
});

import pg from "pg";
import { openContext } from "../src/server/bootstrap.ts";
import { readConfig } from "../src/server/config.ts";
import { refreshPlannerStatistics } from "../src/server/db/analyze.ts";
import { seedCases } from "../src/server/seed/seed-cases.ts";
import { createBenchUser } from "./bench-user.ts";
import { formatLatency } from "./latency.ts";
import { captureListSql, signIn } from "./list-load.ts";
import { alternate, postgresListSides } from "./list-rounds.ts";
import { startServerProcess } from "./server-process.ts";

/**
 * Local tool, not part of `npm run bench`: the PostgreSQL list load alone on a database seeded once and kept, so a
 * change to the list path can be measured in a minute. PROFILE_DB names the database (created and seeded with
 * PROFILE_CASES cases when it has none); SERVER_NODE_ARGS reaches the server's node (e.g. --cpu-prof). The API and
 * the raw SQL alternate BENCH_ROUNDS times, as in `npm run bench`.
 */
const SERVER = process.env.PROFILE_SERVER ?? "postgres://postgres@127.0.0.1:5432";
const NAME = process.env.PROFILE_DB ?? "repere_profile";
const CASES = Number(process.env.PROFILE_CASES ?? 100_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 50;
const POOL = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEYS = process.env.PROFILE_KEYS ?? "/tmp/repere-profile-keys";

const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
await admin.connect();
const exists = await admin.query("select 1 from pg_database where datname = $1", [NAME]);
if (exists.rowCount === 0) await admin.query(`create database ${NAME}`);
await admin.end();
const url = `${SERVER}/${NAME}`;
const env = { DATABASE_URL: url, REPERE_KEYS_DIR: KEYS, REPERE_DEMO: "0" };
const ctx = await openContext({ ...readConfig({ ...process.env, ...env }), logLevel: "warn" }, { createKeys: true });
const [{ n }] = (await ctx.database.query<{ n: number }>("select count(*)::int as n from cases")) as [{ n: number }];
if (n === 0) {
  process.stderr.write(`seeding ${CASES} cases\n`);
  await seedCases(ctx, { seed: "bench", years: [2016, 2025], now: new Date("2025-12-31T00:00:00Z"), cases: CASES });
  await refreshPlannerStatistics(ctx.db);
  await ctx.database.query("vacuum analyze");
}
const user = await createBenchUser(ctx);
const nodeArgs = process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
// The jobs stay out of the measured server, as on servers behind a load balancer (REPERE_JOBS=0): see `npm run bench`.
const server = await startServerProcess({ ...env, REPERE_JOBS: "0" }, nodeArgs);
const headers = await signIn(server.url, user.email, user.password);
const statements = await captureListSql(ctx, user.actor);
const pool = new pg.Pool({ connectionString: url, max: POOL });
const [apiSide, rawSide] = postgresListSides({
  serverUrl: server.url,
  serverPid: server.child.pid ?? 0,
  headers,
  pool,
  statements,
  connections: CONNECTIONS,
  durationS: DURATION_S,
});
const { api, raw } = await alternate(ROUNDS, apiSide, rawSide, (message) => process.stderr.write(`${message}\n`));
await server.stop();
await pool.end();
await ctx.database.close();
const cpu = (side: typeof api) =>
  `CPU per request: app ${side.appCpuMs.toFixed(2)} ms, postgres ${side.databaseCpuMs.toFixed(2)} ms`;
console.log(`api ${formatLatency(api)}; ${cpu(api)}`);
console.log(`raw ${formatLatency(raw)}; ${cpu(raw)}`);
console.log(`p95 ratio ${(api.p95 / raw.p95).toFixed(2)}`);

import { CaseListQuery } from "@shared/cases.ts";
import autocannon from "autocannon";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { listCases } from "../src/server/cases/cases.service.ts";
import type { AppContext } from "../src/server/context.ts";
import type { Db } from "../src/server/db/connection.ts";
import * as schema from "../src/server/db/schema.ts";
import type { UserActor } from "../src/server/policy/actor.ts";

/** The list and search requests the load cycles through: a first page, filters, and a search by name. */
export const LIST_VARIANTS: { query: Record<string, string> }[] = [
  { query: {} },
  { query: { status: "open", exploitationFamily: "sexual" } },
  { query: { victimStatus: "presumed", sort: "created" } },
  { query: { gender: "male", status: "closed", limit: "50" } },
];

const pathOf = (query: Record<string, string>) => `/api/cases?${new URLSearchParams(query).toString()}`;

/** Signs in through the real login API, as a browser would: CSRF token first, then the password. */
export async function signIn(url: string, email: string, password: string): Promise<Record<string, string>> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const token = ((await csrf.json()) as { token: string }).token;
  const csrfCookie =
    csrf.headers
      .getSetCookie()
      .find((c) => c.startsWith("repere_csrf="))
      ?.split(";")[0] ?? "";
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: csrfCookie, "x-csrf-token": token },
    body: JSON.stringify({ email, password }),
  });
  const body = (await login.json()) as { stage?: string };
  if (login.status !== 200 || body.stage !== "active")
    throw new Error(`login failed: ${login.status} ${JSON.stringify(body)}`);
  const session =
    login.headers
      .getSetCookie()
      .find((c) => c.startsWith("repere_session="))
      ?.split(";")[0] ?? "";
  return { cookie: `${session}; ${csrfCookie}`, "x-csrf-token": token };
}

/** One load phase: every request's latency, how long it ran, and the requests that timed out. */
export interface LoadSample {
  latencies: number[];
  durationMs: number;
  failed: number;
}

export async function runApiLoad(
  url: string,
  headers: Record<string, string>,
  options: { connections: number; durationS: number },
): Promise<LoadSample> {
  // Every response must be a real page of cases: a 401 or 500 would make the figures meaningless.
  const check = await fetch(`${url}${pathOf(LIST_VARIANTS[1]?.query ?? {})}`, { headers });
  const page = (await check.json()) as { items?: unknown[] };
  if (check.status !== 200 || !page.items?.length)
    throw new Error(`list answered ${check.status}, ${page.items?.length} items`);
  const latencies: number[] = [];
  const requests = LIST_VARIANTS.map((v) => ({ method: "GET", path: pathOf(v.query) }));
  let clients = 0;
  const started = performance.now();
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    headers,
    requests,
    // Connection i starts at variant i, as the raw side's caller i does: left to itself autocannon starts every
    // connection at the first variant, and the 50 then move in step, all sending the slow variants at once.
    setupClient: (client) => {
      const offset = clients++ % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)].map((request) => ({ ...request })));
    },
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  // A non-2xx answer means the figures measure something else: stop. Timeouts (autocannon's 10 s) are the server
  // falling behind: counted and reported as a miss, not hidden and not fatal.
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers`);
  return { latencies, durationMs: performance.now() - started, failed: result.errors };
}

export interface Statement {
  /** Set when the app runs it as a named prepared statement (PostgreSQL): the raw side prepares it the same way. */
  name?: string;
  text: string;
  params: unknown[];
}

/**
 * The SQL the list endpoint runs for each variant, captured from the service itself, so the raw run executes exactly
 * the same statements the same way: on PostgreSQL through a client that records what drizzle hands the driver (name
 * included: the list's statements are prepared once per shape and named), on PGlite through drizzle's logger.
 */
export async function captureListSql(ctx: AppContext, actor: UserActor): Promise<Statement[][]> {
  let captured: Statement[] = [];
  let db: Db;
  if (ctx.database.kind === "pglite") {
    const logger: Logger = { logQuery: (text, params) => captured.push({ text, params }) };
    db = drizzlePglite({ client: ctx.database.pglite as never, schema, logger }) as unknown as Db;
  } else {
    const pool = ctx.database.pool;
    if (!pool) throw new Error("no pool");
    const recording = {
      query: (config: { name?: string; text: string }, params: unknown[]) => {
        captured.push({ name: config.name, text: config.text, params });
        return pool.query(config as never, params);
      },
    };
    db = drizzleNodePg({ client: recording as never, schema }) as unknown as Db;
  }
  const logged: AppContext = { ...ctx, db };
  const statements: Statement[][] = [];
  for (const variant of LIST_VARIANTS) {
    captured = [];
    await listCases(logged, actor, CaseListQuery.parse(variant.query));
    statements.push(captured);
  }
  return statements;
}

/** The same statements through the bare driver, by `concurrency` callers, each request one variant in turn. */
export async function runRawLoad(
  query: (statement: Statement) => Promise<unknown>,
  statements: Statement[][],
  options: { concurrency: number; durationS: number },
): Promise<LoadSample> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const request = statements[i % statements.length] ?? [];
      const t = performance.now();
      for (const s of request) await query(s);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  return { latencies, durationMs: performance.now() - started, failed: 0 };
}

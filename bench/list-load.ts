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
import { type LatencySummary, summariseLatencies } from "./latency.ts";

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

export async function runApiLoad(
  url: string,
  headers: Record<string, string>,
  options: { connections: number; durationS: number },
): Promise<LatencySummary & { failed: number }> {
  // Every response must be a real page of cases: a 401 or 500 would make the figures meaningless.
  const check = await fetch(`${url}${pathOf(LIST_VARIANTS[1]?.query ?? {})}`, { headers });
  const page = (await check.json()) as { items?: unknown[] };
  if (check.status !== 200 || !page.items?.length)
    throw new Error(`list answered ${check.status}, ${page.items?.length} items`);
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    headers,
    requests: LIST_VARIANTS.map((v) => ({ method: "GET", path: pathOf(v.query) })),
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  // A non-2xx answer means the figures measure something else: stop. Timeouts (autocannon's 10 s) are the server
  // falling behind: counted and reported as a miss, not hidden and not fatal.
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers`);
  return { ...summariseLatencies(latencies, options.durationS * 1000), failed: result.errors };
}

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * The SQL the list endpoint runs for each variant (the scoped list, then the access facts), captured from the
 * service itself through drizzle's logger, so the raw run executes exactly the same statements.
 */
export async function captureListSql(ctx: AppContext, actor: UserActor): Promise<Statement[][]> {
  let captured: Statement[] = [];
  const logger: Logger = { logQuery: (text, params) => captured.push({ text, params }) };
  const db = (ctx.database.kind === "pglite"
    ? drizzlePglite({ client: ctx.database.pglite as never, schema, logger })
    : drizzleNodePg({ client: ctx.database.pool as never, schema, logger })) as unknown as Db;
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
  query: (text: string, params: unknown[]) => Promise<unknown>,
  statements: Statement[][],
  options: { concurrency: number; durationS: number },
): Promise<LatencySummary> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  const worker = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const request = statements[i % statements.length] ?? [];
      const t = performance.now();
      for (const s of request) await query(s.text, s.params);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  return summariseLatencies(latencies, performance.now() - started);
}

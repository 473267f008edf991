import { randomUUID } from "node:crypto";
import type { Role } from "@shared/roles.ts";
import { afterAll, beforeAll } from "vitest";
import { type App, buildApp } from "../app.ts";
import { hashSessionToken, newSessionToken } from "../auth/session-token.ts";
import { readConfig } from "../config.ts";
import type { AppContext } from "../context.ts";
import { sessions } from "../db/schema.ts";
import { generateKeyRing } from "../keys/key-ring.ts";
import { createLogger } from "../logger.ts";
import { type Factories, factories, type TestUser } from "./factories.ts";
import { openTestDatabase } from "./test-database.ts";

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  /** The bytes as sent, for binary answers (PDF, ODS). */
  raw: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests read loosely typed JSON bodies and assert on them.
  json<T = any>(): T;
}

export interface Api {
  get(url: string): Promise<TestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  patch(url: string, body?: unknown): Promise<TestResponse>;
  delete(url: string): Promise<TestResponse>;
  /** The same calls with a signed-in session of this user (created directly, skipping the password step). */
  as(user: TestUser): Api;
  /** The same calls carrying this raw cookie header (for sessions obtained through the real login). */
  withCookies(cookies: Record<string, string>): Api;
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  api: Api;
  make: Factories;
  /** Lets a test move the clock: expiries and deadlines are computed from ctx.now(). */
  setNow(date: Date | null): void;
}

let shared: Promise<TestApp> | undefined;
let teardown: (() => Promise<void>) | undefined;

// Booting the database belongs to the file's setup (hook timeout), not to whichever test happens to run first.
beforeAll(async () => {
  await testApp();
});
// Registered here, at the top level: a hook registered from inside beforeAll is never run, and on PostgreSQL each
// test file would leave its database behind.
afterAll(async () => {
  await teardown?.();
});

/** One app and one database per test file (booting PGlite costs seconds); tests create their own rows. */
export function testApp(): Promise<TestApp> {
  shared ??= createTestApp();
  return shared;
}

async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  let frozen: Date | null = null;
  const ctx: AppContext = {
    config: { ...readConfig({}), databaseUrl: undefined, seedDemo: false, loginRateLimitPerMinute: 10_000 },
    database,
    db: database.db,
    keys: generateKeyRing(),
    log: createLogger(process.env.TEST_LOG_LEVEL ?? "silent"),
    now: () => frozen ?? new Date(),
  };
  const app = await buildApp(ctx);
  await app.ready();
  teardown = async () => {
    await app.close();
    await database.dispose();
  };
  const make = factories(ctx);
  const api = createApi(app, ctx, {});
  return { app, ctx, api, make, setNow: (date) => (frozen = date) };
}

function createApi(app: App, ctx: AppContext, cookies: Record<string, string>): Api {
  let csrf: { token: string; cookie: string } | undefined;
  const csrfToken = async () => {
    if (!csrf) {
      const res = await app.inject({ method: "GET", url: "/api/auth/csrf" });
      const setCookie = [res.headers["set-cookie"]].flat().find((c) => String(c).startsWith("repere_csrf="));
      csrf = { token: res.json().token, cookie: String(setCookie).split(";")[0] ?? "" };
    }
    return csrf;
  };
  const cookieHeader = (extra?: string) =>
    [...Object.entries(cookies).map(([k, v]) => `${k}=${v}`), extra].filter(Boolean).join("; ");
  const send = async (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const stateChanging = method !== "GET";
    const token = stateChanging ? await csrfToken() : undefined;
    const res = await app.inject({
      method,
      url,
      headers: {
        cookie: cookieHeader(token?.cookie),
        ...(token ? { "x-csrf-token": token.token } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    return {
      status: res.statusCode,
      headers: res.headers,
      body: res.body,
      raw: res.rawPayload,
      json: () => res.json(),
    };
  };
  return {
    get: (url) => send("GET", url),
    post: (url, body, headers) => send("POST", url, body, headers),
    patch: (url, body) => send("PATCH", url, body),
    delete: (url) => send("DELETE", url),
    as: (user) => {
      const token = newSessionToken();
      const now = ctx.now();
      // A drizzle query runs each time it is awaited: turn it into one promise so the session is inserted once.
      const ready = ctx.db
        .insert(sessions)
        .values({
          idHash: hashSessionToken(token),
          userId: user.id,
          stage: "active",
          createdAt: now,
          lastSeenAt: now,
          absoluteExpiresAt: new Date(now.getTime() + 12 * 3_600_000),
        })
        .then(() => undefined);
      const inner = createApi(app, ctx, { ...cookies, repere_session: token });
      const wait =
        <A extends unknown[]>(fn: (...args: A) => Promise<TestResponse>) =>
        async (...args: A) => {
          await ready;
          return fn(...args);
        };
      return {
        ...inner,
        get: wait(inner.get),
        post: wait(inner.post),
        patch: wait(inner.patch),
        delete: wait(inner.delete),
      };
    },
    withCookies: (more) => createApi(app, ctx, { ...cookies, ...more }),
  };
}

/** Reads the session cookie a response set. */
export function sessionCookieFrom(res: TestResponse): string | undefined {
  const cookie = [res.headers["set-cookie"]].flat().find((c) => String(c).startsWith("repere_session="));
  return cookie ? String(cookie).split(";")[0]?.split("=")[1] : undefined;
}

export const uniqueEmail = (prefix = "agent") => `${prefix}-${randomUUID().slice(0, 8)}@test.repere.local`;

export type { Role };

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFrom, testApp } from "../test/test-app.ts";
import { AUTH_CHANGED_CHANNEL, listenForAuthChanges } from "./auth-change-listener.ts";
import { SessionCache } from "./session-cache.ts";
import { hashSessionToken } from "./session-token.ts";

// The routes with the session cache a serving process has, and the database's change notices wired to it. A long
// time to live, so that only the notices and the service's own clears can end what the cache holds.
let cache: SessionCache;
let stopListening: () => Promise<void>;
const heard = new Set<string>();
beforeAll(async () => {
  const { ctx } = await testApp();
  cache = new SessionCache(60_000);
  const database = ctx.database as typeof ctx.database & { url?: string };
  const listener = await listenForAuthChanges(ctx.database, cache, database.url, ctx.log, {
    onNotice: (payload) => heard.add(payload),
  });
  stopListening = listener.stop;
  ctx.sessionCache = cache;
});
afterAll(async () => {
  await stopListening();
});

async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  return condition();
}

/**
 * Waits until every change notice sent so far has reached the cache: notices arrive in commit order, so once a
 * notice of our own has arrived, the earlier ones (a sign-in updates its user) have too. Returns how many times the
 * cache was cleared meanwhile, our notice's clear included.
 */
async function settle() {
  const { ctx } = await testApp();
  const before = cache.generation;
  const sentinel = randomUUID();
  await ctx.database.query("select pg_notify($1, $2)", [AUTH_CHANGED_CHANNEL, sentinel]);
  expect(await until(() => heard.has(sentinel))).toBe(true);
  return cache.generation - before;
}

async function signedIn() {
  const { api, make } = await testApp();
  const user = await make.user();
  const res = await api.post("/api/auth/login", { email: user.email, password: user.password });
  const token = sessionCookieFrom(res) ?? "";
  await settle();
  return { user, token, client: api.withCookies({ repere_session: token }) };
}

describe("session cache in the request path", () => {
  it("serves a signed-in session from memory after the first request", async () => {
    const { ctx } = await testApp();
    const { token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    expect(cache.get(hashSessionToken(token))).toBeDefined();
    expect((await client.get("/api/session")).status).toBe(200);
    expect(ctx.sessionCache).toBe(cache);
  });

  it("refuses a session at once after logout on this server", async () => {
    const { token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect(cache.get(hashSessionToken(token))).toBeUndefined();
    expect((await client.get("/api/session")).status).toBe(401);
  });

  it("forgets held sessions when another process revokes one in the database", async () => {
    const { ctx } = await testApp();
    const { token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    const idHash = hashSessionToken(token);
    expect(cache.get(idHash)).toBeDefined();
    // As another app server or an operator would: straight into the database, not through this process's services.
    await ctx.database.query("update sessions set revoked_at = now() where id_hash = $1", [idHash]);
    expect(await until(() => cache.get(idHash) === undefined)).toBe(true);
    expect((await client.get("/api/session")).status).toBe(401);
  });

  it("forgets held sessions when a user is deactivated elsewhere", async () => {
    const { ctx } = await testApp();
    const { user, token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    await ctx.database.query("update users set is_active = false where id = $1", [user.id]);
    expect(await until(() => cache.get(hashSessionToken(token)) === undefined)).toBe(true);
    expect((await client.get("/api/session")).status).toBe(401);
  });

  it("keeps held sessions when only a session's last activity is written", async () => {
    const { ctx } = await testApp();
    const { token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    const idHash = hashSessionToken(token);
    expect(cache.get(idHash)).toBeDefined();
    await ctx.database.query("update sessions set last_seen_at = now() where id_hash = $1", [idHash]);
    // Only the sentinel's notice arrived: the write sent none.
    expect(await settle()).toBe(1);
  });

  it("reads the database again before ending a held session for idleness", async () => {
    const { ctx, setNow } = await testApp();
    const { token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    const idHash = hashSessionToken(token);
    // Another server saw the user a minute ago in the future this test moves to: the held row is older.
    const later = new Date(Date.now() + 31 * 60_000);
    await ctx.database.query("update sessions set last_seen_at = $2 where id_hash = $1", [
      idHash,
      new Date(later.getTime() - 60_000),
    ]);
    setNow(later);
    try {
      expect((await client.get("/api/session")).status).toBe(200);
    } finally {
      setNow(null);
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)("auth change listener on PostgreSQL", () => {
  it("turns the cache off while its connection is lost, and back on once it listens again", async () => {
    const { ctx } = await testApp();
    const { token, client } = await signedIn();
    expect((await client.get("/api/session")).status).toBe(200);
    const idHash = hashSessionToken(token);
    expect(cache.get(idHash)).toBeDefined();
    await ctx.database.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'repere-auth-listener' and datname = current_database()",
    );
    expect(await until(() => cache.get(idHash) === undefined)).toBe(true);
    // Back after the reconnect delay: a request stores its session again.
    let held = false;
    for (let i = 0; i < 50 && !held; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await client.get("/api/session");
      held = cache.get(idHash) !== undefined;
    }
    expect(held).toBe(true);
  });
});

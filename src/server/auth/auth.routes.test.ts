import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "../db/schema.ts";
import { sessionCookieFrom, testApp } from "../test/test-app.ts";
import { hashSessionToken } from "./session-token.ts";
import { currentTotp } from "./totp.ts";

async function loginAs(email: string, password: string) {
  const { api } = await testApp();
  const res = await api.post("/api/auth/login", { email, password });
  return { res, token: sessionCookieFrom(res) };
}

describe("POST /api/auth/login", () => {
  it("refuses a request without the CSRF token", async () => {
    const { app } = await testApp();
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "a@b.fr", password: "x" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "csrf_invalid", status: 403 });
  });

  it("answers 400 with field errors in French for malformed input", async () => {
    const { api } = await testApp();
    const res = await api.post("/api/auth/login", { email: "pas-une-adresse", password: "", extra: 1 });
    expect(res.status).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe("invalid_input");
    expect(problem.title).toBe("Certaines informations sont invalides.");
    expect(problem.errors.length).toBeGreaterThan(0);
  });

  it("answers 400 invalid_json for a broken body, never a 500", async () => {
    const { api } = await testApp();
    const res = await api.post("/api/auth/login", "{not json", { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.json().code).toBe("invalid_json");
  });

  it("answers 413 for an oversized body", async () => {
    const { api } = await testApp();
    const res = await api.post("/api/auth/login", { email: "a@b.fr", password: "x".repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.json().code).toBe("payload_too_large");
  });

  it("gives the same answer for an unknown address and a wrong password", async () => {
    const { make } = await testApp();
    const user = await make.user();
    const unknown = await loginAs("personne@test.repere.local", "nimporte-quoi-123");
    const wrong = await loginAs(user.email, "mauvais-mot-de-passe");
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.json().title).toBe(wrong.res.json().title);
    expect(unknown.token).toBeUndefined();
  });

  it("signs a user in with a session stored hashed, and audits it", async () => {
    const { ctx, make } = await testApp();
    const user = await make.user({ roles: ["educator"] });
    const { res, token } = await loginAs(user.email, user.password);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ stage: "active" });
    const setCookie = String([res.headers["set-cookie"]].flat().find((c) => String(c).startsWith("repere_session")));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    const [row] = await ctx.db
      .select()
      .from(sessions)
      .where(eq(sessions.idHash, hashSessionToken(token ?? "")));
    expect(row?.userId).toBe(user.id);
    const audit = await ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, "auth.login")));
    expect(audit).toHaveLength(1);
  });

  it("locks an address after 5 failures, whether or not an account has it, with the same message", async () => {
    const { make } = await testApp();
    const user = await make.user();
    for (const email of [user.email, "fantome@test.repere.local"]) {
      for (let i = 0; i < 5; i++) expect((await loginAs(email, "mauvais-mot-de-passe")).res.status).toBe(401);
      const locked = await loginAs(email, email === user.email ? user.password : "peu-importe-123");
      expect(locked.res.status).toBe(429);
      expect(locked.res.json().code).toBe("account_locked");
    }
  });

  it("refuses a deactivated account like a wrong password", async () => {
    const { make } = await testApp();
    const user = await make.user({ isActive: false });
    const { res } = await loginAs(user.email, user.password);
    expect(res.status).toBe(401);
    expect(res.json().code).toBe("invalid_credentials");
  });
});

describe("second factor", () => {
  it("asks an administrator for a TOTP code, and lets nothing else through until it is given", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"] });
    const { res, token } = await loginAs(admin.email, admin.password);
    expect(res.json()).toEqual({ stage: "totp_required" });
    const pending = api.withCookies({ repere_session: token ?? "" });
    const blocked = await pending.get("/api/admin/users");
    expect(blocked.status).toBe(403);
    expect(blocked.json().code).toBe("totp_required");
    expect((await pending.post("/api/auth/totp", { code: "000000" })).status).toBe(401);

    const ok = await pending.post("/api/auth/totp", { code: await currentTotp(admin.totpSecret ?? "") });
    expect(ok.json()).toEqual({ stage: "active" });
    const fresh = sessionCookieFrom(ok);
    expect(fresh).not.toBe(token);
    // The token from before the second factor is worth nothing now.
    expect((await api.withCookies({ repere_session: token ?? "" }).get("/api/session")).status).toBe(401);
    expect((await api.withCookies({ repere_session: fresh ?? "" }).get("/api/admin/users")).status).toBe(200);
  });

  it("makes a privileged role without TOTP enrol before anything else, then gives recovery codes that work once", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"], withTotp: false });
    const { res, token } = await loginAs(analyst.email, analyst.password);
    expect(res.json()).toEqual({ stage: "totp_enrollment_required" });
    const pending = api.withCookies({ repere_session: token ?? "" });
    const setup = await pending.post("/api/auth/totp/setup");
    expect(setup.status).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain("otpauth://totp/");
    const enabled = await pending.post("/api/auth/totp/enable", { code: await currentTotp(secret) });
    expect(enabled.status).toBe(200);
    const { stage, recoveryCodes } = enabled.json();
    expect(stage).toBe("active");
    expect(recoveryCodes).toHaveLength(10);

    const second = await loginAs(analyst.email, analyst.password);
    const next = api.withCookies({ repere_session: second.token ?? "" });
    expect((await next.post("/api/auth/totp", { recoveryCode: recoveryCodes[0] })).status).toBe(200);
    const third = await loginAs(analyst.email, analyst.password);
    const reuse = await api
      .withCookies({ repere_session: third.token ?? "" })
      .post("/api/auth/totp", { recoveryCode: recoveryCodes[0] });
    expect(reuse.status).toBe(401);
  });

  it("lets an educator enable TOTP optionally, and refuses an administrator turning it off", async () => {
    const { api, make } = await testApp();
    const educator = await make.user({ roles: ["educator"] });
    const setup = await api.as(educator).post("/api/auth/totp/setup");
    expect(setup.status).toBe(200);
    const admin = await make.user({ roles: ["admin"] });
    const res = await api.as(admin).post("/api/auth/totp/disable", { code: await currentTotp(admin.totpSecret ?? "") });
    expect(res.status).toBe(403);
    expect(res.json().code).toBe("totp_mandatory");
  });
});

describe("sessions", () => {
  it("expires a session idle for more than 30 minutes", async () => {
    const { api, make, setNow } = await testApp();
    const user = await make.user();
    const { token } = await loginAs(user.email, user.password);
    const client = api.withCookies({ repere_session: token ?? "" });
    expect((await client.get("/api/session")).status).toBe(200);
    setNow(new Date(Date.now() + 31 * 60_000));
    try {
      const res = await client.get("/api/session");
      expect(res.status).toBe(401);
      expect(res.json().code).toBe("session_expired");
    } finally {
      setNow(null);
    }
  });

  it("expires a session 12 hours after sign-in even when active", async () => {
    const { api, make, setNow } = await testApp();
    const user = await make.user();
    const { token } = await loginAs(user.email, user.password);
    const client = api.withCookies({ repere_session: token ?? "" });
    try {
      // Active every 20 minutes, so idle expiry never applies.
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        setNow(new Date(Date.now() + minutes * 60_000));
        expect((await client.get("/api/session")).status).toBe(200);
      }
      setNow(new Date(Date.now() + 12 * 3_600_000 + 60_000));
      expect((await client.get("/api/session")).status).toBe(401);
    } finally {
      setNow(null);
    }
  });

  it("logs out one session, then everywhere", async () => {
    const { api, make } = await testApp();
    const user = await make.user();
    const a = api.withCookies({ repere_session: (await loginAs(user.email, user.password)).token ?? "" });
    const b = api.withCookies({ repere_session: (await loginAs(user.email, user.password)).token ?? "" });
    const c = api.withCookies({ repere_session: (await loginAs(user.email, user.password)).token ?? "" });
    expect((await a.post("/api/auth/logout")).status).toBe(204);
    expect((await a.get("/api/session")).status).toBe(401);
    expect((await b.get("/api/session")).status).toBe(200);
    const everywhere = await b.post("/api/auth/logout-everywhere");
    expect(everywhere.json()).toEqual({ revokedSessions: 2 });
    expect((await b.get("/api/session")).status).toBe(401);
    expect((await c.get("/api/session")).status).toBe(401);
  });

  it("answers 401 problem+json without a session", async () => {
    const { api } = await testApp();
    const res = await api.get("/api/session");
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().code).toBe("unauthenticated");
  });
});

describe("POST /api/auth/password", () => {
  it("forces a password change after an administrator's reset, then lets the user in", async () => {
    const { api, make } = await testApp();
    const user = await make.user({ mustChangePassword: true });
    const { res, token } = await loginAs(user.email, user.password);
    expect(res.json()).toEqual({ stage: "password_change_required" });
    const pending = api.withCookies({ repere_session: token ?? "" });
    expect((await pending.get("/api/session")).json().stage).toBe("password_change_required");
    const weak = await pending.post("/api/auth/password", { currentPassword: user.password, newPassword: "court" });
    expect(weak.status).toBe(400);
    expect(weak.json().errors[0].path).toBe("newPassword");
    const wrong = await pending.post("/api/auth/password", {
      currentPassword: "pas-le-bon-mdp",
      newPassword: "un-nouveau-mot-de-passe",
    });
    expect(wrong.json().code).toBe("wrong_password");
    const changed = await pending.post("/api/auth/password", {
      currentPassword: user.password,
      newPassword: "un-nouveau-mot-de-passe",
    });
    expect(changed.json()).toEqual({ stage: "active" });
    expect((await loginAs(user.email, "un-nouveau-mot-de-passe")).res.status).toBe(200);
  });

  it("revokes the user's other sessions", async () => {
    const { ctx, api, make } = await testApp();
    const user = await make.user();
    const other = api.withCookies({ repere_session: (await loginAs(user.email, user.password)).token ?? "" });
    const res = await api
      .as(user)
      .post("/api/auth/password", { currentPassword: user.password, newPassword: "encore-un-autre-mdp" });
    expect(res.status).toBe(200);
    expect((await other.get("/api/session")).status).toBe(401);
    const [row] = await ctx.db
      .select({ mustChange: users.mustChangePassword })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.mustChange).toBe(false);
  });
});

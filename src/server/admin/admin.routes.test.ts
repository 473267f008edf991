import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, sessions, users } from "../db/schema.ts";
import { sessionCookieFrom, testApp, uniqueEmail } from "../test/test-app.ts";

describe("admin: organisations", () => {
  it("lists only the organisations of the administrator's département", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const mine = await make.organisation({ departmentCode: "13" });
    const other = await make.organisation({ departmentCode: "69" });
    const ids = (await api.as(admin).get("/api/admin/organisations")).json().map((o: { id: string }) => o.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);
  });

  it("answers 404 when editing an organisation of another département", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const other = await make.organisation({ departmentCode: "69" });
    const res = await api.as(admin).patch(`/api/admin/organisations/${other.id}`, { name: "Nouveau nom", version: 1 });
    expect(res.status).toBe(404);
  });

  it("refuses creating an organisation outside the département, and a département missing", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const outside = await api
      .as(admin)
      .post("/api/admin/organisations", { name: "Foyer", type: "establishment", departmentCode: "69" });
    expect(outside.status).toBe(403);
    expect(outside.json().code).toBe("out_of_scope");
    const missing = await api
      .as(admin)
      .post("/api/admin/organisations", { name: "Foyer", type: "establishment", departmentCode: null });
    expect(missing.status).toBe(400);
    expect(missing.json().errors[0].path).toBe("departmentCode");
    const unknown = await api
      .as(admin)
      .post("/api/admin/organisations", { name: "Foyer", type: "establishment", departmentCode: "99" });
    expect(unknown.status).toBe(400);
  });

  it("creates, then refuses a stale edit with a conflict and keeps the first edit", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const created = await api
      .as(admin)
      .post("/api/admin/organisations", { name: "Foyer du Port", type: "establishment", departmentCode: "13" });
    expect(created.status).toBe(201);
    const { id, version } = created.json();
    expect(
      (await api.as(admin).patch(`/api/admin/organisations/${id}`, { name: "Foyer du Vieux-Port", version })).status,
    ).toBe(200);
    const stale = await api.as(admin).patch(`/api/admin/organisations/${id}`, { name: "Autre nom", version });
    expect(stale.status).toBe(409);
    expect(stale.json().title).toMatch(/modifiée entre-temps/);
    const list = (await api.as(admin).get("/api/admin/organisations?q=Vieux-Port")).json();
    expect(list.map((o: { name: string }) => o.name)).toEqual(["Foyer du Vieux-Port"]);
  });

  it("stores text with SQL or HTML in it as plain text", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const name = `Foyer'); drop table users; -- <script>alert(1)</script>`;
    const res = await api
      .as(admin)
      .post("/api/admin/organisations", { name, type: "establishment", departmentCode: "13" });
    expect(res.status).toBe(201);
    expect(res.json().name).toBe(name);
  });
});

describe("admin: users", () => {
  it("creates a user with a temporary password that must be changed, audited without personal data", async () => {
    const { api, ctx, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const foyer = await make.organisation({ type: "establishment", departmentCode: "13" });
    const email = uniqueEmail("educ");
    const res = await api
      .as(admin)
      .post("/api/admin/users", { organisationId: foyer.id, email, displayName: "Nadia B.", roles: ["educator"] });
    expect(res.status).toBe(201);
    const { user, temporaryPassword } = res.json();
    const login = await api.post("/api/auth/login", { email, password: temporaryPassword });
    expect(login.json()).toEqual({ stage: "password_change_required" });
    const [entry] = await ctx.db
      .select({ details: auditEvents.details, actorUserId: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "user.create"), eq(auditEvents.targetId, user.id)));
    expect(entry?.actorUserId).toBe(admin.id);
    expect(JSON.stringify(entry?.details)).not.toContain("Nadia");
    expect(JSON.stringify(entry?.details)).not.toContain(email);
  });

  it("refuses a role the organisation type cannot hold, and a taken address", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const foyer = await make.organisation({ type: "establishment", departmentCode: "13" });
    const wrongRole = await api.as(admin).post("/api/admin/users", {
      organisationId: foyer.id,
      email: uniqueEmail(),
      displayName: "Juge X",
      roles: ["juvenile_judge"],
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.json().code).toBe("role_not_allowed");
    const taken = await api.as(admin).post("/api/admin/users", {
      organisationId: foyer.id,
      email: admin.email,
      displayName: "Double",
      roles: ["educator"],
    });
    expect(taken.status).toBe(409);
    expect(taken.json().errors[0].path).toBe("email");
  });

  it("deactivates a user, which ends their sessions; an administrator cannot deactivate themself", async () => {
    const { api, ctx, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const educator = await make.user({ roles: ["educator"], departmentCode: "13" });
    const session = await api.post("/api/auth/login", { email: educator.email, password: educator.password });
    const educatorClient = api.withCookies({ repere_session: sessionCookieFrom(session) ?? "" });
    const res = await api.as(admin).patch(`/api/admin/users/${educator.id}`, { isActive: false, version: 1 });
    expect(res.status).toBe(200);
    expect((await educatorClient.get("/api/session")).status).toBe(401);
    const self = await api.as(admin).patch(`/api/admin/users/${admin.id}`, { isActive: false, version: 1 });
    expect(self.json().code).toBe("cannot_deactivate_self");
    const live = await ctx.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, educator.id)));
    expect(live.every((s) => s.revokedAt !== null)).toBe(true);
  });

  it("resets a password and a second factor", async () => {
    const { api, ctx, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const manager = await make.user({ roles: ["ase_manager"], departmentCode: "13", withTotp: true });
    const reset = await api.as(admin).post(`/api/admin/users/${manager.id}/reset-password`);
    const { temporaryPassword } = reset.json();
    expect((await api.post("/api/auth/login", { email: manager.email, password: manager.password })).status).toBe(401);
    expect(
      (await api.post("/api/auth/login", { email: manager.email, password: temporaryPassword })).json().stage,
    ).toBe("totp_required");
    const totp = await api.as(admin).post(`/api/admin/users/${manager.id}/reset-totp`);
    expect(totp.json().hasTotp).toBe(false);
    const [row] = await ctx.db.select({ secret: users.totpSecretEnc }).from(users).where(eq(users.id, manager.id));
    expect(row?.secret).toBeNull();
    expect(
      (await api.post("/api/auth/login", { email: manager.email, password: temporaryPassword })).json().stage,
    ).toBe("password_change_required");
  });

  it("answers 404 for a user of another département and 400 for a malformed id", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "13" });
    const elsewhere = await make.user({ roles: ["educator"], departmentCode: "69" });
    expect((await api.as(admin).get(`/api/admin/users/${elsewhere.id}`)).status).toBe(404);
    expect((await api.as(admin).get("/api/admin/users/pas-un-uuid")).status).toBe(400);
    const ids = (await api.as(admin).get("/api/admin/users")).json().map((u: { id: string }) => u.id);
    expect(ids).not.toContain(elsewhere.id);
  });
});

describe("admin: audit log", () => {
  it("shows a département administrator the events of their département, and audits the reading", async () => {
    const { api, ctx, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "31" });
    const local = await make.user({ roles: ["educator"], departmentCode: "31" });
    const remote = await make.user({ roles: ["educator"], departmentCode: "64" });
    await api.post("/api/auth/login", { email: local.email, password: local.password });
    await api.post("/api/auth/login", { email: remote.email, password: remote.password });
    const page = (await api.as(admin).get("/api/admin/audit?action=auth.login")).json();
    const actors = page.events.map((e: { actorUserId: string }) => e.actorUserId);
    expect(actors).toContain(local.id);
    expect(actors).not.toContain(remote.id);
    const reads = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "audit.read"), eq(auditEvents.actorUserId, admin.id)));
    expect(reads).toHaveLength(1);
    expect((await api.as(admin).get("/api/admin/audit?departmentCode=64")).status).toBe(403);
    expect((await api.as(admin).get("/api/admin/audit?from=pas-une-date")).status).toBe(400);
  });

  it("verifies the chain from the admin screen and offers the anchor to download", async () => {
    const { api, make } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "31" });
    const verify = await api.as(admin).post("/api/admin/audit/verify");
    expect(verify.json()).toMatchObject({ intact: true });
    const anchor = await api.as(admin).get("/api/admin/audit/anchor");
    expect(anchor.headers["content-disposition"]).toContain("attachment");
    const againstAnchor = await api.as(admin).post("/api/admin/audit/verify", { anchor: anchor.json() });
    expect(againstAnchor.json().intact).toBe(true);
  });
});

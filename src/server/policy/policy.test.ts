import { ACTIONS } from "@shared/actions.ts";
import { ROLES, type Role } from "@shared/roles.ts";
import { describe, expect, it } from "vitest";
import { buildApp, registeredRoutes } from "../app.ts";
import { isDeclaredPublic } from "../http/public-routes.ts";
import { testApp } from "../test/test-app.ts";
import type { UserActor } from "./actor.ts";
import { authorize, can, isKnownAction, mayAttempt } from "./policy.ts";

const ALL = ROLES;
const ADMIN: readonly Role[] = ["admin"];
const CASE_PROFESSIONALS = ALL.filter((r) => r !== "admin" && r !== "national_analyst");
const CASE_WORKERS: readonly Role[] = ["educator", "ase_referent", "ase_manager", "crip_officer", "association_worker"];
const ASE: readonly Role[] = ["ase_referent", "ase_manager"];
const OBSERVATORY: readonly Role[] = ["national_analyst", "ase_manager"];
const BRIEF_SCREENING = {
  gridVersion: "GRR-0.1",
  mode: "brief",
  ageAtScreening: 15,
  ageUncertain: false,
  screenedOn: "2026-01-01",
  answers: [],
  redFlags: [],
};

/**
 * Who may call each route. A route missing here fails the suite, so each new route comes with its decision.
 * `body` is a valid request for roles that pass, so that a grant is seen as a 2xx, not a 400.
 */
const MATRIX: { method: string; url: string; roles: readonly Role[]; body?: () => unknown }[] = [
  { method: "GET", url: "/api/session", roles: ALL },
  { method: "POST", url: "/api/auth/totp/setup", roles: ALL },
  { method: "POST", url: "/api/auth/totp/enable", roles: ALL, body: () => ({ code: "123456" }) },
  { method: "POST", url: "/api/auth/totp/disable", roles: ALL, body: () => ({ code: "123456" }) },
  {
    method: "POST",
    url: "/api/auth/password",
    roles: ALL,
    body: () => ({ currentPassword: "x", newPassword: "un-mot-de-passe-long" }),
  },
  { method: "POST", url: "/api/auth/logout", roles: ALL },
  { method: "POST", url: "/api/auth/logout-everywhere", roles: ALL },
  { method: "POST", url: "/api/auth/totp", roles: [], body: () => ({ code: "123456" }) },
  { method: "GET", url: "/api/admin/organisations", roles: ADMIN },
  {
    method: "POST",
    url: "/api/admin/organisations",
    roles: ADMIN,
    body: () => ({ name: "Foyer test", type: "establishment", departmentCode: "93" }),
  },
  { method: "PATCH", url: "/api/admin/organisations/:id", roles: ADMIN, body: () => ({ version: 1 }) },
  { method: "GET", url: "/api/admin/users", roles: ADMIN },
  { method: "GET", url: "/api/admin/users/:id", roles: ADMIN },
  {
    method: "POST",
    url: "/api/admin/users",
    roles: ADMIN,
    body: () => ({ organisationId: crypto.randomUUID(), email: "x@y.fr", displayName: "X Y", roles: ["educator"] }),
  },
  { method: "PATCH", url: "/api/admin/users/:id", roles: ADMIN, body: () => ({ version: 1 }) },
  { method: "POST", url: "/api/admin/users/:id/reset-password", roles: ADMIN },
  { method: "POST", url: "/api/admin/users/:id/reset-totp", roles: ADMIN },
  { method: "GET", url: "/api/admin/audit", roles: ADMIN },
  { method: "POST", url: "/api/admin/audit/verify", roles: ADMIN },
  { method: "GET", url: "/api/admin/audit/anchor", roles: ADMIN },
  { method: "POST", url: "/api/admin/audit/anchor", roles: ADMIN },
  {
    method: "POST",
    url: "/api/qualification",
    roles: ALL.filter((r) => r !== "admin" && r !== "national_analyst"),
    body: () => ({
      ageAtFacts: 16,
      ageUncertain: false,
      acts: ["recruit"],
      means: [],
      purposes: ["proxenetisme"],
      circumstances: [],
    }),
  },
  { method: "GET", url: "/api/cases", roles: CASE_PROFESSIONALS },
  {
    method: "POST",
    url: "/api/cases",
    roles: CASE_WORKERS,
    body: () => ({ identity: { surname: "Martin", birthDate: "2010-01-01" } }),
  },
  { method: "GET", url: "/api/cases/link-proposals", roles: CASE_WORKERS },
  { method: "POST", url: "/api/cases/link-proposals/:id/confirm", roles: CASE_WORKERS },
  { method: "POST", url: "/api/cases/link-proposals/:id/reject", roles: CASE_WORKERS },
  {
    method: "POST",
    url: "/api/cases/emergency-access",
    roles: ["educator", "ase_referent", "ase_manager", "crip_officer"],
    body: () => ({ caseNumber: "93-2026-999999", reason: "Mise à l'abri en urgence, le référent est injoignable." }),
  },
  { method: "GET", url: "/api/cases/emergency-accesses", roles: ["ase_manager"] },
  { method: "POST", url: "/api/cases/emergency-accesses/:id/review", roles: ["ase_manager"] },
  { method: "GET", url: "/api/cases/:id", roles: CASE_PROFESSIONALS },
  { method: "PATCH", url: "/api/cases/:id", roles: CASE_WORKERS, body: () => ({ version: 1, profile: {} }) },
  {
    method: "PATCH",
    url: "/api/cases/:id/identity",
    roles: CASE_WORKERS,
    body: () => ({ version: 1, identity: { surname: "Martin" } }),
  },
  { method: "POST", url: "/api/cases/:id/identity/reveal", roles: CASE_PROFESSIONALS },
  {
    method: "POST",
    url: "/api/cases/:id/close",
    roles: CASE_WORKERS,
    body: () => ({ version: 1, reason: "lost_contact" }),
  },
  { method: "POST", url: "/api/cases/:id/reopen", roles: CASE_WORKERS, body: () => ({ version: 1 }) },
  { method: "POST", url: "/api/cases/:id/assign", roles: ASE, body: () => ({ version: 1, userId: null }) },
  { method: "GET", url: "/api/cases/:id/assignees", roles: ASE },
  { method: "GET", url: "/api/directory/organisations", roles: CASE_WORKERS },
  { method: "GET", url: "/api/directory/organisations/:id/members", roles: CASE_WORKERS },
  {
    method: "POST",
    url: "/api/cases/:id/victim-statuses",
    roles: CASE_PROFESSIONALS,
    body: () => ({ status: "possible", decidedBy: "ase", decidedOn: "2025-01-01" }),
  },
  { method: "GET", url: "/api/cases/:id/timeline", roles: CASE_PROFESSIONALS },
  { method: "POST", url: "/api/cases/:id/notes", roles: CASE_PROFESSIONALS, body: () => ({ text: "note" }) },
  { method: "GET", url: "/api/cases/:id/shares", roles: CASE_WORKERS },
  {
    method: "POST",
    url: "/api/cases/:id/shares",
    roles: CASE_WORKERS,
    body: () => ({
      organisationId: crypto.randomUUID(),
      purpose: "joint_support",
      legalBasis: "consent",
      sections: ["profile"],
      expiresOn: "2099-01-01",
    }),
  },
  { method: "POST", url: "/api/cases/:id/shares/:shareId/revoke", roles: CASE_WORKERS },
  {
    method: "POST",
    url: "/api/cases/:id/transfer",
    roles: ASE,
    body: () => ({ version: 1, organisationId: crypto.randomUUID() }),
  },
  { method: "POST", url: "/api/cases/:id/subject-access-export", roles: ADMIN },
  // protection pathway
  { method: "GET", url: "/api/pathway/inbox", roles: CASE_PROFESSIONALS },
  { method: "POST", url: "/api/pathway/notifications/:id/read", roles: CASE_PROFESSIONALS },
  { method: "GET", url: "/api/pathway/cases/:id", roles: CASE_PROFESSIONALS },
  {
    method: "POST",
    url: "/api/pathway/cases/:id/tracks/:track/transitions",
    roles: CASE_PROFESSIONALS,
    body: () => ({ from: "not_started", to: "concern_identified" }),
  },
  { method: "POST", url: "/api/pathway/cases/:id/measures", roles: CASE_WORKERS, body: () => ({ kind: "lawyer" }) },
  { method: "PATCH", url: "/api/pathway/measures/:id", roles: CASE_WORKERS, body: () => ({ version: 1 }) },
  {
    method: "POST",
    url: "/api/pathway/cases/:id/plan",
    roles: CASE_WORKERS,
    body: () => ({ adoptedOn: "2025-01-01", goals: [{ label: "Scolarité" }] }),
  },
  {
    method: "POST",
    url: "/api/pathway/cases/:id/plan/reviews",
    roles: CASE_WORKERS,
    body: () => ({ version: 1, reviewedOn: "2025-01-01" }),
  },
  {
    method: "POST",
    url: "/api/pathway/cases/:id/reviews",
    roles: CASE_WORKERS,
    body: () => ({
      scheduledFor: "2025-01-01T10:00:00Z",
      chairUserId: crypto.randomUUID(),
      memberUserIds: [crypto.randomUUID()],
      quorum: 2,
    }),
  },
  { method: "GET", url: "/api/pathway/cases/:id/review-candidates", roles: CASE_WORKERS },
  { method: "GET", url: "/api/pathway/reviews/:id", roles: CASE_PROFESSIONALS },
  {
    method: "POST",
    url: "/api/pathway/reviews/:id/conflict",
    roles: CASE_PROFESSIONALS,
    body: () => ({ hasConflict: false }),
  },
  {
    method: "POST",
    url: "/api/pathway/reviews/:id/decision",
    roles: CASE_PROFESSIONALS,
    body: () => ({ outcome: "no_conclusion", presentUserIds: [crypto.randomUUID()], reasons: "x", minutes: "y" }),
  },
  {
    method: "POST",
    url: "/api/pathway/cases/:id/transfers",
    roles: ASE,
    body: () => ({ toOrganisationId: crypto.randomUUID(), summary: "Synthèse" }),
  },
  { method: "GET", url: "/api/pathway/transfers/:id", roles: CASE_PROFESSIONALS },
  { method: "POST", url: "/api/pathway/transfers/:id/accept", roles: ASE },
  { method: "POST", url: "/api/pathway/transfers/:id/decline", roles: ASE, body: () => ({ reason: "Pas de place" }) },
  { method: "POST", url: "/api/pathway/transfers/:id/withdraw", roles: ASE },
  { method: "GET", url: "/api/pathway/deadline-rules/:departmentCode", roles: ALL },
  { method: "POST", url: "/api/pathway/deadline-rules/:departmentCode", roles: ADMIN, body: () => ({}) },
  { method: "POST", url: "/api/cases/:id/screenings", roles: CASE_WORKERS, body: () => BRIEF_SCREENING },
  { method: "GET", url: "/api/cases/:id/screenings", roles: CASE_PROFESSIONALS },
  { method: "POST", url: "/api/pre-cases", roles: CASE_WORKERS, body: () => BRIEF_SCREENING },
  { method: "GET", url: "/api/pre-cases/:id", roles: CASE_WORKERS },
  {
    method: "POST",
    url: "/api/pre-cases/:id/attach",
    roles: CASE_WORKERS,
    body: () => ({ caseId: crypto.randomUUID() }),
  },
  {
    method: "POST",
    url: "/api/cases/:id/qualifications",
    roles: CASE_WORKERS,
    body: () => ({
      ageAtFacts: 15,
      ageUncertain: false,
      acts: ["recruit"],
      means: [],
      purposes: ["proxenetisme"],
      circumstances: [],
    }),
  },
  { method: "GET", url: "/api/cases/:id/actions", roles: CASE_PROFESSIONALS },
  {
    method: "PATCH",
    url: "/api/cases/:id/actions/:code",
    roles: CASE_WORKERS,
    body: () => ({ version: 1, update: { status: "done", doneOn: "2026-01-01" } }),
  },
  { method: "POST", url: "/api/cases/:id/signalement", roles: CASE_WORKERS, body: () => ({ factsSummary: "Faits." }) },
  // observatory: national analysts see the country, ASE managers their département's protected aggregates
  {
    method: "POST",
    url: "/api/observatory/tables",
    roles: OBSERVATORY,
    body: () => ({ dimensions: ["year"], from: 2024, to: 2025, basis: "presumed" }),
  },
  { method: "GET", url: "/api/observatory/tables", roles: OBSERVATORY },
  { method: "GET", url: "/api/observatory/tables/export", roles: OBSERVATORY },
  { method: "GET", url: "/api/observatory/series", roles: OBSERVATORY },
  { method: "GET", url: "/api/observatory/map", roles: OBSERVATORY },
  { method: "GET", url: "/api/observatory/saturation", roles: ["national_analyst"] },
  { method: "GET", url: "/api/observatory/annual-report", roles: ["national_analyst"] },
  {
    method: "POST",
    url: "/api/observatory/reference",
    roles: ["national_analyst"],
    body: () => JSON.stringify("department_code"),
  },
  {
    method: "POST",
    url: "/api/observatory/research-export",
    roles: ["national_analyst"],
    body: () => ({ from: 2024, to: 2025, purpose: "Étude des parcours de repérage" }),
  },
  { method: "GET", url: "/api/observatory/survey/campaigns", roles: ["national_analyst", "association_worker"] },
  {
    method: "POST",
    url: "/api/observatory/survey/campaigns",
    roles: ["national_analyst"],
    body: () => ({ year: 2090 + Math.floor(Math.random() * 10), opensOn: "2090-01-01", closesOn: "2090-03-01" }),
  },
  { method: "GET", url: "/api/observatory/survey/campaigns/:id", roles: ["national_analyst"] },
  {
    method: "PATCH",
    url: "/api/observatory/survey/campaigns/:id",
    roles: ["national_analyst"],
    body: () => ({ status: "closed" }),
  },
  {
    method: "POST",
    url: "/api/observatory/survey/campaigns/:id/responses/:organisationId/review",
    roles: ["national_analyst"],
    body: () => ({ decision: "validate" }),
  },
  { method: "GET", url: "/api/observatory/survey/campaigns/:id/consolidation", roles: ["national_analyst"] },
  { method: "POST", url: "/api/observatory/survey/campaigns/:id/response", roles: ["association_worker"] },
  { method: "POST", url: "/api/observatory/survey/campaigns/:id/response/csv", roles: ["association_worker"] },
];

describe("route policies", () => {
  it("gives every API route a policy decision, and only declared routes are public", async () => {
    const { app } = await testApp();
    const routes = registeredRoutes(app);
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const decided = route.policy === "public" || route.policy === "session" || isKnownAction(route.policy);
      expect(decided, `${route.method} ${route.url}`).toBe(true);
      if (route.policy === "public") expect(isDeclaredPublic(route.url), `${route.url} is public`).toBe(true);
    }
  });

  it("refuses to start with a route that names no policy", async () => {
    const { ctx } = await testApp();
    const app = await buildApp(ctx);
    expect(() => app.get("/api/forgotten", async () => ({ secret: true }))).toThrow(/no policy decision/);
    await app.close();
  });

  it("has a matrix line for every protected route", async () => {
    const { app } = await testApp();
    const protectedRoutes = registeredRoutes(app).filter((r) => r.policy !== "public");
    const missing = protectedRoutes.filter((r) => !MATRIX.some((m) => m.method === r.method && m.url === r.url));
    expect(missing).toEqual([]);
  });

  it("grants and denies each route to each role as the matrix says", { timeout: 180_000 }, async () => {
    const { api, make } = await testApp();
    const target = await make.user({ roles: ["educator"], departmentCode: "93" });
    const organisation = await make.organisation({ type: "establishment", departmentCode: "93" });
    const failures: string[] = [];
    for (const role of ROLES) {
      const user = await make.user({ roles: [role], departmentCode: role === "national_analyst" ? null : "93" });
      for (const line of MATRIX) {
        const url = line.url
          .replace(":id", line.url.includes("organisations") ? organisation.id : target.id)
          .replace(":code", "prosecutor_report");
        const client = api.as(user);
        const body = line.body?.();
        const res =
          line.method === "GET"
            ? await client.get(url)
            : line.method === "PATCH"
              ? await client.patch(url, body ?? {})
              : await client.post(url, body);
        const granted = line.roles.includes(role);
        const refused = res.status === 401 || res.status === 403;
        // A granted call may still fail on its own terms (a wrong code, a stale version); it must not be refused.
        const refusedByPolicy = refused && ["forbidden", "unauthenticated", "totp_required"].includes(res.json().code);
        if (granted === refusedByPolicy)
          failures.push(`${role} ${line.method} ${line.url} -> ${res.status} ${res.body.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers anonymous callers of every protected GET route with 401 problem+json", async () => {
    const { app, api } = await testApp();
    for (const route of registeredRoutes(app).filter((r) => r.policy !== "public" && r.method === "GET")) {
      const res = await api.get(route.url.replace(":id", crypto.randomUUID()));
      expect(res.status, route.url).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

const actor = (overrides: Partial<UserActor>): UserActor => ({
  kind: "user",
  userId: "u",
  organisationId: "o",
  organisationType: "ase_service",
  departmentCode: "93",
  roles: ["admin"],
  adminDepartmentCode: "93",
  isActive: true,
  sessionId: null,
  requestId: null,
  ...overrides,
});

describe("policy table", () => {
  it("denies every action to a deactivated user", () => {
    const inactive = actor({ isActive: false, adminDepartmentCode: null });
    for (const action of ACTIONS) expect(mayAttempt(inactive, action)).toBe(false);
  });

  it("limits a département administrator to their département, and lets a national one everywhere", () => {
    const local = actor({});
    const national = actor({
      adminDepartmentCode: null,
      departmentCode: null,
      organisationType: "national_coordination",
    });
    const inParis = { kind: "user" as const, id: "x", organisationId: "y", departmentCode: "75" };
    const inSeineSaintDenis = { ...inParis, departmentCode: "93" };
    expect(can(local, "user.update", inSeineSaintDenis)).toBe(true);
    expect(can(local, "user.update", inParis)).toBe(false);
    expect(can(national, "user.update", inParis)).toBe(true);
  });

  it("answers 404 rather than 403 for a record outside the actor's sight", () => {
    const local = actor({});
    const elsewhere = { kind: "user" as const, id: "x", organisationId: "y", departmentCode: "75" };
    expect(() => authorize(local, "user.reset_password", elsewhere)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => authorize(actor({ roles: ["educator"] }), "user.list")).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it("denies a rule that needs a record when none is given", () => {
    expect(can(actor({}), "user.update")).toBe(false);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, cases } from "../db/schema.ts";
import { testApp } from "../test/test-app.ts";

// Booting PGlite takes seconds on a busy machine: not a test's time.
beforeAll(async () => {
  await testApp();
}, 120_000);

const identity = {
  surname: "Zérouali-Benamar",
  firstNames: "Yasmina Louise",
  aliases: ["Yaz la Rose"],
  birthDate: "2009-03-21",
  phones: ["+33 6 12 34 56 78"],
  placementAddress: "12 rue des Lilas, 93200 Saint-Denis",
};
const profile = {
  gender: "female",
  nationalities: ["FR", "DZ"],
  firstFactsOn: "2024-11-02",
  exploitations: [{ family: "sexual", subtype: "proxenetisme", startedOn: "2024-11-02" }],
  recruitmentChannels: ["social_network"],
  exploiterRelationships: ["partner"],
  places: [{ communeCode: "93066", type: "short_term_rental" }],
  vulnerabilityFactors: ["runaway_history"],
};

describe("POST /api/cases", () => {
  it("answers 401 without a session, 403 to a national analyst", async () => {
    const { api, make } = await testApp();
    expect((await api.post("/api/cases", { identity, profile })).status).toBe(401);
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });
    expect((await api.as(analyst).post("/api/cases", { identity, profile })).status).toBe(403);
  });

  it("creates a case with a pseudonymous number and no identity in the answer, audited", async () => {
    const { api, ctx, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const res = await api.as(referent).post("/api/cases", { identity, profile });
    expect(res.status).toBe(201);
    const view = res.json();
    const year = new Date().getFullYear();
    expect(view.number).toMatch(new RegExp(`^93-${year}-\\d{6}$`));
    expect(res.body).not.toContain("Zérouali");
    expect(res.body).not.toContain("Yasmina");
    expect(view.profile.ageAtFirstFacts).toBe(15);
    expect(view.profile.ageBandAtFirstFacts).toBe("15_17");
    expect(view.profile.birthYear).toBe(2009);
    expect(view.access).toBe("full");
    expect(view.can).toEqual(
      expect.arrayContaining(["case.read", "case.update", "case.reveal_identity", "case.close", "case.share"]),
    );
    const audit = await ctx.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.caseId, view.id));
    expect(audit.map((a) => a.action)).toEqual(["case.create"]);
    expect(JSON.stringify(audit)).not.toContain("Zérouali");
  });

  it("numbers cases in sequence per département and year", async () => {
    const { make } = await testApp();
    const first = await make.case({ departmentCode: "2A" });
    const second = await make.case({ departmentCode: "2A" });
    const seq = (n: string) => Number(n.split("-")[2]);
    expect(second.number.startsWith("2A-")).toBe(true);
    expect(seq(second.number)).toBe(seq(first.number) + 1);
  });

  it("creates one case for a double submit with the same Idempotency-Key", async () => {
    const { api, ctx, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const client = api.as(referent);
    const headers = { "idempotency-key": "form-5f1c2a9e-1" };
    const [a, b] = await Promise.all([
      client.post("/api/cases", { identity, profile }, headers),
      client.post("/api/cases", { identity, profile }, headers),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const rows = await ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.createdByUserId, referent.id));
    expect(rows).toHaveLength(1);
    const bad = await client.post("/api/cases", { identity, profile }, { "idempotency-key": "é" });
    expect(bad.status).toBe(400);
  });

  it("refuses garbage, unknown codes and impossible dates with a French 400, never a 500", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const client = api.as(referent);
    const bodies: unknown[] = [
      "not json",
      {},
      { identity: { surname: "" } },
      { identity, profile: { ...profile, nationalities: ["XX"] } },
      { identity, profile: { ...profile, gender: "robot" } },
      { identity, profile: { ...profile, exploitations: [{ family: "sexual", subtype: "theft" }] } },
      { identity, profile: { ...profile, places: [{ communeCode: "99001", type: "hotel" }] } },
      { identity, departmentCode: "99" },
      { identity: { ...identity, birthDate: "2009-02-30" } },
      { identity: { ...identity, ageEstimate: { age: 16, estimatedOn: "2025-01-01", method: "declaration" } } },
      {
        identity,
        profile: {
          ...profile,
          asePlacement: {
            type: "establishment",
            legalBasis: "judicial",
            departmentCode: "93",
            establishmentOrganisationId: crypto.randomUUID(),
          },
        },
      },
      { identity, extra: true },
    ];
    for (const body of bodies) {
      const res = await client.post("/api/cases", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json().title).toMatch(/[a-zé]/);
    }
    const bornAfterFacts = await client.post("/api/cases", {
      identity,
      profile: { ...profile, firstFactsOn: "2008-01-01" },
    });
    expect(bornAfterFacts.status).toBe(400);
    expect(bornAfterFacts.json().code).toBe("invalid_case_dates");
    expect(bornAfterFacts.json().errors[0].path).toBe("profile.firstFactsOn");
    const future = await client.post("/api/cases", { identity, profile: { ...profile, firstFactsOn: "2999-01-01" } });
    expect(future.json().errors[0].message).toMatch(/futur/);
  });
});

describe("identity", () => {
  it("reveals the identity only on request, and audits each reveal", async () => {
    const { api, ctx, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const created = (await api.as(referent).post("/api/cases", { identity, profile })).json();
    const get = await api.as(referent).get(`/api/cases/${created.id}`);
    expect(get.body).not.toContain("Lilas");
    const reveal = await api.as(referent).post(`/api/cases/${created.id}/identity/reveal`);
    expect(reveal.status).toBe(200);
    expect(reveal.json()).toMatchObject({
      surname: "Zérouali-Benamar",
      phones: ["+33 6 12 34 56 78"],
      caseNumber: created.number,
    });
    const reveals = await ctx.db
      .select({ actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, created.id), eq(auditEvents.action, "case.reveal_identity")));
    expect(reveals).toEqual([{ actor: referent.id }]);
  });

  it("keeps no identity in clear in any table", async () => {
    const { api, ctx, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const created = (await api.as(referent).post("/api/cases", { identity, profile })).json();
    await api
      .as(referent)
      .post(`/api/cases/${created.id}/notes`, { text: "Yasmina a parlé de Karim, 06 98 76 54 32." });
    const tables = await ctx.database.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public'",
    );
    expect(tables.length).toBeGreaterThan(10);
    const secrets = [
      "Zérouali",
      "zerouali",
      "Yasmina",
      "yasmina",
      "Louise",
      "Yaz la Rose",
      "2009-03-21",
      "12 34 56 78",
      "Lilas",
      "Karim",
      "98 76 54",
    ];
    for (const { tablename } of tables) {
      const rows = await ctx.database.query<{ row: string }>(`select t::text as row from "${tablename}" t`);
      const dump = rows.map((r) => r.row).join("\n");
      for (const secret of secrets) expect(dump.includes(secret), `${secret} in ${tablename}`).toBe(false);
    }
  });
});

describe("editing", () => {
  it("refuses a stale edit with 409 and keeps the first edit", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const client = api.as(caseFile.owner);
    const first = await client.patch(`/api/cases/${caseFile.id}`, {
      version: caseFile.version,
      profile: { schooling: "dropped_out" },
    });
    expect(first.status).toBe(200);
    expect(first.json().version).toBe(caseFile.version + 1);
    const stale = await client.patch(`/api/cases/${caseFile.id}`, {
      version: caseFile.version,
      profile: { schooling: "in_school" },
    });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ code: "conflict", title: expect.stringMatching(/modifiée entre-temps/) });
    expect((await client.get(`/api/cases/${caseFile.id}`)).json().profile.schooling).toBe("dropped_out");
  });

  it("closes with a reason, refuses edits while closed, and reopens", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const client = api.as(caseFile.owner);
    const bad = await client.post(`/api/cases/${caseFile.id}/close`, { version: caseFile.version, reason: "bored" });
    expect(bad.status).toBe(400);
    const closed = await client.post(`/api/cases/${caseFile.id}/close`, {
      version: caseFile.version,
      reason: "protected_stable",
    });
    expect(closed.json()).toMatchObject({ status: "closed", closureReason: "protected_stable" });
    const edit = await client.patch(`/api/cases/${caseFile.id}`, {
      version: closed.json().version,
      profile: { schooling: "in_school" },
    });
    expect(edit.json().code).toBe("case_closed");
    const reopened = await client.post(`/api/cases/${caseFile.id}/reopen`, { version: closed.json().version });
    expect(reopened.json()).toMatchObject({ status: "open", closureReason: null });
    const timeline = (await client.get(`/api/cases/${caseFile.id}/timeline`)).json();
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(["created", "closed", "reopened"]);
  });

  it("records victim statuses apart, each with who decided and when", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const client = api.as(caseFile.owner);
    await client.post(`/api/cases/${caseFile.id}/victim-statuses`, {
      status: "possible",
      decidedBy: "ase",
      decidedOn: "2025-01-10",
    });
    const res = await client.post(`/api/cases/${caseFile.id}/victim-statuses`, {
      status: "identified_le",
      decidedBy: "police",
      decidedOn: "2025-02-01",
    });
    expect(res.status).toBe(201);
    expect(res.json().victimStatus).toMatchObject({
      status: "identified_le",
      decidedBy: "police",
      decidedOn: "2025-02-01",
    });
    expect(res.json().victimStatusHistory).toHaveLength(2);
    const future = await client.post(`/api/cases/${caseFile.id}/victim-statuses`, {
      status: "presumed",
      decidedBy: "ase",
      decidedOn: "2999-01-01",
    });
    expect(future.status).toBe(400);
  });

  it("keeps a note of at most 10 000 characters, sealed, in the timeline", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const client = api.as(caseFile.owner);
    expect((await client.post(`/api/cases/${caseFile.id}/notes`, { text: "x".repeat(10_001) })).status).toBe(400);
    const note = await client.post(`/api/cases/${caseFile.id}/notes`, { text: "Entretien de retour fait." });
    expect(note.status).toBe(201);
    expect(note.json()).toMatchObject({
      kind: "note",
      text: "Entretien de retour fait.",
      author: { id: caseFile.owner.id },
    });
  });
});

describe("POST /api/cases/:id/assign", () => {
  // The assignee is read inside the case's transaction: on PGlite's single connection, reading outside it would hang.
  it("assigns a referent of the owning service, and refuses an educator", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const colleague = await make.user({ roles: ["ase_referent"], organisationId: caseFile.ownerOrganisationId });
    const res = await api
      .as(caseFile.owner)
      .post(`/api/cases/${caseFile.id}/assign`, { version: caseFile.version, userId: colleague.id });
    expect(res.status).toBe(200);
    expect(res.json().assignedUser?.id).toBe(colleague.id);
    const educator = await make.user({ roles: ["educator"] });
    const refused = await api
      .as(caseFile.owner)
      .post(`/api/cases/${caseFile.id}/assign`, { version: res.json().version, userId: educator.id });
    expect(refused.status).toBe(400);
    expect(refused.json().code).toBe("invalid_assignee");
  });
});

describe("GET /api/cases/:id/assignees", () => {
  it("lists who may be named referent, owning service first, and each of them can be", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case({ departmentCode: "93" });
    const manager = await make.user({ roles: ["ase_manager"], organisationId: caseFile.ownerOrganisationId });
    const inactive = await make.user({
      roles: ["ase_referent"],
      organisationId: caseFile.ownerOrganisationId,
      isActive: false,
    });
    const sameDepartment = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const otherDepartment = await make.user({ roles: ["ase_referent"], departmentCode: "75" });
    const educator = await make.user({ roles: ["educator"], departmentCode: "93" });

    expect((await api.get(`/api/cases/${caseFile.id}/assignees`)).status).toBe(401);
    expect((await api.as(educator).get(`/api/cases/${caseFile.id}/assignees`)).status).toBe(403);
    expect((await api.as(otherDepartment).get(`/api/cases/${caseFile.id}/assignees`)).status).toBe(404);
    expect((await api.as(manager).get("/api/cases/pas-un-id/assignees")).status).toBe(400);

    const res = await api.as(manager).get(`/api/cases/${caseFile.id}/assignees`);
    expect(res.status).toBe(200);
    const ids = res.json().map((a: { id: string }) => a.id);
    expect(ids.slice(0, 2).sort()).toEqual([caseFile.owner.id, manager.id].sort());
    expect(ids).toContain(sameDepartment.id);
    expect(ids).not.toContain(inactive.id);
    expect(ids).not.toContain(otherDepartment.id);
    expect(res.json()[0]).toEqual({
      id: expect.any(String),
      displayName: expect.any(String),
      roles: expect.any(Array),
      organisationName: expect.any(String),
    });
    expect(res.body).not.toContain("@test.repere.local");

    let version = caseFile.version;
    for (const id of [sameDepartment.id, manager.id]) {
      const assigned = await api.as(manager).post(`/api/cases/${caseFile.id}/assign`, { version, userId: id });
      expect(assigned.json().assignedUser?.id).toBe(id);
      version = assigned.json().version;
    }
    const refused = await api
      .as(manager)
      .post(`/api/cases/${caseFile.id}/assign`, { version, userId: otherDepartment.id });
    expect(refused.json().code).toBe("invalid_assignee");
  });
});

import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { auditEvents, caseActions, screenings } from "../db/schema.ts";
import { testApp } from "../test/test-app.ts";

const clearConcern = (overrides: Record<string, unknown> = {}) => ({
  gridVersion: "GRR-0.1",
  mode: "full",
  ageAtScreening: 15,
  ageUncertain: false,
  screenedOn: "2026-11-20",
  answers: [
    {
      itemId: "K2",
      value: 2,
      sourceType: "observed",
      date: "2026-11-19",
      note: "Vue dans une location avec deux adultes, Lina",
    },
  ],
  redFlags: ["RF3"],
  ...overrides,
});

describe("screenings on a case", () => {
  it("answers 401, 404 outside the case's reach, and 400 for an unknown item", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    expect((await api.post(`/api/cases/${caseFile.id}/screenings`, clearConcern())).status).toBe(401);
    const outsider = await make.user({ roles: ["ase_referent"], departmentCode: "75" });
    expect((await api.as(outsider).post(`/api/cases/${caseFile.id}/screenings`, clearConcern())).status).toBe(404);
    const bad = await api
      .as(caseFile.owner)
      .post(`/api/cases/${caseFile.id}/screenings`, clearConcern({ answers: [{ itemId: "ZZ9", value: 1 }] }));
    expect(bad.status).toBe(400);
    expect(bad.json().errors.some((e: { message: string }) => e.message.includes("ZZ9"))).toBe(true);
  });

  it("records a clear concern, raises the required actions with deadlines, and seals the notes", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case();
    const res = await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/screenings`, clearConcern());
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ level: "clear", levelLabel: "Préoccupation avérée" });

    const [raw] = await ctx.db.select().from(screenings).where(eq(screenings.caseId, caseFile.id));
    expect(JSON.stringify(raw)).not.toContain("Lina");
    const actions = (await api.as(caseFile.owner).get(`/api/cases/${caseFile.id}/actions`)).json();
    const codes = actions.map((a: { code: string }) => a.code);
    expect(codes).toContain("prosecutor_report");
    const report = actions.find((a: { code: string }) => a.code === "prosecutor_report");
    expect(report).toMatchObject({ status: "to_do", statusLabel: "À faire" });
    expect(report.dueAt).not.toBeNull();

    const listed = (await api.as(caseFile.owner).get(`/api/cases/${caseFile.id}/screenings`)).json();
    expect(listed).toHaveLength(1);
    const audit = await ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseFile.id), eq(auditEvents.actorUserId, caseFile.owner.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["screening.record", "screening.read"]));
  });

  it("keeps a past screening's result when it is read again, and refuses an override without a reason", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const noReason = await api
      .as(caseFile.owner)
      .post(`/api/cases/${caseFile.id}/screenings`, clearConcern({ override: { level: "possible", reason: "" } }));
    expect(noReason.status).toBe(400);
    const withReason = await api
      .as(caseFile.owner)
      .post(
        `/api/cases/${caseFile.id}/screenings`,
        clearConcern({ override: { level: "possible", reason: "Déjà signalée et mise à l'abri hier." } }),
      );
    expect(withReason.json()).toMatchObject({
      level: "possible",
      result: { computedLevel: "clear", override: { reason: "Déjà signalée et mise à l'abri hier." } },
    });
  });

  it("marks an action done or not applicable, with a conflict on a stale version", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case();
    await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/screenings`, clearConcern());
    const done = await api.as(caseFile.owner).patch(`/api/cases/${caseFile.id}/actions/prosecutor_report`, {
      version: 1,
      update: { status: "done", doneOn: "2026-11-21" },
    });
    expect(done.status).toBe(200);
    expect(done.json().find((a: { code: string }) => a.code === "prosecutor_report")).toMatchObject({
      status: "done",
      doneOn: "2026-11-21",
    });
    const stale = await api.as(caseFile.owner).patch(`/api/cases/${caseFile.id}/actions/prosecutor_report`, {
      version: 1,
      update: { status: "not_applicable", reason: "Déjà fait par le foyer." },
    });
    expect(stale.status).toBe(409);
    const noReason = await api.as(caseFile.owner).patch(`/api/cases/${caseFile.id}/actions/prosecutor_report`, {
      version: 2,
      update: { status: "not_applicable", reason: "" },
    });
    expect(noReason.status).toBe(400);
    const [row] = await ctx.db
      .select()
      .from(caseActions)
      .where(and(eq(caseActions.caseId, caseFile.id), eq(caseActions.code, "prosecutor_report")));
    expect(row?.status).toBe("done");
  });
});

describe("qualification and signalement on a case", () => {
  it("records the qualification, then renders the signalement PDF with identity for the referent, audited", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case({ identity: { surname: "Benali-Đorđević" } });
    const referent = api.as(caseFile.owner);
    await referent.post(`/api/cases/${caseFile.id}/screenings`, clearConcern());
    const qualification = await referent.post(`/api/cases/${caseFile.id}/qualifications`, {
      ageAtFacts: 15,
      ageUncertain: false,
      acts: ["recruit", "harbour"],
      means: [],
      purposes: ["proxenetisme"],
      circumstances: ["electronic_network_contact"],
    });
    expect(qualification.status).toBe(201);
    expect(qualification.json().result.article).toBe("225-4-2 II");

    const res = await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/signalement`, {
      factsSummary: "Recrutée sur un réseau social, hébergée dans une location de courte durée.",
      measuresRequested: ["Ordonnance de placement provisoire"],
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["cache-control"]).toBe("no-store");
    const parser = new PDFParse({ data: new Uint8Array(res.raw) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain(caseFile.number);
    expect(text).toContain("225-4-2 II");
    const audit = await ctx.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseFile.id), eq(auditEvents.action, "case.signalement")));
    expect(audit).toEqual([{ details: expect.objectContaining({ withIdentity: true }) }]);
  });

  it("refuses the signalement to police, who only read what is shared with them", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const police = await make.user({ roles: ["police_liaison"] });
    const res = await api.as(police).post(`/api/cases/${caseFile.id}/signalement`, { factsSummary: "Faits." });
    expect(res.status).toBe(403);
  });
});

describe("anonymous pre-case", () => {
  it("screens without identity, stays within the organisation, and moves onto a case when attached", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const created = await api.as(caseFile.owner).post("/api/pre-cases", clearConcern());
    expect(created.status).toBe(201);
    const preCase = created.json();
    expect(preCase.number).toMatch(/^PRE-[0-9A-F]{8}$/);
    const other = await make.user({ roles: ["ase_referent"], departmentCode: "75" });
    expect((await api.as(other).get(`/api/pre-cases/${preCase.id}`)).status).toBe(404);
    const attached = await api.as(caseFile.owner).post(`/api/pre-cases/${preCase.id}/attach`, { caseId: caseFile.id });
    expect(attached.json().caseId).toBe(caseFile.id);
    const onCase = (await api.as(caseFile.owner).get(`/api/cases/${caseFile.id}/screenings`)).json();
    expect(onCase).toHaveLength(1);
    expect(
      (await api.as(caseFile.owner).post(`/api/pre-cases/${preCase.id}/attach`, { caseId: caseFile.id })).status,
    ).toBe(409);
  });
});

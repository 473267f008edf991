import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, pathwayDeadlines, pathwayTracks, pathwayTransitions } from "../db/schema.ts";
import { testApp } from "../test/test-app.ts";
import { shareWith, step } from "./pathway-test-kit.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

const transitions = (caseId: string, track = "civil_protection") =>
  `/api/pathway/cases/${caseId}/tracks/${track}/transitions`;

describe("POST /api/pathway/cases/:id/tracks/:track/transitions", () => {
  it("answers 401 without a session and 404 to a professional who cannot see the case", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const body = { from: "not_started", to: "concern_identified" };
    expect((await api.post(transitions(caseFile.id), body)).status).toBe(401);
    const outsider = await make.user({ roles: ["ase_referent"], departmentCode: "75" });
    expect((await api.as(outsider).post(transitions(caseFile.id), body)).status).toBe(404);
  });

  it("answers 400 to garbage, an unknown track or a state of another track", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    expect((await owner.post(transitions(caseFile.id), "nope")).status).toBe(400);
    expect((await owner.post(transitions(caseFile.id), { from: "not_started" })).status).toBe(400);
    expect((await owner.post(transitions(caseFile.id, "criminal"), { from: "x", to: "y" })).status).toBe(400);
    const wrongTrack = await owner.post(transitions(caseFile.id), { from: "not_started", to: "presumed" });
    expect(wrongTrack.status).toBe(400);
    expect(wrongTrack.json().errors).toEqual([expect.objectContaining({ path: "to" })]);
  });

  it("refuses a move the table does not allow with 409, and one the role may not take with 403, changing nothing", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    const skipped = await owner.post(transitions(caseFile.id), {
      from: "not_started",
      to: "emergency_placement_ordered",
    });
    expect(skipped.status).toBe(409);
    expect(skipped.json().code).toBe("transition_not_allowed");
    // An ASE referent may send an IP but not acknowledge it in the CRIP's place.
    await step(owner, caseFile.id, "civil_protection", { from: "not_started", to: "concern_report_sent" });
    const notCrip = await owner.post(transitions(caseFile.id), { from: "concern_report_sent", to: "crip_evaluation" });
    expect(notCrip.status).toBe(403);
    expect(notCrip.json().code).toBe("transition_performer_not_allowed");
    const stale = await owner.post(transitions(caseFile.id), { from: "not_started", to: "concern_identified" });
    expect(stale.status).toBe(409);
    expect(stale.json().code).toBe("track_moved");

    const rows = await ctx.db.select().from(pathwayTransitions).where(eq(pathwayTransitions.caseId, caseFile.id));
    expect(rows.map((r) => r.toState)).toEqual(["concern_report_sent"]);
    const [track] = await ctx.db.select().from(pathwayTracks).where(eq(pathwayTracks.caseId, caseFile.id));
    expect(track?.state).toBe("concern_report_sent");
    const audit = await ctx.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseFile.id), eq(auditEvents.action, "pathway.transition")));
    expect(audit).toHaveLength(1);
  });

  it("asks for a reason where the table requires one, and keeps it sealed in the database", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    await step(owner, caseFile.id, "identification", { from: "none", to: "possible" });
    const manager = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    const noReason = await api
      .as(manager)
      .post(transitions(caseFile.id, "identification"), { from: "possible", to: "not_victim" });
    expect(noReason.status).toBe(400);
    const view = await step(api.as(manager), caseFile.id, "identification", {
      from: "possible",
      to: "not_victim",
      reason: "Fugue sans lien avec une exploitation, confirmée par la famille d'accueil.",
    });
    const identification = view.tracks.find((t: { track: string }) => t.track === "identification");
    expect(identification?.state).toBe("not_victim");
    expect(identification?.history.at(-1)).toMatchObject({
      to: "not_victim",
      reason: expect.stringContaining("Fugue"),
    });
    const stored = await ctx.db.select().from(pathwayTransitions).where(eq(pathwayTransitions.caseId, caseFile.id));
    expect(JSON.stringify(stored)).not.toContain("Fugue");
  });

  it("follows victim statuses recorded directly on the case", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    await step(owner, caseFile.id, "identification", { from: "none", to: "possible" });
    const recorded = await owner.post(`/api/cases/${caseFile.id}/victim-statuses`, {
      status: "identified_le",
      decidedBy: "police",
      decidedOn: "2025-01-01",
    });
    expect(recorded.status).toBe(201);
    const view = (await owner.get(`/api/pathway/cases/${caseFile.id}`)).json();
    expect(view.tracks.find((t: { track: string }) => t.track === "identification").state).toBe("identified_le");
    const stale = await owner.post(transitions(caseFile.id, "identification"), { from: "possible", to: "presumed" });
    expect(stale.json().code).toBe("track_moved");
  });

  it("refuses every step on a closed case", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    expect(
      (await owner.post(`/api/cases/${caseFile.id}/close`, { version: caseFile.version, reason: "lost_contact" }))
        .status,
    ).toBe(200);
    const res = await owner.post(transitions(caseFile.id), { from: "not_started", to: "concern_identified" });
    expect(res.status).toBe(409);
    expect(res.json().code).toBe("case_closed");
  });
});

describe("deadlines through the pathway", () => {
  it("counts 10 working days from a clear concern across Good Friday in Moselle, not in Paris", async () => {
    const { api, ctx, make, setNow } = await testApp();
    setNow(new Date("2025-04-17T10:00:00Z"));
    const due: Record<string, string> = {};
    for (const departmentCode of ["75", "57"]) {
      const owner = await make.user({ roles: ["ase_referent"], departmentCode });
      const caseFile = await make.case({ owner, departmentCode });
      await step(api.as(owner), caseFile.id, "civil_protection", {
        from: "not_started",
        to: "concern_identified",
        // Thursday 17 April 2025; Good Friday is a holiday in Alsace-Moselle only, Easter Monday and 1 May everywhere.
        trigger: { level: "clear", screenedAt: "2025-04-17T09:00:00Z" },
      });
      const [row] = await ctx.db
        .select()
        .from(pathwayDeadlines)
        .where(and(eq(pathwayDeadlines.caseId, caseFile.id), eq(pathwayDeadlines.code, "presumed_victim_review")));
      due[departmentCode] = row?.dueLocalDate ?? "";
      expect(row?.unit).toBe("working_days");
    }
    expect(due).toEqual({ "75": "2025-05-05", "57": "2025-05-06" });
    setNow(null);
  });

  it("gives the judge 15 calendar days from the registry's receipt, moved off a public holiday, with the OPP alert at day 6", async () => {
    const { api, make, setNow } = await testApp();
    const prosecutor = await make.user({ roles: ["prosecutor"], departmentCode: "93" });
    const caseFile = await make.case();
    // Monday 21 April, 10:00 in Paris: day 6 of an OPP made on Tuesday 15 April.
    setNow(new Date("2025-04-21T08:00:00Z"));
    await step(api.as(caseFile.owner), caseFile.id, "civil_protection", {
      from: "not_started",
      to: "prosecutor_report_sent",
    });
    await shareWith(api.as(caseFile.owner), caseFile.id, prosecutor.organisationId, "prosecutor_report", "2025-12-31");
    await step(api.as(prosecutor), caseFile.id, "civil_protection", {
      from: "prosecutor_report_sent",
      to: "prosecutor_seized",
    });
    const opp = await step(api.as(prosecutor), caseFile.id, "civil_protection", {
      from: "prosecutor_seized",
      to: "emergency_placement_ordered",
      occurredAt: "2025-04-15T18:00:00+02:00",
    });
    expect(opp.deadlines.find((d: { code: string }) => d.code === "opp_seize_juvenile_judge")).toMatchObject({
      dueLocalDate: "2025-04-23",
      dueAt: "2025-04-23T21:59:59.999Z",
      warnAt: "2025-04-20T22:00:00.000Z",
      urgency: "warning",
    });
    setNow(new Date("2025-04-23T12:00:00Z"));
    const seized = await step(api.as(prosecutor), caseFile.id, "civil_protection", {
      from: "emergency_placement_ordered",
      to: "juvenile_judge_seized",
      occurredAt: "2025-04-23T10:00:00+02:00",
    });
    // 23 April + 15 days = Thursday 8 May, a public holiday: the delay runs to Friday 9 May (CPC 642).
    expect(seized.deadlines.find((d: { code: string }) => d.code === "judge_ruling")).toMatchObject({
      dueLocalDate: "2025-05-09",
      status: "open",
    });
    expect(seized.deadlines.find((d: { code: string }) => d.code === "opp_seize_juvenile_judge")?.status).toBe("met");
    setNow(null);
  });

  it("dates and alerts in La Réunion's time zone", async () => {
    const { api, make, setNow } = await testApp();
    setNow(new Date("2025-03-03T06:00:00Z"));
    const owner = await make.user({ roles: ["ase_referent"], departmentCode: "974" });
    const caseFile = await make.case({ owner, departmentCode: "974" });
    const view = await step(api.as(owner), caseFile.id, "civil_protection", {
      from: "not_started",
      to: "concern_report_sent",
    });
    await shareWith(
      api.as(owner),
      caseFile.id,
      (await make.organisation({ type: "crip", departmentCode: "974" })).id,
      "concern_report",
      "2025-12-31",
    );
    expect(view.timeZone).toBe("Indian/Reunion");
    const crip = await make.user({ roles: ["crip_officer"], departmentCode: "974" });
    await shareWith(api.as(owner), caseFile.id, crip.organisationId, "concern_report", "2025-12-31");
    const evaluation = await step(api.as(crip), caseFile.id, "civil_protection", {
      from: "concern_report_sent",
      to: "crip_evaluation",
      occurredAt: "2025-03-03T05:00:00Z",
    });
    // 09:00 in Saint-Denis on 3 March; 3 months end with 3 June, at midnight local time (UTC+4).
    expect(evaluation.deadlines.find((d: { code: string }) => d.code === "crip_evaluation")).toMatchObject({
      dueLocalDate: "2025-06-03",
      dueAt: "2025-06-03T19:59:59.999Z",
      timeZone: "Indian/Reunion",
    });
    setNow(null);
  });

  it("applies a département's overrides to deadlines started afterwards, and refuses to lengthen a legal one", async () => {
    const { api, make, setNow } = await testApp();
    const admin = await make.user({ roles: ["admin"], departmentCode: "2A", withTotp: false });
    const otherAdmin = await make.user({ roles: ["admin"], departmentCode: "2B", withTotp: false });
    const longer = await api.as(admin).post("/api/pathway/deadline-rules/2A", { crip_evaluation: { amount: 4 } });
    expect(longer.status).toBe(400);
    expect(
      (await api.as(otherAdmin).post("/api/pathway/deadline-rules/2A", { crip_evaluation: { amount: 2 } })).status,
    ).toBe(404);
    const set = await api.as(admin).post("/api/pathway/deadline-rules/2A", { crip_evaluation: { amount: 2 } });
    expect(set.status).toBe(200);
    expect(set.json().rules.find((r: { code: string }) => r.code === "crip_evaluation")).toMatchObject({
      amount: 2,
      unit: "months",
    });

    setNow(new Date("2025-03-03T10:00:00Z"));
    const owner = await make.user({ roles: ["ase_referent"], departmentCode: "2A" });
    const crip = await make.user({ roles: ["crip_officer"], departmentCode: "2A" });
    const caseFile = await make.case({ owner, departmentCode: "2A" });
    await step(api.as(owner), caseFile.id, "civil_protection", { from: "not_started", to: "concern_report_sent" });
    await shareWith(api.as(owner), caseFile.id, crip.organisationId, "concern_report", "2025-12-31");
    const view = await step(api.as(crip), caseFile.id, "civil_protection", {
      from: "concern_report_sent",
      to: "crip_evaluation",
    });
    expect(view.deadlines.find((d: { code: string }) => d.code === "crip_evaluation")).toMatchObject({
      amount: 2,
      dueLocalDate: "2025-05-03",
    });
    const read = await api.as(owner).get("/api/pathway/deadline-rules/2A");
    expect(read.json().overrides).toEqual({ crip_evaluation: { amount: 2 } });
    setNow(null);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, caseVictimStatuses, pathwayDeadlines, pathwayTransitions } from "../db/schema.ts";
import { testApp } from "../test/test-app.ts";
import { shareWith, step } from "./pathway-test-kit.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

const at = (iso: string) => new Date(iso);

describe("protection pathway across organisations", () => {
  it("goes from a foyer's clear concern to a protection plan, each actor signed in as themselves", async () => {
    const { api, ctx, make, setNow } = await testApp();
    const foyer = await make.organisation({ type: "establishment", departmentCode: "93" });
    const educator = await make.user({ roles: ["educator"], organisationId: foyer.id });
    const crip = await make.user({ roles: ["crip_officer"], departmentCode: "93" });
    const prosecutor = await make.user({ roles: ["prosecutor"], departmentCode: "93" });
    const judge = await make.user({ roles: ["juvenile_judge"], departmentCode: "93" });
    const aseManager = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    const association = await make.user({ roles: ["association_worker"], departmentCode: "93" });
    // Sessions expire as the clock moves: each actor signs in again at each step.
    const as = api.as.bind(api);

    // Monday 3 March 2025, 09:00 in Paris: the educator screens and opens the case.
    setNow(at("2025-03-03T08:00:00Z"));
    const created = await as(educator).post("/api/cases", {
      identity: { surname: "Scénario", firstNames: "Awa", birthDate: "2010-06-01" },
      profile: {},
    });
    expect(created.status).toBe(201);
    const caseId = created.json().id as string;
    await step(as(educator), caseId, "civil_protection", {
      from: "not_started",
      to: "concern_identified",
      trigger: { level: "clear", screenedAt: "2025-03-03T08:00:00Z" },
    });

    // Two hours later the IP goes to the CRIP.
    setNow(at("2025-03-03T10:00:00Z"));
    await shareWith(as(educator), caseId, crip.organisationId, "concern_report", "2025-12-31");
    await step(as(educator), caseId, "civil_protection", { from: "concern_identified", to: "concern_report_sent" });

    setNow(at("2025-03-04T09:00:00Z"));
    await step(as(crip), caseId, "civil_protection", { from: "concern_report_sent", to: "crip_evaluation" });
    await step(as(crip), caseId, "civil_protection", { from: "crip_evaluation", to: "prosecutor_seized" });

    // The parquet orders an OPP on Wednesday 5 March, then seizes the judge on Monday 10 March, in time.
    await shareWith(as(educator), caseId, prosecutor.organisationId, "prosecutor_report", "2025-12-31");
    setNow(at("2025-03-05T15:00:00Z"));
    await step(as(prosecutor), caseId, "civil_protection", {
      from: "prosecutor_seized",
      to: "emergency_placement_ordered",
    });
    setNow(at("2025-03-10T10:00:00Z"));
    const seized = await step(as(prosecutor), caseId, "civil_protection", {
      from: "emergency_placement_ordered",
      to: "juvenile_judge_seized",
      occurredAt: "2025-03-10T09:30:00+01:00",
    });
    const judgeRuling = seized.deadlines.find((d: { code: string }) => d.code === "judge_ruling");
    expect(judgeRuling).toMatchObject({
      status: "open",
      dueLocalDate: "2025-03-25",
      unit: "calendar_days",
      source: "legal",
    });

    await shareWith(as(educator), caseId, judge.organisationId, "judicial_request", "2025-12-31");
    setNow(at("2025-03-12T10:00:00Z"));
    await step(as(judge), caseId, "civil_protection", { from: "juvenile_judge_seized", to: "measure_decided" });
    await step(as(aseManager), caseId, "civil_protection", { from: "measure_decided", to: "measure_executed" });

    // The multi-agency review: chaired by the association, with the CRIP and the ASE.
    const planned = await as(aseManager).post(`/api/pathway/cases/${caseId}/reviews`, {
      scheduledFor: "2025-03-13T09:00:00Z",
      chairUserId: association.id,
      memberUserIds: [crip.id, aseManager.id],
      quorum: 2,
      referringUserId: educator.id,
    });
    expect(planned.status).toBe(201);
    const reviewId = planned.json().id as string;
    const decision = {
      outcome: "presumed_victim",
      presentUserIds: [association.id, crip.id, aseManager.id],
      reasons: "Indicateurs convergents d'exploitation sexuelle.",
      minutes: "Compte rendu de la réunion.",
    };
    setNow(at("2025-03-13T10:00:00Z"));
    expect(
      (await as(association).post(`/api/pathway/reviews/${reviewId}/conflict`, { hasConflict: false })).status,
    ).toBe(200);
    // Only the chair has declared: no quorum yet, and nothing moves.
    const early = await as(association).post(`/api/pathway/reviews/${reviewId}/decision`, decision);
    expect(early.status).toBe(409);
    expect(early.json().code).toBe("review_quorum_not_met");
    expect((await as(crip).post(`/api/pathway/reviews/${reviewId}/conflict`, { hasConflict: false })).status).toBe(200);
    expect(
      (
        await as(aseManager).post(`/api/pathway/reviews/${reviewId}/conflict`, {
          hasConflict: true,
          note: "Référent de la fratrie",
        })
      ).status,
    ).toBe(200);
    // A member may not decide in the chair's place.
    expect((await as(crip).post(`/api/pathway/reviews/${reviewId}/decision`, decision)).status).toBe(403);
    const decided = await as(association).post(`/api/pathway/reviews/${reviewId}/decision`, decision);
    expect(decided.status).toBe(200);
    expect(decided.json()).toMatchObject({ status: "decided", outcome: "presumed_victim" });

    // The referring educator hears of the outcome in their inbox.
    const inbox = (await as(educator).get("/api/pathway/inbox")).json();
    expect(inbox.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "notification", caseId, label: expect.stringContaining("examen") }),
      ]),
    );

    setNow(at("2025-03-14T10:00:00Z"));
    const plan = await as(aseManager).post(`/api/pathway/cases/${caseId}/plan`, {
      adoptedOn: "2025-03-14",
      goals: [{ label: "Mise à l'abri éloignée" }, { label: "Reprise de la scolarité", targetOn: "2025-09-01" }],
    });
    expect(plan.status).toBe(201);
    expect(plan.json()).toMatchObject({ status: "active", nextReviewDueOn: "2025-06-14" });

    const view = (await as(aseManager).get(`/api/pathway/cases/${caseId}`)).json();
    expect(view.tracks.map((t: { track: string; state: string }) => [t.track, t.state])).toEqual([
      ["civil_protection", "measure_executed"],
      ["identification", "presumed"],
      ["transition", "not_due"],
    ]);

    // Ground truth: every deadline met in time except the plan's next review, still running.
    const deadlines = await ctx.db
      .select({
        code: pathwayDeadlines.code,
        status: pathwayDeadlines.status,
        dueAt: pathwayDeadlines.dueAt,
        metAt: pathwayDeadlines.metAt,
      })
      .from(pathwayDeadlines)
      .where(eq(pathwayDeadlines.caseId, caseId));
    const byCode = Object.fromEntries(deadlines.map((d) => [d.code, d]));
    for (const code of [
      "concern_report_without_delay",
      "presumed_victim_review",
      "crip_evaluation",
      "opp_seize_juvenile_judge",
      "judge_ruling",
      "measure_not_executed",
      "protection_plan",
    ]) {
      const deadline = byCode[code];
      expect(deadline?.status, code).toBe("met");
      expect(deadline?.metAt?.getTime(), code).toBeLessThanOrEqual(deadline?.dueAt.getTime() ?? 0);
    }
    expect(byCode.plan_review?.status).toBe("open");

    const statuses = await ctx.db
      .select({ status: caseVictimStatuses.status, decidedBy: caseVictimStatuses.decidedBy })
      .from(caseVictimStatuses)
      .where(eq(caseVictimStatuses.caseId, caseId));
    expect(statuses).toEqual([{ status: "presumed", decidedBy: "multi_agency" }]);
    const viaReview = await ctx.db
      .select({ to: pathwayTransitions.toState, via: pathwayTransitions.via, actor: pathwayTransitions.actorUserId })
      .from(pathwayTransitions)
      .where(and(eq(pathwayTransitions.caseId, caseId), eq(pathwayTransitions.track, "identification")));
    expect(viaReview).toEqual([{ to: "presumed", via: "review", actor: association.id }]);

    const audit = await ctx.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, "pathway.transition")));
    const stepsBy = (userId: string) => audit.filter((a) => a.actor === userId).length;
    expect([
      stepsBy(educator.id),
      stepsBy(crip.id),
      stepsBy(prosecutor.id),
      stepsBy(judge.id),
      stepsBy(aseManager.id),
    ]).toEqual([2, 2, 2, 1, 1]);
    expect(stepsBy(association.id)).toBe(1);
    expect(JSON.stringify(audit)).not.toContain("Scénario");
    setNow(null);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { pathwayDeadlines, pathwayMeasures } from "../../db/schema.ts";
import { testApp } from "../../test/test-app.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

describe("protection measures and plan", () => {
  it("records a distant secure placement, moves it along its statuses and refuses a move back from ended", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    const outsider = await make.user({ roles: ["ase_referent"], departmentCode: "13" });
    const body = {
      kind: "placement",
      providerName: "Foyer éloigné (réseau Satouk)",
      startOn: "2025-03-01",
      placement: { type: "establishment", isSecure: true, isDistant: true },
    };
    expect((await api.as(outsider).post(`/api/pathway/cases/${caseFile.id}/measures`, body)).status).toBe(404);
    expect((await owner.post(`/api/pathway/cases/${caseFile.id}/measures`, { kind: "placement" })).status).toBe(400);
    expect(
      (await owner.post(`/api/pathway/cases/${caseFile.id}/measures`, { kind: "lawyer", placement: body.placement }))
        .status,
    ).toBe(400);
    const created = await owner.post(`/api/pathway/cases/${caseFile.id}/measures`, body);
    expect(created.status).toBe(201);
    const measure = created.json();
    expect(measure).toMatchObject({
      kind: "placement",
      status: "planned",
      placement: { isSecure: true, isDistant: true },
    });

    const started = await owner.patch(`/api/pathway/measures/${measure.id}`, { version: 1, status: "in_progress" });
    expect(started.json()).toMatchObject({ status: "in_progress", version: 2 });
    expect((await owner.patch(`/api/pathway/measures/${measure.id}`, { version: 1, status: "ended" })).status).toBe(
      409,
    );
    await owner.patch(`/api/pathway/measures/${measure.id}`, { version: 2, status: "ended", endOn: "2025-06-01" });
    const back = await owner.patch(`/api/pathway/measures/${measure.id}`, { version: 3, status: "in_progress" });
    expect(back.status).toBe(409);
    expect(back.json().code).toBe("invalid_measure_status");
    const [row] = await ctx.db.select().from(pathwayMeasures).where(eq(pathwayMeasures.id, measure.id));
    expect(row).toMatchObject({ status: "ended", endOn: "2025-06-01", version: 3 });
  });

  it("adopts one plan, reviews it and restarts the 3-month clock from each review", async () => {
    const { api, ctx, make, setNow } = await testApp();
    setNow(new Date("2025-01-31T10:00:00Z"));
    const caseFile = await make.case();
    const owner = api.as(caseFile.owner);
    const plan = { adoptedOn: "2025-01-31", goals: [{ label: "Hébergement sécurisé" }] };
    const adopted = await owner.post(`/api/pathway/cases/${caseFile.id}/plan`, plan);
    expect(adopted.status).toBe(201);
    // 3 months from 31 January end on the last day of April (CPC 641 al. 2 applied to every month count).
    expect(adopted.json()).toMatchObject({ nextReviewDueOn: "2025-04-30", goals: [{ label: "Hébergement sécurisé" }] });
    expect((await owner.post(`/api/pathway/cases/${caseFile.id}/plan`, plan)).json().code).toBe("plan_already_active");

    setNow(new Date("2025-04-10T10:00:00Z"));
    const reviewed = await api.as(caseFile.owner).post(`/api/pathway/cases/${caseFile.id}/plan/reviews`, {
      version: 1,
      reviewedOn: "2025-04-10",
      notes: "Stable.",
    });
    expect(reviewed.json()).toMatchObject({
      nextReviewDueOn: "2025-07-10",
      reviews: [{ reviewedOn: "2025-04-10", notes: "Stable." }],
    });
    const reviews = await ctx.db
      .select({ status: pathwayDeadlines.status, due: pathwayDeadlines.dueLocalDate })
      .from(pathwayDeadlines)
      .where(eq(pathwayDeadlines.caseId, caseFile.id));
    expect(reviews).toEqual(
      expect.arrayContaining([
        { status: "met", due: "2025-04-30" },
        { status: "open", due: "2025-07-10" },
      ]),
    );
    const future = await api
      .as(caseFile.owner)
      .post(`/api/pathway/cases/${caseFile.id}/plan/reviews`, { version: 2, reviewedOn: "2025-12-01" });
    expect(future.status).toBe(400);
    setNow(null);
  });
});

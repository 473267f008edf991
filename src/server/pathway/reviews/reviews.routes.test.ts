import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases } from "../../db/schema.ts";
import { testApp } from "../../test/test-app.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

describe("POST /api/pathway/cases/:id/reviews", () => {
  it("refuses a panel from one organisation, chaired by the referent, or with a quorum above its size", async () => {
    const { api, ctx, make } = await testApp();
    const manager = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    const referent = await make.user({ roles: ["ase_referent"], organisationId: manager.organisationId });
    const caseFile = await make.case({ owner: manager });
    // Set directly: POST /api/cases/:id/assign hangs on PGlite (it reads through ctx.db inside its own transaction).
    await ctx.db.update(cases).set({ assignedUserId: referent.id }).where(eq(cases.id, caseFile.id));
    const colleague = await make.user({ roles: ["ase_referent"], organisationId: manager.organisationId });
    const association = await make.user({ roles: ["association_worker"], departmentCode: "93" });
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });
    const url = `/api/pathway/cases/${caseFile.id}/reviews`;
    const base = { scheduledFor: "2025-03-13T09:00:00Z", quorum: 2 };

    const sameOrganisation = await api
      .as(manager)
      .post(url, { ...base, chairUserId: colleague.id, memberUserIds: [manager.id] });
    expect(sameOrganisation.status).toBe(400);
    expect(sameOrganisation.json().code).toBe("invalid_review_panel");
    const referentChair = await api
      .as(manager)
      .post(url, { ...base, chairUserId: referent.id, memberUserIds: [association.id] });
    expect(referentChair.json().errors).toEqual([expect.objectContaining({ path: "chairUserId" })]);
    const notProfessional = await api
      .as(manager)
      .post(url, { ...base, chairUserId: association.id, memberUserIds: [analyst.id] });
    expect(notProfessional.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "memberUserIds.0" })]),
    );
    const quorum = await api
      .as(manager)
      .post(url, { ...base, quorum: 3, chairUserId: association.id, memberUserIds: [colleague.id] });
    expect(quorum.json().errors).toEqual([expect.objectContaining({ path: "quorum" })]);

    const ok = await api.as(manager).post(url, { ...base, chairUserId: association.id, memberUserIds: [colleague.id] });
    expect(ok.status).toBe(201);
    expect(ok.json().members).toHaveLength(2);
    // A panel member from outside sees the review, not the case.
    expect((await api.as(association).get(`/api/pathway/reviews/${ok.json().id}`)).status).toBe(200);
    expect((await api.as(association).get(`/api/pathway/cases/${caseFile.id}`)).status).toBe(404);
  });
});

describe("GET /api/pathway/cases/:id/review-candidates", () => {
  it("lists the département's professionals who may sit, never analysts, and marks the referent as unable to chair", async () => {
    const { api, ctx, make } = await testApp();
    const manager = await make.user({ roles: ["ase_manager"], departmentCode: "974" });
    const referent = await make.user({ roles: ["ase_referent"], organisationId: manager.organisationId });
    const caseFile = await make.case({ owner: manager });
    await ctx.db.update(cases).set({ assignedUserId: referent.id }).where(eq(cases.id, caseFile.id));
    const association = await make.user({ roles: ["association_worker"], departmentCode: "974" });
    const elsewhere = await make.user({ roles: ["association_worker"], departmentCode: "93" });
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });

    const res = await api.as(manager).get(`/api/pathway/cases/${caseFile.id}/review-candidates`);
    expect(res.status).toBe(200);
    const candidates = res.json<{ user: { id: string }; organisation: { id: string }; mayChair: boolean }[]>();
    const ids = candidates.map((c) => c.user.id);
    expect(ids).toEqual(expect.arrayContaining([manager.id, referent.id, association.id]));
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).not.toContain(analyst.id);
    expect(candidates.find((c) => c.user.id === referent.id)?.mayChair).toBe(false);
    expect(candidates.find((c) => c.user.id === association.id)?.mayChair).toBe(true);
    expect(JSON.stringify(candidates)).not.toMatch(/email|roles/);
    // Someone who may not plan a review on the case gets nothing.
    expect((await api.as(association).get(`/api/pathway/cases/${caseFile.id}/review-candidates`)).status).toBe(404);
  });
});

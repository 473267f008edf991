import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, pathwayDeadlines } from "../../db/schema.ts";
import { testApp } from "../../test/test-app.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

describe("transfers between départements", () => {
  it("hands a case over with its measures and deadlines; the sender keeps it until the receiver accepts", async () => {
    const { api, ctx, make, setNow } = await testApp();
    setNow(new Date("2025-05-02T08:00:00Z"));
    const caseFile = await make.case({ departmentCode: "93" });
    const sender = api.as(caseFile.owner);
    const receiver = await make.user({ roles: ["ase_referent"], departmentCode: "67" });
    const stranger = await make.user({ roles: ["ase_referent"], departmentCode: "69" });
    await sender.post(`/api/pathway/cases/${caseFile.id}/measures`, {
      kind: "lawyer",
      providerName: "Barreau de Bobigny",
    });

    const requested = await sender.post(`/api/pathway/cases/${caseFile.id}/transfers`, {
      toOrganisationId: receiver.organisationId,
      summary: "Jeune placée à Strasbourg pour l'éloigner du réseau.",
      contacts: [{ name: "Mme Référente", role: "Référente ASE 93", phone: "01 23 45 67 89" }],
    });
    expect(requested.status).toBe(201);
    const transfer = requested.json();
    // Friday 2 May: 5 working days in the Bas-Rhin skip the weekend and 8 May, ending Monday 12 May.
    expect(transfer.acceptanceDeadline).toMatchObject({
      dueLocalDate: "2025-05-12",
      unit: "working_days",
      source: "policy",
    });
    expect(transfer.handover.openMeasures).toEqual([expect.objectContaining({ kind: "lawyer", status: "planned" })]);
    expect(
      (
        await sender.post(`/api/pathway/cases/${caseFile.id}/transfers`, {
          toOrganisationId: receiver.organisationId,
          summary: "x",
        })
      ).json().code,
    ).toBe("transfer_already_pending");

    // The receiver reads the hand-over but not yet the case; a third team sees neither.
    expect((await api.as(receiver).get(`/api/pathway/transfers/${transfer.id}`)).json().handover.summary).toContain(
      "Strasbourg",
    );
    expect((await api.as(receiver).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
    expect((await api.as(stranger).get(`/api/pathway/transfers/${transfer.id}`)).status).toBe(404);
    expect((await api.as(stranger).post(`/api/pathway/transfers/${transfer.id}/accept`)).status).toBe(404);
    // The sender may not accept in the receiver's place.
    expect((await sender.post(`/api/pathway/transfers/${transfer.id}/accept`)).status).toBe(403);
    expect((await sender.get(`/api/cases/${caseFile.id}`)).status).toBe(200);

    const inbox = (await api.as(receiver).get("/api/pathway/inbox")).json();
    expect(inbox.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "transfer_to_decide", transferId: transfer.id })]),
    );

    setNow(new Date("2025-05-06T08:00:00Z"));
    const accepted = await api.as(receiver).post(`/api/pathway/transfers/${transfer.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "accepted", acceptanceDeadline: { status: "met" } });
    expect((await api.as(receiver).post(`/api/pathway/transfers/${transfer.id}/accept`)).status).toBe(409);

    const [row] = await ctx.db.select().from(cases).where(eq(cases.id, caseFile.id));
    expect(row).toMatchObject({ ownerOrganisationId: receiver.organisationId, departmentCode: "67" });
    // The pathway's history follows the case to its new team.
    const view = (await api.as(receiver).get(`/api/pathway/cases/${caseFile.id}`)).json();
    expect(view.measures).toHaveLength(1);
    expect(view.transfers).toEqual([expect.objectContaining({ status: "accepted" })]);
    expect((await api.as(caseFile.owner).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
    setNow(null);
  });

  it("lets the receiver decline with a reason, which cancels the acceptance deadline", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case({ departmentCode: "93" });
    const receiver = await make.user({ roles: ["ase_manager"], departmentCode: "59" });
    const transfer = (
      await api.as(caseFile.owner).post(`/api/pathway/cases/${caseFile.id}/transfers`, {
        toOrganisationId: receiver.organisationId,
        summary: "Synthèse",
      })
    ).json();
    expect((await api.as(receiver).post(`/api/pathway/transfers/${transfer.id}/decline`, {})).status).toBe(400);
    const declined = await api
      .as(receiver)
      .post(`/api/pathway/transfers/${transfer.id}/decline`, { reason: "Pas de place" });
    expect(declined.json()).toMatchObject({ status: "declined", declineReason: "Pas de place" });
    const deadlines = await ctx.db
      .select({ status: pathwayDeadlines.status })
      .from(pathwayDeadlines)
      .where(eq(pathwayDeadlines.transferId, transfer.id));
    expect(deadlines).toEqual([{ status: "cancelled" }]);
    const [row] = await ctx.db.select().from(cases).where(eq(cases.id, caseFile.id));
    expect(row?.ownerOrganisationId).toBe(caseFile.ownerOrganisationId);
  });
});

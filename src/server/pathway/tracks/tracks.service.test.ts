import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { pathwayDeadlines } from "../../db/schema.ts";
import { testApp } from "../../test/test-app.ts";
import { step } from "../pathway-test-kit.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

async function protectionPlanDeadlines(caseId: string) {
  const { ctx } = await testApp();
  return ctx.db
    .select({ status: pathwayDeadlines.status })
    .from(pathwayDeadlines)
    .where(and(eq(pathwayDeadlines.caseId, caseId), eq(pathwayDeadlines.code, "protection_plan")));
}

describe("the protection plan deadline", () => {
  it("opens when a victim is identified before any plan, not when a plan is already active", async () => {
    const { api, make } = await testApp();
    const identify = { from: "possible", to: "identified_le", reference: "PV n° 2025/00042" };

    const withoutPlan = await make.case();
    const owner = api.as(withoutPlan.owner);
    await step(owner, withoutPlan.id, "identification", { from: "none", to: "possible" });
    await step(owner, withoutPlan.id, "identification", identify);
    expect(await protectionPlanDeadlines(withoutPlan.id)).toEqual([{ status: "open" }]);

    const withPlan = await make.case();
    const planOwner = api.as(withPlan.owner);
    await step(planOwner, withPlan.id, "identification", { from: "none", to: "possible" });
    const adopted = await planOwner.post(`/api/pathway/cases/${withPlan.id}/plan`, {
      adoptedOn: new Date().toISOString().slice(0, 10),
      goals: [{ label: "Mise à l'abri" }],
    });
    expect(adopted.status).toBe(201);
    const view = await step(planOwner, withPlan.id, "identification", identify);
    expect(view.tracks.find((t) => t.track === "identification")?.state).toBe("identified_le");
    expect(await protectionPlanDeadlines(withPlan.id)).toEqual([]);
    expect(view.deadlines.filter((d) => d.status === "open").map((d) => d.code)).toEqual(["plan_review"]);
  });
});

import { SURVEY_FIGURE_KEYS, type SurveyFigures } from "@shared/observatory.ts";
import { describe, expect, it } from "vitest";
import { testApp } from "../../test/test-app.ts";
import { insertPersons } from "../observatory-fixtures.test-helper.ts";
import { refreshObservatorySnapshot } from "../snapshot/observatory-snapshot.ts";

const base = "/api/observatory/survey/campaigns";

function figures(total: number): SurveyFigures {
  const zero = Object.fromEntries(SURVEY_FIGURE_KEYS.map((key) => [key, 0])) as SurveyFigures;
  return { ...zero, total, sex_female: total, age_15_17: total, form_sexual: total };
}

describe("annual survey of associations", () => {
  it("answers 401, 403 and 400 before anything else", async () => {
    const { api, make } = await testApp();
    expect((await api.get(base)).status).toBe(401);
    const educator = await make.user({ roles: ["educator"] });
    expect((await api.as(educator).get(base)).status).toBe(403);
    const worker = await make.user({ roles: ["association_worker"] });
    expect(
      (await api.as(worker).post(base, { year: 2024, opensOn: "2025-01-01", closesOn: "2025-03-01" })).status,
    ).toBe(403);
    const analyst = await make.user({ roles: ["national_analyst"] });
    expect(
      (await api.as(analyst).post(base, { year: 2024, opensOn: "2025-03-01", closesOn: "2025-01-01" })).status,
    ).toBe(400);
  });

  it("collects, corrects, validates and consolidates without double counting", async () => {
    const { api, ctx, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    const created = await api.as(analyst).post(base, { year: 2023, opensOn: "2024-01-15", closesOn: "2024-03-31" });
    expect(created.status).toBe(201);
    const campaignId = created.json().id;
    expect(
      (await api.as(analyst).post(base, { year: 2023, opensOn: "2024-01-15", closesOn: "2024-03-31" })).json().code,
    ).toBe("survey_campaign_exists");

    const outside = await make.user({ roles: ["association_worker"], departmentCode: "93" });
    const inside = await make.user({ roles: ["association_worker"], departmentCode: "75" });
    // The second association keeps cases in Repère: its survey figures must not be added again.
    await insertPersons(
      ctx,
      inside.organisationId,
      Array.from({ length: 12 }, () => ({ departmentCode: "75", year: 2023, status: "possible" as const })),
    );
    await refreshObservatorySnapshot(ctx, { force: true });

    const inconsistent = { ...figures(20), sex_female: 5 };
    const refused = await api
      .as(outside)
      .post(`${base}/${campaignId}/response`, { departmentCode: "93", figures: inconsistent });
    expect(refused.status).toBe(400);
    expect(refused.json().code).toBe("survey_figures_inconsistent");
    const badCsv = await api
      .as(outside)
      .post(`${base}/${campaignId}/response/csv`, { csv: "categorie,effectif\ntotal,abc\n" });
    expect(badCsv.status).toBe(400);
    expect(badCsv.json().errors[0]).toMatchObject({ path: "ligne 2" });

    const csv = ["categorie,effectif", ...Object.entries(figures(30)).map(([key, value]) => `${key},${value}`)].join(
      "\n",
    );
    const sent = await api.as(outside).post(`${base}/${campaignId}/response/csv`, { csv });
    expect(sent.status).toBe(200);
    expect(sent.json().responses).toHaveLength(1);
    expect(sent.json().responses[0]).toMatchObject({ status: "submitted", departmentCode: "93" });

    const review = `${base}/${campaignId}/responses/${outside.organisationId}/review`;
    const correction = await api
      .as(analyst)
      .post(review, { decision: "request_correction", message: "Vérifiez les âges." });
    expect(correction.status).toBe(200);
    expect((await api.as(analyst).post(review, { decision: "validate" })).json().code).toBe(
      "survey_response_not_reviewable",
    );
    await api.as(outside).post(`${base}/${campaignId}/response`, { departmentCode: "93", figures: figures(30) });
    expect((await api.as(analyst).post(review, { decision: "validate" })).status).toBe(200);
    await api.as(inside).post(`${base}/${campaignId}/response`, { departmentCode: "75", figures: figures(12) });
    await api
      .as(analyst)
      .post(`${base}/${campaignId}/responses/${inside.organisationId}/review`, { decision: "validate" });

    const view = await api.as(analyst).get(`${base}/${campaignId}`);
    const statuses = Object.fromEntries(
      view
        .json()
        .responses.map((r: { organisationId: string; status: string; keepsCasesInRepere: boolean }) => [
          r.organisationId,
          [r.status, r.keepsCasesInRepere],
        ]),
    );
    expect(statuses[outside.organisationId]).toEqual(["validated", false]);
    expect(statuses[inside.organisationId]).toEqual(["validated", true]);

    const consolidation = await api.as(analyst).get(`${base}/${campaignId}/consolidation`);
    expect(consolidation.status).toBe(200);
    expect(consolidation.json()).toMatchObject({ associationsCounted: 1, associationsExcludedAsRepereUsers: 1 });
    expect(consolidation.json().fromSurvey.grandTotal.count).toBe(30);
    // Repère's side: 12 persons of one form; the protection may hide the total (it would pin the empty forms at 0).
    expect(consolidation.json().fromRepere.query.basis).toBe("possible");
    expect([12, null]).toContain(consolidation.json().fromRepere.grandTotal.count);

    // An association sees its own response only.
    const own = await api.as(inside).get(base);
    expect(own.json()[0].responses.map((r: { organisationId: string }) => r.organisationId)).toEqual([
      inside.organisationId,
    ]);
  });
});

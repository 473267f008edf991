import {
  CreateSurveyCampaignInput,
  ReviewSurveyResponseInput,
  SURVEY_RESPONSE_STATUSES,
  SubmitSurveyResponseInput,
  type SurveyCampaignStatus,
  type SurveyCampaignView,
  type SurveyConsolidationView,
  type SurveyFigures,
  type SurveyResponseStatus,
  type SurveyResponseView,
  UpdateSurveyCampaignInput,
} from "@shared/observatory.ts";
import { recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../../policy/actor.ts";
import { authorize, can } from "../../policy/policy.ts";
import { createCountTable } from "../disclosure/count-table.ts";
import { protectTable } from "../disclosure/protect-table.ts";
import { currentSnapshot, describeSnapshot } from "../snapshot/observatory-snapshot.ts";
import { presentTable } from "../tables/build-protected-table.ts";
import { loadProtectedTable } from "../tables/observatory-tables.service.ts";
import { denominatorsFrom } from "../tables/table-measures.ts";
import {
  type CampaignRow,
  findCampaign,
  findResponse,
  insertCampaign,
  listAssociationsWithResponses,
  listCampaigns,
  type ResponseRow,
  reviewResponse,
  setCampaignStatus,
  upsertResponse,
} from "./survey.queries.ts";
import { checkSurveyFigures, parseSurveyCsv } from "./survey-figures.ts";

function presentResponse(
  organisation: { organisationId: string; organisationName: string; keepsCasesInRepere: boolean },
  response: ResponseRow | null,
): SurveyResponseView {
  return {
    organisationId: organisation.organisationId,
    organisationName: organisation.organisationName,
    departmentCode: response?.departmentCode ?? null,
    status: (response?.status as SurveyResponseStatus | undefined) ?? "not_started",
    keepsCasesInRepere: organisation.keepsCasesInRepere,
    figures: (response?.figures as SurveyFigures | undefined) ?? null,
    correctionMessage: response?.correctionMessage ?? null,
    submittedAt: response?.submittedAt.toISOString() ?? null,
    reviewedAt: response?.reviewedAt?.toISOString() ?? null,
  };
}

/** The campaign as the actor may see it: every association for analysts, one's own association otherwise. */
async function presentCampaign(ctx: AppContext, actor: Actor, campaign: CampaignRow): Promise<SurveyCampaignView> {
  const rows = await listAssociationsWithResponses(ctx.db, campaign.id);
  const seesAll = can(actor, "survey.manage");
  const visible = rows.filter(
    (row) => seesAll || (actor.kind === "user" && row.organisationId === actor.organisationId),
  );
  const responses = visible.map((row) => presentResponse(row, row.response));
  const counts = Object.fromEntries(SURVEY_RESPONSE_STATUSES.map((status) => [status, 0])) as Record<
    SurveyResponseStatus,
    number
  >;
  for (const response of responses) counts[response.status]++;
  return {
    id: campaign.id,
    year: campaign.year,
    status: campaign.status as SurveyCampaignStatus,
    opensOn: campaign.opensOn,
    closesOn: campaign.closesOn,
    responses,
    counts,
  };
}

async function getCampaign(ctx: AppContext, id: string): Promise<CampaignRow> {
  const campaign = await findCampaign(ctx.db, id);
  if (!campaign) throw new AppError("not_found", 404);
  return campaign;
}

export async function createSurveyCampaign(ctx: AppContext, actor: Actor, input: unknown) {
  authorize(actor, "survey.manage");
  const { year, opensOn, closesOn } = CreateSurveyCampaignInput.parse(input);
  const campaign = await insertCampaign(ctx.db, {
    year,
    opensOn,
    closesOn,
    createdByUserId: actor.kind === "user" ? actor.userId : null,
  });
  if (!campaign) throw new AppError("survey_campaign_exists", 409);
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "survey.manage",
    targetType: "survey_campaign",
    targetId: campaign.id,
    details: { year, step: "create" },
  });
  return presentCampaign(ctx, actor, campaign);
}

/** Analysts: every campaign. Associations: the open ones, with their own response. */
export async function listSurveyCampaigns(ctx: AppContext, actor: Actor): Promise<SurveyCampaignView[]> {
  authorize(actor, "survey.read");
  const campaigns = (await listCampaigns(ctx.db)).filter(
    (campaign) => can(actor, "survey.manage") || campaign.status === "open",
  );
  return Promise.all(campaigns.map((campaign) => presentCampaign(ctx, actor, campaign)));
}

export async function getSurveyCampaign(ctx: AppContext, actor: Actor, id: string): Promise<SurveyCampaignView> {
  authorize(actor, "survey.manage");
  return presentCampaign(ctx, actor, await getCampaign(ctx, id));
}

export async function updateSurveyCampaign(ctx: AppContext, actor: Actor, id: string, input: unknown) {
  authorize(actor, "survey.manage");
  const { status } = UpdateSurveyCampaignInput.parse(input);
  const campaign = await getCampaign(ctx, id);
  await setCampaignStatus(ctx.db, id, status);
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "survey.manage",
    targetType: "survey_campaign",
    targetId: id,
    details: { step: status },
  });
  return presentCampaign(ctx, actor, { ...campaign, status });
}

/** Validation or a correction request: only a response transmitted and not yet decided can be examined. */
export async function reviewSurveyResponse(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  input: unknown,
) {
  authorize(actor, "survey.manage");
  const decision = ReviewSurveyResponseInput.parse(input);
  const campaign = await getCampaign(ctx, campaignId);
  const response = await findResponse(ctx.db, campaignId, organisationId);
  if (!response) throw new AppError("not_found", 404);
  if (response.status !== "submitted") throw new AppError("survey_response_not_reviewable", 409);
  await reviewResponse(ctx.db, response.id, {
    status: decision.decision === "validate" ? "validated" : "correction_requested",
    correctionMessage: decision.decision === "validate" ? null : decision.message,
    reviewedByUserId: actor.kind === "user" ? actor.userId : null,
    reviewedAt: ctx.now(),
  });
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "survey.manage",
    targetType: "survey_response",
    targetId: response.id,
    details: { step: decision.decision },
  });
  return presentCampaign(ctx, actor, campaign);
}

/** An association's figures, as JSON or as the CSV form; a new submission replaces a correction request. */
export async function submitSurveyResponse(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  input: unknown,
  csv?: { text: string },
): Promise<SurveyCampaignView> {
  authorize(actor, "survey.respond");
  if (actor.kind !== "user") throw new AppError("forbidden", 403);
  let parsed: SubmitSurveyResponseInput;
  if (csv) {
    const { figures, errors } = parseSurveyCsv(csv.text);
    if (!figures) throw new AppError("invalid_input", 400, "Le fichier d'enquête contient des erreurs.", errors);
    // The CSV form carries figures only: the association's own département is where it works.
    parsed = SubmitSurveyResponseInput.parse({ departmentCode: actor.departmentCode, figures });
  } else parsed = SubmitSurveyResponseInput.parse(input);
  const errors = checkSurveyFigures(parsed.figures);
  if (errors.length > 0) throw new AppError("survey_figures_inconsistent", 400, undefined, errors);
  const campaign = await getCampaign(ctx, campaignId);
  if (campaign.status !== "open") throw new AppError("survey_campaign_not_open", 409);
  const existing = await findResponse(ctx.db, campaignId, actor.organisationId);
  if (existing?.status === "validated") throw new AppError("survey_response_not_reviewable", 409);
  await upsertResponse(ctx.db, {
    campaignId,
    organisationId: actor.organisationId,
    departmentCode: parsed.departmentCode,
    status: "submitted",
    figures: parsed.figures,
    comment: parsed.comment ?? null,
    submittedByUserId: actor.userId,
    submittedAt: ctx.now(),
  });
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "survey.respond",
    targetType: "survey_campaign",
    targetId: campaignId,
    details: { total: parsed.figures.total },
  });
  return presentCampaign(ctx, actor, campaign);
}

const FORM_OF: Record<string, string> = {
  form_sexual: "sexual",
  form_labour: "labour",
  form_domestic: "domestic",
  form_criminal: "criminal",
  form_begging: "begging",
  form_other: "other",
  form_multiple_or_unknown: "multiple",
};

/**
 * Repère's persons of the year beside the validated survey figures, by form. Associations that keep cases in
 * Repère are left out of the survey side: their young people are already counted, once, through their cases.
 */
export async function consolidateSurvey(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
): Promise<SurveyConsolidationView> {
  authorize(actor, "survey.manage");
  const campaign = await getCampaign(ctx, campaignId);
  const snapshot = await currentSnapshot(ctx);
  const query = {
    dimensions: ["exploitation_family" as const],
    from: campaign.year,
    to: campaign.year,
    basis: "possible" as const,
    measure: "count" as const,
    filters: {},
  };
  const fromRepere = (await loadProtectedTable(ctx, query, snapshot)).view;
  const rows = await listAssociationsWithResponses(ctx.db, campaign.id);
  const validated = rows.filter((row) => row.response?.status === "validated");
  const counted = validated.filter((row) => !row.keepsCasesInRepere);
  const categories = ["sexual", "labour", "domestic", "criminal", "begging", "other", "multiple"];
  const sums = new Map(categories.map((category) => [category, 0]));
  for (const row of counted) {
    for (const [key, category] of Object.entries(FORM_OF)) {
      sums.set(category, (sums.get(category) ?? 0) + Number(row.response?.figures[key] ?? 0));
    }
  }
  const table = createCountTable(
    [{ name: "exploitation_family", categories }],
    [...sums].map(([category, count]) => ({ categories: [category], count })),
  );
  const fromSurvey = presentTable(query, protectTable(table), {
    snapshot: describeSnapshot(snapshot),
    denominators: denominatorsFrom([]),
    queryKey: `survey:${campaign.id}`,
    now: ctx.now(),
    units: null,
    notes: ["Chiffres agrégés déclarés par les associations qui ne tiennent pas leurs dossiers dans Repère."],
  });
  return {
    campaignId: campaign.id,
    year: campaign.year,
    fromRepere,
    fromSurvey: { ...fromSurvey, title: `Enquête annuelle auprès des associations, ${campaign.year}` },
    associationsCounted: counted.length,
    associationsExcludedAsRepereUsers: validated.length - counted.length,
    note:
      "Les deux sources ne s'additionnent pas sans précaution : une même personne peut être accompagnée par une " +
      "association enquêtée et suivie dans Repère par un autre service. Les associations qui tiennent des dossiers " +
      "dans Repère ne sont comptées qu'à travers ces dossiers.",
  };
}

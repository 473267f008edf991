import {
  CreateSurveyCampaignInput,
  ReviewSurveyResponseInput,
  SubmitSurveyResponseInput,
  UpdateSurveyCampaignInput,
} from "@shared/observatory.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { actorOf } from "../../http/route-config.ts";
import {
  consolidateSurvey,
  createSurveyCampaign,
  getSurveyCampaign,
  listSurveyCampaigns,
  reviewSurveyResponse,
  submitSurveyResponse,
  updateSurveyCampaign,
} from "./survey.service.ts";

const tags = ["observatoire"];
const base = "/api/observatory/survey/campaigns";
const IdParams = z.strictObject({ id: z.uuid("Identifiant invalide.") });
const ReviewParams = IdParams.extend({ organisationId: z.uuid("Identifiant invalide.") });

export const surveyRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    base,
    {
      config: { policy: "survey.read" },
      schema: { tags, summary: "Campagnes de l'enquête annuelle des associations" },
    },
    async (request) => listSurveyCampaigns(ctx, actorOf(request)),
  );
  app.post(
    base,
    {
      config: { policy: "survey.manage" },
      schema: { tags, summary: "Ouvrir la campagne d'une année", body: CreateSurveyCampaignInput },
    },
    async (request, reply) => reply.status(201).send(await createSurveyCampaign(ctx, actorOf(request), request.body)),
  );
  app.get(
    `${base}/:id`,
    {
      config: { policy: "survey.manage" },
      schema: { tags, summary: "Une campagne et l'état des réponses", params: IdParams },
    },
    async (request) => getSurveyCampaign(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { policy: "survey.manage" },
      schema: { tags, summary: "Clore ou consolider une campagne", params: IdParams, body: UpdateSurveyCampaignInput },
    },
    async (request) => updateSurveyCampaign(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    `${base}/:id/responses/:organisationId/review`,
    {
      config: { policy: "survey.manage" },
      schema: {
        tags,
        summary: "Valider une réponse ou demander une correction",
        params: ReviewParams,
        body: ReviewSurveyResponseInput,
      },
    },
    async (request) =>
      reviewSurveyResponse(ctx, actorOf(request), request.params.id, request.params.organisationId, request.body),
  );
  app.get(
    `${base}/:id/consolidation`,
    {
      config: { policy: "survey.manage" },
      schema: { tags, summary: "Consolidation nationale sans double compte", params: IdParams },
    },
    async (request) => consolidateSurvey(ctx, actorOf(request), request.params.id),
  );
  app.post(
    `${base}/:id/response`,
    {
      config: { policy: "survey.respond" },
      schema: {
        tags,
        summary: "Transmettre les chiffres de son association",
        params: IdParams,
        body: SubmitSurveyResponseInput,
      },
    },
    async (request) => submitSurveyResponse(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    `${base}/:id/response/csv`,
    {
      config: { policy: "survey.respond" },
      schema: {
        tags,
        summary: "Transmettre ses chiffres par fichier CSV (categorie,effectif)",
        params: IdParams,
        body: z.strictObject({ csv: z.string().max(20_000) }),
      },
    },
    async (request) =>
      submitSurveyResponse(ctx, actorOf(request), request.params.id, undefined, { text: request.body.csv }),
  );
};

import { QualificationInput } from "@shared/qualification/qualification-input.ts";
import { ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import { AttachPreCaseInput, SignalementInput, UpdateCaseActionInput } from "@shared/screenings.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { actorOf } from "../http/route-config.ts";
import {
  attachPreCaseToCase,
  createPreCase,
  generateSignalement,
  getPreCase,
  listRequiredActions,
  listScreenings,
  recordCaseQualification,
  recordCaseScreening,
  updateRequiredAction,
} from "./screenings.service.ts";

const tags = ["identification"];
const IdParams = z.strictObject({ id: z.uuid("Identifiant invalide.") });
const ActionParams = IdParams.extend({ code: z.string().regex(/^[a-z_]{2,60}$/, "Action inconnue.") });

export const screeningRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/cases/:id/screenings",
    {
      config: { policy: "screening.record" },
      schema: {
        tags,
        summary: "Enregistrer un repérage (grille GRR) sur un dossier",
        params: IdParams,
        body: ScreeningSubmission,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCaseScreening(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/cases/:id/screenings",
    {
      config: { policy: "screening.read" },
      schema: { tags, summary: "Repérages d'un dossier (lecture journalisée)", params: IdParams },
    },
    async (request) => listScreenings(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/pre-cases",
    {
      config: { policy: "pre_case.create" },
      schema: { tags, summary: "Repérage anonyme : créer un pré-dossier sans identité", body: ScreeningSubmission },
    },
    async (request, reply) => reply.status(201).send(await createPreCase(ctx, actorOf(request), request.body)),
  );
  app.get(
    "/api/pre-cases/:id",
    {
      config: { policy: "pre_case.read" },
      schema: { tags, summary: "Un pré-dossier et ses repérages", params: IdParams },
    },
    async (request) => getPreCase(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/pre-cases/:id/attach",
    {
      config: { policy: "pre_case.attach" },
      schema: { tags, summary: "Rattacher un pré-dossier à un dossier", params: IdParams, body: AttachPreCaseInput },
    },
    async (request) => attachPreCaseToCase(ctx, actorOf(request), request.params.id, request.body.caseId),
  );
  app.post(
    "/api/cases/:id/qualifications",
    {
      config: { policy: "case.record_qualification" },
      schema: {
        tags,
        summary: "Enregistrer la qualification juridique des faits sur un dossier",
        params: IdParams,
        body: QualificationInput,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordCaseQualification(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/cases/:id/actions",
    {
      config: { policy: "case.read_actions" },
      schema: { tags, summary: "Actions requises par la loi sur un dossier, avec échéances", params: IdParams },
    },
    async (request) => listRequiredActions(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    "/api/cases/:id/actions/:code",
    {
      config: { policy: "case.update_action" },
      schema: {
        tags,
        summary: "Marquer une action comme faite ou sans objet",
        params: ActionParams,
        body: UpdateCaseActionInput,
      },
    },
    async (request) =>
      updateRequiredAction(ctx, actorOf(request), request.params.id, request.params.code, {
        ...request.body.update,
        version: request.body.version,
      }),
  );
  app.post(
    "/api/cases/:id/signalement",
    {
      config: { policy: "case.signalement" },
      schema: {
        tags,
        summary: "Générer le signalement au parquet (PDF, jamais stocké)",
        params: IdParams,
        body: SignalementInput,
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await generateSignalement(ctx, actorOf(request), request.params.id, request.body);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );
};

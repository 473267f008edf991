import { DeadlineOverrides } from "@shared/calendar/deadline-rules.ts";
import {
  AdoptPlanInput,
  CreateMeasureInput,
  CreateReviewInput,
  DecideReviewInput,
  DeclareConflictInput,
  DeclineTransferInput,
  InboxQuery,
  RequestTransferInput,
  ReviewPlanInput,
  TrackParam,
  TransitionInput,
  UpdateMeasureInput,
} from "@shared/pathway.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { actorOf } from "../http/route-config.ts";
import { getDeadlineOverrides, setDeadlineOverrides } from "./deadlines/deadline-overrides.service.ts";
import { getInbox, readNotification } from "./inbox/inbox.service.ts";
import { recordMeasure, updateMeasure } from "./measures/measures.service.ts";
import { adoptPlan, reviewPlan } from "./measures/plan.service.ts";
import { getPathway } from "./pathway.service.ts";
import {
  createReview,
  decideReview,
  declareConflict,
  getReview,
  listReviewCandidates,
} from "./reviews/reviews.service.ts";
import { recordStep } from "./tracks/tracks.service.ts";
import {
  acceptTransfer,
  declineTransfer,
  getTransfer,
  requestTransfer,
  withdrawTransfer,
} from "./transfers/transfers.service.ts";

const tags = ["parcours"];
const IdParams = z.strictObject({ id: z.uuid("Identifiant invalide.") });
const TrackParams = IdParams.extend({ track: TrackParam });
const DepartmentParams = z.strictObject({ departmentCode: z.string().min(2).max(3) });

export const pathwayRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/pathway/inbox",
    { config: { policy: "pathway.inbox" }, schema: { tags, summary: "À traiter", querystring: InboxQuery } },
    async (request) => getInbox(ctx, actorOf(request), request.query.scope),
  );
  app.post(
    "/api/pathway/notifications/:id/read",
    {
      config: { policy: "pathway.read_notification" },
      schema: { tags, summary: "Marquer une notification comme lue", params: IdParams },
    },
    async (request, reply) => {
      await readNotification(ctx, actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/pathway/cases/:id",
    {
      config: { policy: "pathway.read" },
      schema: { tags, summary: "Parcours de protection d'un dossier", params: IdParams },
    },
    async (request) => getPathway(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/pathway/cases/:id/tracks/:track/transitions",
    {
      config: { policy: "pathway.transition" },
      schema: { tags, summary: "Franchir une étape d'un parcours", params: TrackParams, body: TransitionInput },
    },
    async (request) => recordStep(ctx, actorOf(request), request.params.id, request.params.track, request.body),
  );

  app.post(
    "/api/pathway/cases/:id/measures",
    {
      config: { policy: "pathway.record_measure" },
      schema: { tags, summary: "Enregistrer une mesure de protection", params: IdParams, body: CreateMeasureInput },
    },
    async (request, reply) =>
      reply.status(201).send(await recordMeasure(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/pathway/measures/:id",
    {
      config: { policy: "pathway.update_measure" },
      schema: { tags, summary: "Modifier une mesure de protection", params: IdParams, body: UpdateMeasureInput },
    },
    async (request) => updateMeasure(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/pathway/cases/:id/plan",
    {
      config: { policy: "pathway.adopt_plan" },
      schema: { tags, summary: "Adopter le plan de protection", params: IdParams, body: AdoptPlanInput },
    },
    async (request, reply) =>
      reply.status(201).send(await adoptPlan(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/pathway/cases/:id/plan/reviews",
    {
      config: { policy: "pathway.review_plan" },
      schema: { tags, summary: "Réviser le plan de protection", params: IdParams, body: ReviewPlanInput },
    },
    async (request) => reviewPlan(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/pathway/cases/:id/reviews",
    {
      config: { policy: "pathway.create_review" },
      schema: { tags, summary: "Organiser un examen pluridisciplinaire", params: IdParams, body: CreateReviewInput },
    },
    async (request, reply) =>
      reply.status(201).send(await createReview(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/pathway/cases/:id/review-candidates",
    {
      config: { policy: "pathway.create_review" },
      schema: { tags, summary: "Professionnels pouvant siéger à l'examen d'un dossier", params: IdParams },
    },
    async (request) => listReviewCandidates(ctx, actorOf(request), request.params.id),
  );
  app.get(
    "/api/pathway/reviews/:id",
    {
      config: { policy: "pathway.read_review" },
      schema: { tags, summary: "Un examen pluridisciplinaire", params: IdParams },
    },
    async (request) => getReview(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/pathway/reviews/:id/conflict",
    {
      config: { policy: "pathway.declare_conflict" },
      schema: { tags, summary: "Déclarer ses conflits d'intérêts", params: IdParams, body: DeclareConflictInput },
    },
    async (request) => declareConflict(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/pathway/reviews/:id/decision",
    {
      config: { policy: "pathway.decide_review" },
      schema: { tags, summary: "Consigner la décision de l'examen", params: IdParams, body: DecideReviewInput },
    },
    async (request) => decideReview(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    "/api/pathway/cases/:id/transfers",
    {
      config: { policy: "pathway.request_transfer" },
      schema: {
        tags,
        summary: "Demander le transfert vers un autre département",
        params: IdParams,
        body: RequestTransferInput,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await requestTransfer(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/pathway/transfers/:id",
    {
      config: { policy: "pathway.read_transfer" },
      schema: { tags, summary: "Un transfert et sa fiche de liaison", params: IdParams },
    },
    async (request) => getTransfer(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/pathway/transfers/:id/accept",
    {
      config: { policy: "pathway.decide_transfer" },
      schema: { tags, summary: "Accepter un transfert", params: IdParams },
    },
    async (request) => acceptTransfer(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/pathway/transfers/:id/decline",
    {
      config: { policy: "pathway.decide_transfer" },
      schema: { tags, summary: "Refuser un transfert", params: IdParams, body: DeclineTransferInput },
    },
    async (request) => declineTransfer(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/pathway/transfers/:id/withdraw",
    {
      config: { policy: "pathway.withdraw_transfer" },
      schema: { tags, summary: "Retirer une demande de transfert", params: IdParams },
    },
    async (request) => withdrawTransfer(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/pathway/deadline-rules/:departmentCode",
    {
      config: { policy: "pathway.read_deadline_overrides" },
      schema: { tags, summary: "Échéances appliquées dans un département", params: DepartmentParams },
    },
    async (request) => getDeadlineOverrides(ctx, actorOf(request), request.params.departmentCode),
  );
  app.post(
    "/api/pathway/deadline-rules/:departmentCode",
    {
      config: { policy: "pathway.set_deadline_overrides" },
      schema: {
        tags,
        summary: "Remplacer les ajustements d'échéances d'un département",
        params: DepartmentParams,
        body: DeadlineOverrides,
      },
    },
    async (request) => setDeadlineOverrides(ctx, actorOf(request), request.params.departmentCode, request.body),
  );
};

import {
  AddNoteInput,
  AssignCaseInput,
  CaseListQuery,
  CloseCaseInput,
  CreateCaseInput,
  CreateShareInput,
  EmergencyAccessInput,
  IDEMPOTENCY_HEADER,
  IdempotencyKey,
  RecordVictimStatusInput,
  ReopenCaseInput,
  TransferCaseInput,
  UpdateCaseInput,
  UpdateIdentityInput,
} from "@shared/cases.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { AppError } from "../http/errors.ts";
import { actorOf } from "../http/route-config.ts";
import { decideLink, listLinkProposals } from "./case-links.service.ts";
import {
  listEmergencyAccessesForReview,
  listShares,
  markEmergencyAccessAsReviewed,
  requestEmergencyAccess,
  revokeShare,
  shareCase,
  transferCase,
} from "./case-sharing.service.ts";
import { exportSubjectAccess } from "./case-subject-access.ts";
import { addNote, getTimeline } from "./case-timeline.service.ts";
import {
  assignCase,
  closeCase,
  createCase,
  getCase,
  listCaseAssignees,
  listCases,
  recordVictimStatus,
  reopenCase,
  revealIdentity,
  updateCaseIdentity,
  updateCaseProfile,
} from "./cases.service.ts";

const tags = ["dossiers"];
const IdParams = z.strictObject({ id: z.uuid("Identifiant invalide.") });
const ShareParams = IdParams.extend({ shareId: z.uuid("Identifiant invalide.") });
const ReviewQuery = z.strictObject({ unreviewed: z.enum(["true", "false"]).optional() });

function idempotencyKeyOf(headers: Record<string, unknown>): string | undefined {
  const raw = headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const parsed = IdempotencyKey.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("invalid_input", 400, undefined, [
      { path: "headers.idempotency-key", message: "Clé d'idempotence invalide." },
    ]);
  }
  return parsed.data;
}

export const caseRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/cases",
    {
      config: { policy: "case.list" },
      schema: { tags, summary: "Dossiers que je peux consulter", querystring: CaseListQuery },
    },
    async (request) => listCases(ctx, actorOf(request), request.query),
  );
  app.post(
    "/api/cases",
    {
      config: { policy: "case.create" },
      schema: { tags, summary: "Créer un dossier (en-tête Idempotency-Key conseillé)", body: CreateCaseInput },
    },
    async (request, reply) => {
      const { created, view } = await createCase(
        ctx,
        actorOf(request),
        request.body,
        idempotencyKeyOf(request.headers),
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    "/api/cases/link-proposals",
    {
      config: { policy: "case.list_link_proposals" },
      schema: { tags, summary: "Rapprochements proposés avec d'autres organisations" },
    },
    async (request) => listLinkProposals(ctx, actorOf(request)),
  );
  app.post(
    "/api/cases/link-proposals/:id/confirm",
    {
      config: { policy: "case.decide_link" },
      schema: { tags, summary: "Confirmer un rapprochement", params: IdParams },
    },
    async (request) => decideLink(ctx, actorOf(request), request.params.id, "confirmed"),
  );
  app.post(
    "/api/cases/link-proposals/:id/reject",
    { config: { policy: "case.decide_link" }, schema: { tags, summary: "Rejeter un rapprochement", params: IdParams } },
    async (request) => decideLink(ctx, actorOf(request), request.params.id, "rejected"),
  );

  app.post(
    "/api/cases/emergency-access",
    {
      config: { policy: "case.emergency_access" },
      schema: { tags, summary: "Accès d'urgence à un dossier (motif écrit, 4 h)", body: EmergencyAccessInput },
    },
    async (request, reply) => reply.status(201).send(await requestEmergencyAccess(ctx, actorOf(request), request.body)),
  );
  app.get(
    "/api/cases/emergency-accesses",
    {
      config: { policy: "case.review_emergency_access" },
      schema: { tags, summary: "Accès d'urgence à examiner", querystring: ReviewQuery },
    },
    async (request) =>
      listEmergencyAccessesForReview(ctx, actorOf(request), { unreviewedOnly: request.query.unreviewed === "true" }),
  );
  app.post(
    "/api/cases/emergency-accesses/:id/review",
    {
      config: { policy: "case.review_emergency_access" },
      schema: { tags, summary: "Marquer un accès d'urgence comme examiné", params: IdParams },
    },
    async (request) => markEmergencyAccessAsReviewed(ctx, actorOf(request), request.params.id),
  );

  app.get(
    "/api/cases/:id",
    { config: { policy: "case.read" }, schema: { tags, summary: "Un dossier (sans l'identité)", params: IdParams } },
    async (request) => getCase(ctx, actorOf(request), request.params.id),
  );
  app.patch(
    "/api/cases/:id",
    {
      config: { policy: "case.update" },
      schema: { tags, summary: "Modifier le profil", params: IdParams, body: UpdateCaseInput },
    },
    async (request) => updateCaseProfile(ctx, actorOf(request), request.params.id, request.body),
  );
  app.patch(
    "/api/cases/:id/identity",
    {
      config: { policy: "case.update_identity" },
      schema: { tags, summary: "Modifier l'identité", params: IdParams, body: UpdateIdentityInput },
    },
    async (request) => updateCaseIdentity(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/cases/:id/identity/reveal",
    {
      config: { policy: "case.reveal_identity" },
      schema: { tags, summary: "Afficher l'identité (journalisé)", params: IdParams },
    },
    async (request) => revealIdentity(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/close",
    {
      config: { policy: "case.close" },
      schema: { tags, summary: "Clore le dossier", params: IdParams, body: CloseCaseInput },
    },
    async (request) => closeCase(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/cases/:id/reopen",
    {
      config: { policy: "case.reopen" },
      schema: { tags, summary: "Rouvrir le dossier", params: IdParams, body: ReopenCaseInput },
    },
    async (request) => reopenCase(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/cases/:id/assign",
    {
      config: { policy: "case.assign" },
      schema: { tags, summary: "Désigner le référent ASE", params: IdParams, body: AssignCaseInput },
    },
    async (request) => assignCase(ctx, actorOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/cases/:id/assignees",
    {
      config: { policy: "case.list_assignees" },
      schema: { tags, summary: "Qui peut être désigné référent du dossier", params: IdParams },
    },
    async (request) => listCaseAssignees(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/victim-statuses",
    {
      config: { policy: "case.record_victim_status" },
      schema: { tags, summary: "Enregistrer un statut de victime", params: IdParams, body: RecordVictimStatusInput },
    },
    async (request, reply) =>
      reply.status(201).send(await recordVictimStatus(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/cases/:id/timeline",
    {
      config: { policy: "case.read_timeline" },
      schema: { tags, summary: "Chronologie du dossier (journalisé)", params: IdParams },
    },
    async (request) => getTimeline(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/notes",
    {
      config: { policy: "case.add_note" },
      schema: { tags, summary: "Ajouter une note", params: IdParams, body: AddNoteInput },
    },
    async (request, reply) =>
      reply.status(201).send(await addNote(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/cases/:id/shares",
    { config: { policy: "case.list_shares" }, schema: { tags, summary: "Partages du dossier", params: IdParams } },
    async (request) => listShares(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/shares",
    {
      config: { policy: "case.share" },
      schema: { tags, summary: "Partager le dossier", params: IdParams, body: CreateShareInput },
    },
    async (request, reply) =>
      reply.status(201).send(await shareCase(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/cases/:id/shares/:shareId/revoke",
    { config: { policy: "case.revoke_share" }, schema: { tags, summary: "Révoquer un partage", params: ShareParams } },
    async (request) => revokeShare(ctx, actorOf(request), request.params.id, request.params.shareId),
  );
  app.post(
    "/api/cases/:id/transfer",
    {
      config: { policy: "case.transfer" },
      schema: {
        tags,
        summary: "Transférer le dossier à une autre organisation",
        params: IdParams,
        body: TransferCaseInput,
      },
    },
    async (request) => ({ case: await transferCase(ctx, actorOf(request), request.params.id, request.body) }),
  );
  app.post(
    "/api/cases/:id/subject-access-export",
    {
      config: { policy: "case.export_subject" },
      schema: { tags, summary: "Droit d'accès : tout ce que Repère détient sur la personne", params: IdParams },
    },
    async (request) => exportSubjectAccess(ctx, actorOf(request), request.params.id),
  );
};

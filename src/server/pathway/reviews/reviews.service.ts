import { REVIEW_MIN_ORGANISATIONS, type ReviewOutcome, type ReviewStatus } from "@shared/pathway/reviews.ts";
import type {
  CreateReviewInput,
  DecideReviewInput,
  DeclareConflictInput,
  ReviewCandidateView,
  ReviewView,
} from "@shared/pathway.ts";
import type { FieldError } from "@shared/problem.ts";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { loadCase } from "../../cases/load-case.ts";
import { organisationRef } from "../../cases/present-case.ts";
import { openJson, sealAad, sealJson } from "../../cases/sealed.ts";
import type { AppContext } from "../../context.ts";
import type { Executor, Tx } from "../../db/connection.ts";
import { AppError, notFound } from "../../http/errors.ts";
import type { UserActor } from "../../policy/actor.ts";
import { authorize, can, mayAttempt, type PathwayReviewTarget } from "../../policy/policy.ts";
import { queueMail } from "../notifications/mail.ts";
import { insertNotification } from "../notifications/notifications.queries.ts";
import { listActiveUsersOfDepartment, listUsersWithOrganisation } from "../pathway.queries.ts";
import { appendPathwayTimelineEntry, assertCaseOpen, getPathwayCase } from "../pathway-case.ts";
import { currentTrackState } from "../tracks/track-steps.ts";
import { listTracksOfCase } from "../tracks/tracks.queries.ts";
import { applyStep } from "../tracks/tracks.service.ts";
import { actorOfUser } from "../user-actor.ts";
import {
  findReview,
  insertReview,
  listReviewMembers,
  markPresence,
  type ReviewRow,
  updateMember,
  updateReview,
} from "./reviews.queries.ts";

const reviewAad = (id: string, column: "reasons_enc" | "minutes_enc") => sealAad("pathway_reviews", column, id);
const conflictAad = (reviewId: string, userId: string) =>
  sealAad("pathway_review_members", "conflict_note_enc", `${reviewId}:${userId}`);

const panelError = (errors: FieldError[]) => new AppError("invalid_review_panel", 400, undefined, errors);

/**
 * Plans a presumed-victim review. The panel must hold members of at least two organisations, all professionals who
 * may sit on one; the chair may not be the case's referent (who brings the case, and should not judge it).
 */
export async function createReview(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: z.output<typeof CreateReviewInput>,
): Promise<ReviewView> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.create_review", tx);
    assertCaseOpen(loaded);
    const memberIds = [...new Set([input.chairUserId, ...input.memberUserIds])];
    const referringUserId = input.referringUserId ?? actor.userId;
    const users = await listUsersWithOrganisation(tx, [...memberIds, referringUserId]);
    const errors: FieldError[] = [];
    memberIds.forEach((id, i) => {
      const user = users.find((u) => u.id === id);
      if (!user || !mayAttempt(actorOfUser(user), "pathway.read_review")) {
        errors.push({
          path: i === 0 ? "chairUserId" : `memberUserIds.${i - 1}`,
          message: "Ce professionnel ne peut pas siéger.",
        });
      }
    });
    if (!users.some((u) => u.id === referringUserId)) {
      errors.push({ path: "referringUserId", message: "Professionnel inconnu." });
    }
    if (input.chairUserId === loaded.record.case.assignedUserId) {
      errors.push({ path: "chairUserId", message: "Le ou la référente du dossier ne peut pas présider l'examen." });
    }
    const panel = users.filter((u) => memberIds.includes(u.id));
    if (new Set(panel.map((u) => u.organisation.id)).size < REVIEW_MIN_ORGANISATIONS) {
      errors.push({ path: "memberUserIds", message: "Le panel doit réunir au moins deux organisations." });
    }
    if (input.quorum > memberIds.length) {
      errors.push({ path: "quorum", message: "Le quorum dépasse le nombre de membres." });
    }
    if (errors.length > 0) throw panelError(errors);

    const id = crypto.randomUUID();
    const now = ctx.now();
    await insertReview(
      tx,
      {
        id,
        caseId,
        scheduledFor: new Date(input.scheduledFor),
        chairUserId: input.chairUserId,
        quorum: input.quorum,
        referringUserId,
        createdByUserId: actor.userId,
        createdAt: now,
      },
      panel.map((u) => ({
        reviewId: id,
        userId: u.id,
        organisationId: u.organisation.id,
        isChair: u.id === input.chairUserId,
      })),
    );
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.create_review",
      targetType: "pathway_review",
      targetId: id,
      caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, members: memberIds.length, quorum: input.quorum },
    });
    return presentReview(ctx, tx, actor, (await findReview(tx, id)) as ReviewRow, loaded.record.case.number);
  });
}

async function loadReview(ctx: AppContext, db: Executor, reviewId: string, forUpdate = false) {
  const review = await findReview(db, reviewId, forUpdate);
  if (!review) throw notFound();
  const loaded = await loadCase(ctx, db, review.caseId);
  if (!loaded) throw notFound();
  const members = await listReviewMembers(db, reviewId);
  const target: PathwayReviewTarget = {
    kind: "pathway_review",
    id: review.id,
    chairUserId: review.chairUserId,
    memberUserIds: members.map((m) => m.member.userId),
    departmentCode: loaded.record.case.departmentCode,
    case: loaded.target,
  };
  return { review, loaded, members, target };
}

async function presentReview(
  ctx: AppContext,
  db: Executor,
  actor: UserActor,
  review: ReviewRow,
  caseNumber: string,
): Promise<ReviewView> {
  const members = await listReviewMembers(db, review.id);
  const referring = review.referringUserId
    ? (await listUsersWithOrganisation(db, [review.referringUserId]))[0]
    : undefined;
  const open = (sealed: ReviewRow["reasonsEnc"], column: "reasons_enc" | "minutes_enc") =>
    sealed ? openJson<string>(ctx.keys.data, sealed, reviewAad(review.id, column)) : null;
  const loaded = await loadCase(ctx, db, review.caseId);
  const reviewTarget: PathwayReviewTarget | null = loaded
    ? {
        kind: "pathway_review",
        id: review.id,
        chairUserId: review.chairUserId,
        memberUserIds: members.map((m) => m.member.userId),
        departmentCode: loaded.record.case.departmentCode,
        case: loaded.target,
      }
    : null;
  return {
    id: review.id,
    caseId: review.caseId,
    caseNumber,
    status: review.status as ReviewStatus,
    scheduledFor: review.scheduledFor.toISOString(),
    quorum: review.quorum,
    members: members.map((m) => ({
      user: m.user,
      organisation: organisationRef(m.organisation),
      isChair: m.member.isChair,
      hasConflict: m.member.hasConflict,
      isPresent: m.member.isPresent,
    })),
    referringUser: referring ? { id: referring.id, displayName: referring.displayName } : null,
    outcome: (review.outcome as ReviewOutcome | null) ?? null,
    reasons: open(review.reasonsEnc, "reasons_enc"),
    minutes: open(review.minutesEnc, "minutes_enc"),
    decidedAt: review.decidedAt?.toISOString() ?? null,
    can: reviewTarget
      ? (["pathway.declare_conflict", "pathway.decide_review"] as const).filter((a) => can(actor, a, reviewTarget))
      : [],
  };
}

/**
 * Who may be asked to sit on the case's panel: active professionals of the case's département whose role lets them
 * read a review. Only those who may plan a review on the case see the list.
 */
export async function listReviewCandidates(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
): Promise<ReviewCandidateView[]> {
  const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.create_review");
  const users = await listActiveUsersOfDepartment(ctx.db, loaded.record.case.departmentCode);
  return users
    .filter((user) => mayAttempt(actorOfUser(user), "pathway.read_review"))
    .map((user) => ({
      user: { id: user.id, displayName: user.displayName },
      organisation: organisationRef(user.organisation),
      mayChair: user.id !== loaded.record.case.assignedUserId,
    }));
}

/** The review with its minutes: reading them is audited, they are free text about the young person. */
export async function getReview(ctx: AppContext, actor: UserActor, reviewId: string): Promise<ReviewView> {
  return ctx.db.transaction(async (tx) => {
    const { review, loaded, target } = await loadReview(ctx, tx, reviewId);
    authorize(actor, "pathway.read_review", target);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.read_review",
      targetType: "pathway_review",
      targetId: reviewId,
      caseId: review.caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number },
    });
    return presentReview(ctx, tx, actor, review, loaded.record.case.number);
  });
}

/** Each member says, before the decision, whether they have a conflict of interest; a conflicted member cannot count. */
export async function declareConflict(
  ctx: AppContext,
  actor: UserActor,
  reviewId: string,
  input: DeclareConflictInput,
): Promise<ReviewView> {
  return ctx.db.transaction(async (tx) => {
    const { review, loaded, target } = await loadReview(ctx, tx, reviewId, true);
    authorize(actor, "pathway.declare_conflict", target);
    if (review.status !== "scheduled") throw new AppError("review_already_decided", 409);
    const now = ctx.now();
    await updateMember(tx, reviewId, actor.userId, {
      hasConflict: input.hasConflict,
      conflictNoteEnc: input.note ? sealJson(ctx.keys.data, input.note, conflictAad(reviewId, actor.userId)) : null,
      declaredAt: now,
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.declare_conflict",
      targetType: "pathway_review",
      targetId: reviewId,
      caseId: review.caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, hasConflict: input.hasConflict },
    });
    return presentReview(ctx, tx, actor, review, loaded.record.case.number);
  });
}

/** The step a review's outcome takes on the identification track, if any. */
const STEP_OF_OUTCOME: Record<ReviewOutcome, "presumed" | "not_victim" | null> = {
  presumed_victim: "presumed",
  not_victim: "not_victim",
  no_conclusion: null,
};

/**
 * The chair records the minuted decision. It counts only with a quorum of present members who declared no conflict,
 * from at least two organisations, the chair among them. The outcome moves the identification track (as the review,
 * not as the chair) and is notified to the referring professional.
 */
export async function decideReview(
  ctx: AppContext,
  actor: UserActor,
  reviewId: string,
  input: DecideReviewInput,
): Promise<ReviewView> {
  return ctx.db.transaction(async (tx) => {
    const { review, loaded, members, target } = await loadReview(ctx, tx, reviewId, true);
    authorize(actor, "pathway.decide_review", target);
    if (review.status !== "scheduled") throw new AppError("review_already_decided", 409);
    const strangers = input.presentUserIds.filter((id) => !target.memberUserIds.includes(id));
    if (strangers.length > 0) {
      throw new AppError("invalid_input", 400, undefined, [
        { path: "presentUserIds", message: "Une personne présente n'est pas membre du panel." },
      ]);
    }
    const counted = members.filter(
      (m) => input.presentUserIds.includes(m.member.userId) && m.member.hasConflict === false,
    );
    const organisationsCounted = new Set(counted.map((m) => m.member.organisationId)).size;
    const chairCounted = counted.some((m) => m.member.isChair);
    if (counted.length < review.quorum || organisationsCounted < REVIEW_MIN_ORGANISATIONS || !chairCounted) {
      throw new AppError("review_quorum_not_met", 409);
    }
    const now = ctx.now();
    await markPresence(tx, reviewId, input.presentUserIds);
    await updateReview(tx, reviewId, {
      status: "decided",
      outcome: input.outcome,
      reasonsEnc: sealJson(ctx.keys.data, input.reasons, reviewAad(reviewId, "reasons_enc")),
      minutesEnc: sealJson(ctx.keys.data, input.minutes, reviewAad(reviewId, "minutes_enc")),
      decidedAt: now,
    });
    const to = STEP_OF_OUTCOME[input.outcome];
    if (to) {
      const rows = await listTracksOfCase(tx, review.caseId);
      const from = currentTrackState(
        "identification",
        rows.find((r) => r.track === "identification"),
        loaded.record.case.victimStatus,
      );
      await applyStep(tx, ctx, actor, loaded, "identification", { from, to, reason: input.reasons }, "review");
    }
    await notifyReferrer(tx, ctx, review, loaded.record.case.number, input.outcome);
    const details = { reviewId, outcome: input.outcome, counted: counted.length, organisations: organisationsCounted };
    await appendPathwayTimelineEntry(tx, ctx, actor, {
      caseId: review.caseId,
      kind: "pathway_review_decided",
      at: now,
      details,
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.decide_review",
      targetType: "pathway_review",
      targetId: reviewId,
      caseId: review.caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, ...details },
    });
    return presentReview(ctx, tx, actor, (await findReview(tx, reviewId)) as ReviewRow, loaded.record.case.number);
  });
}

async function notifyReferrer(tx: Tx, ctx: AppContext, review: ReviewRow, caseNumber: string, outcome: ReviewOutcome) {
  if (!review.referringUserId) return;
  const notificationId = await insertNotification(tx, {
    userId: review.referringUserId,
    caseId: review.caseId,
    kind: "review_outcome",
    details: { reviewId: review.id, outcome },
    createdAt: ctx.now(),
  });
  await queueMail(tx, ctx, {
    notificationId,
    recipientUserId: review.referringUserId,
    caseId: review.caseId,
    caseNumber,
    headline: "Résultat de l'examen pluridisciplinaire disponible",
  });
}

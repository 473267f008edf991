import { deadlineStatus } from "@shared/calendar/compute-deadline.ts";
import { type DeadlineCode, getDeadlineRule } from "@shared/calendar/deadline-rules.ts";
import {
  AWAITED_STEP,
  DEADLINE_HANDLERS,
  findTransition,
  type InboxCategory,
  type InboxItem,
  type InboxView,
  STATE_LABELS,
  TRACKS,
  type TrackState,
} from "@shared/pathway.ts";
import { addDays } from "date-fns";
import type { AppContext } from "../../context.ts";
import { AppError, notFound } from "../../http/errors.ts";
import type { UserActor } from "../../policy/actor.ts";
import { authorize, can, mayPerformStep } from "../../policy/policy.ts";
import { readableCases } from "../../policy/scopes.ts";
import {
  findNotification,
  listUnreadNotifications,
  markNotificationRead,
} from "../notifications/notifications.queries.ts";
import {
  listDeadlinesDueSoon,
  listOpenReviewsOfMember,
  listPendingTransfersTo,
  listTracksInStates,
} from "./inbox.queries.ts";

/** How far ahead "due soon" looks, besides deadlines already in their warning period. */
const DUE_SOON_DAYS = 7;

const NOTIFICATION_LABELS: Record<string, string> = {
  deadline_warning: "Échéance proche",
  deadline_overdue: "Échéance dépassée",
  review_outcome: "Résultat de l'examen pluridisciplinaire",
  transfer_decided: "Décision sur un transfert",
};

/**
 * "À traiter": deadlines due or overdue that the caller can meet, steps that wait for someone in their role, reviews
 * to chair or declare on, transfers to decide, unread notices. Only cases the caller may read (scopes in SQL).
 */
export async function getInbox(
  ctx: AppContext,
  actor: UserActor,
  scope: "me" | "organisation" | "all",
): Promise<InboxView> {
  authorize(actor, "pathway.inbox");
  const now = ctx.now();
  const readable = readableCases(actor, now);
  const items: InboxItem[] = [];
  const whose = (assignedUserId: string | null): InboxItem["scope"] =>
    assignedUserId === actor.userId ? "me" : "organisation";

  for (const { deadline, caseNumber, assignedUserId } of await listDeadlinesDueSoon(
    ctx.db,
    readable,
    now,
    addDays(now, DUE_SOON_DAYS),
  )) {
    const code = deadline.code as DeadlineCode;
    if (!mayPerformStep(actor, DEADLINE_HANDLERS[code])) continue;
    const urgency = deadlineStatus({ dueAt: deadline.dueAt, warnAt: deadline.warnAt ?? undefined }, now);
    items.push({
      kind: "deadline",
      category: urgency === "overdue" ? "overdue" : "due_soon",
      scope: whose(assignedUserId),
      caseId: deadline.caseId,
      caseNumber,
      label: getDeadlineRule(code).label,
      dueAt: deadline.dueAt.toISOString(),
      deadlineId: deadline.id,
    });
  }

  for (const track of TRACKS) {
    const awaited = AWAITED_STEP[track] ?? {};
    const states = (Object.keys(awaited) as TrackState[]).filter((state) => {
      const next = awaited[state];
      const step = next ? findTransition(track, state, next) : undefined;
      return step !== undefined && mayPerformStep(actor, step.performers);
    });
    for (const row of await listTracksInStates(ctx.db, readable, track, states)) {
      const state = row.track.state as TrackState;
      const next = awaited[state] as TrackState;
      items.push({
        kind: "awaiting_step",
        category: "awaiting_decision",
        scope: whose(row.assignedUserId),
        caseId: row.track.caseId,
        caseNumber: row.caseNumber,
        label: `${STATE_LABELS[state]} : ${findTransition(track, state, next)?.label ?? ""}`,
        dueAt: null,
        track,
        state,
      });
    }
  }

  for (const { review, member, caseNumber } of await listOpenReviewsOfMember(ctx.db, actor.userId)) {
    const toDeclare = member.hasConflict === null;
    items.push({
      kind: member.isChair && !toDeclare ? "review_to_chair" : "conflict_to_declare",
      category: "awaiting_decision",
      scope: "me",
      caseId: review.caseId,
      caseNumber,
      label: toDeclare
        ? "Examen pluridisciplinaire : déclarer vos éventuels conflits d'intérêts"
        : "Examen pluridisciplinaire à présider et conclure",
      dueAt: review.scheduledFor.toISOString(),
      reviewId: review.id,
    });
  }

  for (const { transfer, caseNumber } of await listPendingTransfersTo(ctx.db, actor.organisationId)) {
    if (!can(actor, "pathway.decide_transfer", transferTarget(transfer))) continue;
    items.push({
      kind: "transfer_to_decide",
      category: "awaiting_decision",
      scope: "organisation",
      caseId: transfer.caseId,
      caseNumber,
      label: "Transfert entrant à accepter ou refuser",
      dueAt: null,
      transferId: transfer.id,
    });
  }

  for (const { notification, caseNumber } of await listUnreadNotifications(ctx.db, actor.userId)) {
    items.push({
      kind: "notification",
      category: "information",
      scope: "me",
      caseId: notification.caseId,
      caseNumber,
      label: notificationLabel(notification.kind, notification.details),
      dueAt: null,
      notificationId: notification.id,
    });
  }

  const shown = scope === "all" ? items : items.filter((item) => item.scope === scope);
  const counts: Record<InboxCategory, number> = { overdue: 0, due_soon: 0, awaiting_decision: 0, information: 0 };
  for (const item of shown) counts[item.category]++;
  return { counts, items: shown };
}

function notificationLabel(kind: string, details: Record<string, unknown>): string {
  const base = NOTIFICATION_LABELS[kind] ?? "Notification";
  const code = details.code as DeadlineCode | undefined;
  return code ? `${base} : ${getDeadlineRule(code).label}` : base;
}

// Deciding depends on the receiving side only: the case's own access facts are not needed to list the request.
function transferTarget(transfer: {
  id: string;
  caseId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  toDepartmentCode: string;
}) {
  return {
    kind: "pathway_transfer" as const,
    id: transfer.id,
    fromOrganisationId: transfer.fromOrganisationId,
    toOrganisationId: transfer.toOrganisationId,
    departmentCode: transfer.toDepartmentCode,
    case: {
      kind: "case" as const,
      id: transfer.caseId,
      departmentCode: transfer.toDepartmentCode,
      ownerOrganisationId: transfer.fromOrganisationId,
      placementOrganisationId: null,
      assignedUserId: null,
      activeShares: [],
      activeEmergencyUserIds: [],
    },
  };
}

export async function readNotification(ctx: AppContext, actor: UserActor, id: string): Promise<void> {
  const notification = await findNotification(ctx.db, id);
  if (!notification) throw notFound();
  const target = { kind: "pathway_notification" as const, userId: notification.userId, departmentCode: null };
  if (!can(actor, "pathway.read_notification", target)) throw new AppError("not_found", 404);
  await markNotificationRead(ctx.db, id, ctx.now());
}

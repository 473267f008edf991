import { type DeadlineCode, getDeadlineRule } from "@shared/calendar/deadline-rules.ts";
import { DEADLINE_HANDLERS } from "@shared/pathway.ts";
import { recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/connection.ts";
import { type Actor, systemActor } from "../../policy/actor.ts";
import { mayPerformStep } from "../../policy/policy.ts";
import { listUsersWithOrganisation } from "../pathway.queries.ts";
import { appendPathwayTimelineEntry } from "../pathway-case.ts";
import { actorOfUser } from "../user-actor.ts";
import { queueMail } from "./mail.ts";
import { insertAlertOnce, insertNotification, listDeadlinesToAlert } from "./notifications.queries.ts";
import { listOrganisationMemberIds, listSharedWithUserIds } from "./recipients.queries.ts";

type Candidate = Awaited<ReturnType<typeof listDeadlinesToAlert>>[number];

/**
 * Who hears of an alert: the case's referent, or without one the members of the owning organisation who can meet the
 * deadline (all its members when none can: a prosecutor's deadline on an ASE case still concerns the ASE); and, on
 * the partners' side, those the case is shared with who can meet it (the parquet for the OPP's 8 days).
 */
async function recipientsOf(db: Executor, candidate: Candidate, now: Date): Promise<string[]> {
  const handlers = DEADLINE_HANDLERS[candidate.deadline.code as DeadlineCode];
  const ids = candidate.assignedUserId
    ? [candidate.assignedUserId]
    : await listOrganisationMemberIds(db, candidate.ownerOrganisationId);
  const actors = (await listUsersWithOrganisation(db, ids)).map(actorOfUser).filter((a) => a.isActive);
  const fitting = actors.filter((a) => mayPerformStep(a, handlers));
  const owners = candidate.assignedUserId
    ? actors
    : fitting.length > 0
      ? fitting
      : actors.filter((a) => !a.roles.includes("admin"));
  const partners = (
    await listUsersWithOrganisation(db, await listSharedWithUserIds(db, candidate.deadline.caseId, now))
  )
    .map(actorOfUser)
    .filter((a) => a.isActive && mayPerformStep(a, handlers));
  return [...new Set([...owners, ...partners].map((a) => a.userId))];
}

/** Fires one alert if no other run has: the unique (deadline, kind) row is claimed first, in the same transaction. */
async function fireOne(ctx: AppContext, actor: Actor, candidate: Candidate): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const { deadline, kind } = candidate;
    const now = ctx.now();
    const alertId = await insertAlertOnce(tx, deadline.id, kind, now);
    if (!alertId) return false;
    const rule = getDeadlineRule(deadline.code as DeadlineCode);
    const headline = kind === "overdue" ? `Échéance dépassée : ${rule.label}` : `Échéance proche : ${rule.label}`;
    const recipients = await recipientsOf(tx, candidate, now);
    for (const userId of recipients) {
      const notificationId = await insertNotification(tx, {
        userId,
        caseId: deadline.caseId,
        kind: kind === "overdue" ? "deadline_overdue" : "deadline_warning",
        details: { deadlineId: deadline.id, code: deadline.code, dueAt: deadline.dueAt.toISOString() },
        createdAt: now,
      });
      await queueMail(tx, ctx, {
        notificationId,
        recipientUserId: userId,
        caseId: deadline.caseId,
        caseNumber: candidate.caseNumber,
        headline,
      });
    }
    const details = { deadlineId: deadline.id, code: deadline.code, kind, dueAt: deadline.dueAt.toISOString() };
    await appendPathwayTimelineEntry(tx, ctx, actor, {
      caseId: deadline.caseId,
      kind: "pathway_deadline_alert",
      at: now,
      details,
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "system.pathway_alert",
      targetType: "pathway_deadline",
      targetId: deadline.id,
      caseId: deadline.caseId,
      departmentCode: deadline.departmentCode,
      details: { caseNumber: candidate.caseNumber, ...details, recipients: recipients.length },
    });
    return true;
  });
}

/**
 * The recurring job: alerts every deadline whose warning or due time has passed, once per deadline and kind, however
 * many app servers run it at the same time. Returns how many alerts this run fired.
 */
export async function fireDeadlineAlerts(
  ctx: AppContext,
  actor: Actor = systemActor("job:pathway-alerts"),
  batch = 200,
): Promise<number> {
  let fired = 0;
  for (const candidate of await listDeadlinesToAlert(ctx.db, ctx.now(), batch)) {
    if (await fireOne(ctx, actor, candidate)) fired++;
  }
  return fired;
}

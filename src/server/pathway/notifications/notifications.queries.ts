import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import {
  cases,
  pathwayDeadlineAlerts,
  pathwayDeadlines,
  pathwayMailOutbox,
  pathwayNotifications,
  users,
} from "../../db/schema.ts";

const alerted = (kind: "warning" | "overdue") =>
  sql`exists (select 1 from ${pathwayDeadlineAlerts} where ${and(
    eq(pathwayDeadlineAlerts.deadlineId, pathwayDeadlines.id),
    eq(pathwayDeadlineAlerts.kind, kind),
  )})`;

/**
 * Open deadlines of open cases whose warning or due time has passed without an alert of that kind. A deadline
 * already overdue is only alerted as overdue: a warning after the fact would say nothing more.
 */
export function listDeadlinesToAlert(db: Executor, now: Date, limit: number) {
  return db
    .select({
      deadline: pathwayDeadlines,
      caseNumber: cases.number,
      ownerOrganisationId: cases.ownerOrganisationId,
      assignedUserId: cases.assignedUserId,
      kind: sql<"warning" | "overdue">`case when ${pathwayDeadlines.dueAt} < ${now} then 'overdue' else 'warning' end`,
    })
    .from(pathwayDeadlines)
    .innerJoin(cases, eq(cases.id, pathwayDeadlines.caseId))
    .where(
      and(
        eq(pathwayDeadlines.status, "open"),
        eq(cases.status, "open"),
        or(
          and(lt(pathwayDeadlines.dueAt, now), sql`not ${alerted("overdue")}`),
          and(
            sql`${pathwayDeadlines.dueAt} >= ${now}`,
            lte(pathwayDeadlines.warnAt, now),
            sql`not ${alerted("warning")}`,
          ),
        ),
      ),
    )
    .orderBy(asc(pathwayDeadlines.dueAt))
    .limit(limit);
}

/** Claims the alert: only the first of several concurrent job runs gets a row back. */
export async function insertAlertOnce(db: Executor, deadlineId: string, kind: "warning" | "overdue", firedAt: Date) {
  const [row] = await db
    .insert(pathwayDeadlineAlerts)
    .values({ deadlineId, kind, firedAt })
    .onConflictDoNothing({ target: [pathwayDeadlineAlerts.deadlineId, pathwayDeadlineAlerts.kind] })
    .returning({ id: pathwayDeadlineAlerts.id });
  return row?.id;
}

export async function insertNotification(db: Executor, values: typeof pathwayNotifications.$inferInsert) {
  const [row] = await db.insert(pathwayNotifications).values(values).returning({ id: pathwayNotifications.id });
  if (!row) throw new Error("notification not inserted");
  return row.id;
}

export async function insertMail(db: Executor, values: typeof pathwayMailOutbox.$inferInsert) {
  await db.insert(pathwayMailOutbox).values(values).onConflictDoNothing();
}

export function listUnreadNotifications(db: Executor, userId: string) {
  return db
    .select({ notification: pathwayNotifications, caseNumber: cases.number })
    .from(pathwayNotifications)
    .innerJoin(cases, eq(cases.id, pathwayNotifications.caseId))
    .where(and(eq(pathwayNotifications.userId, userId), isNull(pathwayNotifications.readAt)))
    .orderBy(asc(pathwayNotifications.createdAt));
}

export async function findNotification(db: Executor, id: string) {
  const [row] = await db.select().from(pathwayNotifications).where(eq(pathwayNotifications.id, id));
  return row;
}

export async function markNotificationRead(db: Executor, id: string, at: Date) {
  await db
    .update(pathwayNotifications)
    .set({ readAt: at })
    .where(and(eq(pathwayNotifications.id, id), isNull(pathwayNotifications.readAt)));
}

/** Pending e-mails with their recipient's address, locked so two senders never send the same one. */
export function claimPendingMail(db: Executor, limit: number) {
  return db
    .select({ mail: pathwayMailOutbox, email: users.email, isActive: users.isActive })
    .from(pathwayMailOutbox)
    .innerJoin(users, eq(users.id, pathwayMailOutbox.recipientUserId))
    .where(eq(pathwayMailOutbox.status, "pending"))
    .orderBy(asc(pathwayMailOutbox.createdAt))
    .limit(limit)
    .for("update", { of: pathwayMailOutbox, skipLocked: true });
}

export async function setMailOutcome(
  db: Executor,
  id: string,
  values: { status: "pending" | "sent" | "failed"; attempts: number; sentAt: Date | null },
) {
  await db.update(pathwayMailOutbox).set(values).where(eq(pathwayMailOutbox.id, id));
}

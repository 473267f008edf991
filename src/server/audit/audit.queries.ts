import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { auditAnchors, auditEvents, users } from "../db/schema.ts";

export interface AuditFilters {
  action?: string;
  actorUserId?: string;
  targetId?: string;
  departmentCode?: string;
  from?: Date;
  to?: Date;
  before?: number;
  limit: number;
}

/** Newest first, paged by id so that entries arriving meanwhile never shift a page. */
export async function listAuditEvents(db: Executor, scope: SQL, f: AuditFilters) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorUserId: auditEvents.actorUserId,
      actorName: users.displayName,
      organisationId: auditEvents.actorOrganisationId,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      departmentCode: auditEvents.departmentCode,
      requestId: auditEvents.requestId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        scope,
        f.action ? eq(auditEvents.action, f.action) : undefined,
        f.actorUserId ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
        f.targetId ? eq(auditEvents.targetId, f.targetId) : undefined,
        f.departmentCode ? eq(auditEvents.departmentCode, f.departmentCode) : undefined,
        f.from ? gte(auditEvents.occurredAt, f.from) : undefined,
        f.to ? lt(auditEvents.occurredAt, f.to) : undefined,
        f.before ? lt(auditEvents.id, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
}

export async function findLatestAnchor(db: Executor) {
  const [row] = await db.select().from(auditAnchors).orderBy(desc(auditAnchors.id)).limit(1);
  return row;
}

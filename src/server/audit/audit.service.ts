import type { AuditPage, AuditQuery, AuditVerificationView } from "@shared/admin.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../http/errors.ts";
import type { Actor, UserActor } from "../policy/actor.ts";
import { authorize } from "../policy/policy.ts";
import { auditEventsInAdminScope } from "../policy/scopes.ts";
import { createAnchor } from "./anchor.ts";
import { findLatestAnchor, listAuditEvents } from "./audit.queries.ts";
import { recordAudit } from "./record.ts";
import { type Anchor, describeVerification, verifyAuditTrail } from "./verify.ts";

const nextDay = (isoDate: string) => new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + 86_400_000);

/** Browsing the audit trail is itself audited: who looked, with which filters. */
export async function browseAuditTrail(ctx: AppContext, actor: UserActor, query: AuditQuery): Promise<AuditPage> {
  authorize(actor, "audit.read", { kind: "audit_scope", departmentCode: actor.adminDepartmentCode });
  if (
    actor.adminDepartmentCode !== null &&
    query.departmentCode &&
    query.departmentCode !== actor.adminDepartmentCode
  ) {
    throw new AppError("out_of_scope", 403);
  }
  const rows = await listAuditEvents(ctx.db, auditEventsInAdminScope(actor), {
    ...query,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to: query.to ? nextDay(query.to) : undefined,
  });
  const { limit, ...filters } = query;
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "audit.read",
    targetType: "audit_trail",
    details: { filters, returned: Math.min(rows.length, limit) },
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      outcome: r.outcome as "success" | "denied" | "failure",
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function verifyAuditTrailFor(
  ctx: AppContext,
  actor: UserActor,
  anchor?: Anchor,
): Promise<AuditVerificationView> {
  authorize(actor, "audit.verify");
  const result = await verifyAuditTrail(ctx.db, ctx.keys.audit, anchor);
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "audit.verify",
    targetType: "audit_trail",
    outcome: result.intact ? "success" : "failure",
    details: { checkedEntries: result.checkedEntries, intact: result.intact, anchorId: result.anchor?.id ?? null },
  });
  return {
    intact: result.intact,
    checkedEntries: result.checkedEntries,
    message: describeVerification(result),
    firstBroken: result.firstBroken,
    anchor: result.anchor ? { id: result.anchor.id ?? 0, createdAt: result.anchor.createdAt } : null,
  };
}

/** The latest anchor to download and keep outside Repère; one is taken now if none exists yet. */
export async function latestAnchorFor(ctx: AppContext, actor: UserActor): Promise<Anchor> {
  authorize(actor, "audit.verify");
  const row = await findLatestAnchor(ctx.db);
  if (row) return { ...row, createdAt: row.createdAt.toISOString() };
  return takeAnchor(ctx, actor);
}

export async function takeAnchor(ctx: AppContext, actor: Actor) {
  const anchor = await createAnchor(ctx.db, ctx.keys.audit);
  ctx.log.info({ auditAnchor: anchor }, "audit anchor");
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "system.anchor",
    targetType: "audit_anchor",
    targetId: String(anchor.id),
  });
  return anchor;
}

import { randomInt } from "node:crypto";
import type { AuditEventType } from "@shared/actions.ts";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/connection.ts";
import { auditChainHeads, auditEvents } from "../db/schema.ts";
import type { Key } from "../keys/key-ring.ts";
import type { Actor } from "../policy/actor.ts";
import { hashEntry } from "./audit-hash.ts";

export const AUDIT_SHARDS = 16;

export interface AuditEntry {
  action: AuditEventType;
  outcome?: "success" | "denied" | "failure";
  targetType?: string;
  targetId?: string;
  caseId?: string;
  /** The département the event concerns, so that a département's administrator sees it. */
  departmentCode?: string | null;
  /** Ids, codes and counts only: never names, birth dates, phones or free text. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry to the audit trail, inside the caller's transaction so that the change and its audit row commit
 * together. The entry joins one of 16 chains picked at random: the head row lock serialises writers of that chain only.
 */
export async function recordAudit(tx: Tx | Db, auditKey: Key, actor: Actor, entry: AuditEntry): Promise<void> {
  const shard = randomInt(AUDIT_SHARDS);
  // Moving the head forward locks it until commit; the previous hash comes back from the same statement.
  const [head] = await tx
    .update(auditChainHeads)
    .set({ position: sql`${auditChainHeads.position} + 1` })
    .where(eq(auditChainHeads.shard, shard))
    .returning({ position: auditChainHeads.position, prevHash: auditChainHeads.hash });
  if (!head) throw new Error(`audit chain ${shard} has no head`);

  const fields = {
    shard,
    position: head.position,
    prevHash: head.prevHash,
    occurredAt: new Date(),
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorOrganisationId: actor.kind === "user" ? actor.organisationId : null,
    action: entry.action,
    outcome: entry.outcome ?? "success",
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    caseId: entry.caseId ?? null,
    departmentCode: entry.departmentCode ?? (actor.kind === "user" ? actor.departmentCode : null),
    requestId: actor.requestId,
    details: actor.kind === "system" ? { ...entry.details, system: actor.name } : (entry.details ?? {}),
    keyId: auditKey.id,
  };
  const hash = hashEntry(auditKey, fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  await tx.update(auditChainHeads).set({ hash }).where(eq(auditChainHeads.shard, shard));
}

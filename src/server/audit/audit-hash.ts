import { createHmac } from "node:crypto";
import type { Key } from "../keys/key-ring.ts";

/** The fields of an audit entry that its hash covers: everything but its database id. */
export interface ChainedFields {
  shard: number;
  position: number;
  prevHash: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  caseId: string | null;
  departmentCode: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  keyId: string;
}

// jsonb does not keep key order, so the hashed form sorts keys: the same entry read back hashes the same.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export const GENESIS_HASH = "0".repeat(64);

/** HMAC-SHA-256 of the entry and of the previous entry's hash: without the key, no entry can be forged or re-chained. */
export function hashEntry(key: Key, fields: ChainedFields): string {
  const content = JSON.stringify([
    fields.shard,
    fields.position,
    fields.prevHash,
    fields.occurredAt.toISOString(),
    fields.actorUserId,
    fields.actorOrganisationId,
    fields.action,
    fields.outcome,
    fields.targetType,
    fields.targetId,
    fields.caseId,
    fields.departmentCode,
    fields.requestId,
    canonical(fields.details),
    fields.keyId,
  ]);
  return createHmac("sha256", key.bytes).update(content).digest("hex");
}

export function macAnchor(
  key: Key,
  createdAt: Date,
  heads: readonly { shard: number; position: number; hash: string }[],
) {
  const content = JSON.stringify([createdAt.toISOString(), heads.map((h) => [h.shard, h.position, h.hash])]);
  return createHmac("sha256", key.bytes).update(content).digest("hex");
}

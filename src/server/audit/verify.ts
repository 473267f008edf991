import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Db } from "../db/connection.ts";
import { type AnchorHead, auditAnchors, auditChainHeads, auditEvents } from "../db/schema.ts";
import type { Key } from "../keys/key-ring.ts";
import { GENESIS_HASH, hashEntry, macAnchor } from "./audit-hash.ts";
import { AUDIT_SHARDS } from "./record.ts";

export interface Anchor {
  id: number | null;
  createdAt: string;
  heads: AnchorHead[];
  keyId: string;
  mac: string;
}

export interface BrokenEntry {
  id: number | null;
  shard: number;
  position: number;
  reason: string;
}

export interface VerificationResult {
  intact: boolean;
  checkedEntries: number;
  firstBroken: BrokenEntry | null;
  anchor: Anchor | null;
}

const BATCH = 5000;

interface Checkpoint {
  position: number;
  hash: string;
  reason: string;
}

/**
 * Walks one chain from its genesis and stops at the first entry that does not hold. Checkpoints (the head read
 * before the walk, the anchored head) must be found on the way with the same hash.
 */
async function verifyShard(db: Db, key: Key, shard: number, checkpoints: Checkpoint[]) {
  let expectedPosition = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  const pending = checkpoints.filter((c) => c.position > 0);
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.shard, shard), gt(auditEvents.position, expectedPosition - 1)))
      .orderBy(asc(auditEvents.position))
      .limit(BATCH);
    for (const row of rows) {
      const broken = (reason: string): BrokenEntry => ({ id: row.id, shard, position: row.position, reason });
      if (row.position !== expectedPosition)
        return { broken: broken(`entrée manquante avant la position ${row.position}`), count };
      if (row.prevHash !== prevHash)
        return { broken: broken("chaînage rompu : l'entrée ne suit pas la précédente"), count };
      if (row.keyId !== key.id) return { broken: broken("entrée signée avec une clé inconnue"), count };
      if (hashEntry(key, row) !== row.hash)
        return { broken: broken("contenu modifié : l'empreinte ne correspond plus"), count };
      for (const checkpoint of pending) {
        if (checkpoint.position === row.position && checkpoint.hash !== row.hash)
          return { broken: broken(checkpoint.reason), count };
      }
      prevHash = row.hash;
      expectedPosition++;
      count++;
    }
    if (rows.length < BATCH) break;
  }
  const lastPosition = expectedPosition - 1;
  const missing = pending.filter((c) => c.position > lastPosition).sort((a, b) => a.position - b.position)[0];
  if (missing) return { broken: { id: null, shard, position: lastPosition + 1, reason: missing.reason }, count };
  return { broken: null, count };
}

export function anchorIsAuthentic(key: Key, anchor: Anchor): boolean {
  return anchor.keyId === key.id && macAnchor(key, new Date(anchor.createdAt), anchor.heads) === anchor.mac;
}

/**
 * Checks every chain: positions contiguous from 1, each entry linked to the previous one and its keyed hash intact,
 * the head table in agreement, and every head of the anchor (the latest stored one, or one given from outside)
 * still present: a tail cut after the anchor was taken is then detected.
 */
export async function verifyAuditTrail(db: Db, key: Key, givenAnchor?: Anchor): Promise<VerificationResult> {
  let anchor = givenAnchor ?? null;
  if (!anchor) {
    const [latest] = await db.select().from(auditAnchors).orderBy(desc(auditAnchors.id)).limit(1);
    anchor = latest ? { ...latest, createdAt: latest.createdAt.toISOString() } : null;
  }
  if (anchor && !anchorIsAuthentic(key, anchor)) {
    return {
      intact: false,
      checkedEntries: 0,
      anchor,
      firstBroken: {
        id: anchor.id,
        shard: -1,
        position: -1,
        reason: "ancre falsifiée : sa signature ne correspond pas",
      },
    };
  }
  // Heads are read before the walk: every entry up to each head had committed, so the walk must find it.
  const heads = await db.select().from(auditChainHeads);
  const breaks: BrokenEntry[] = [];
  let checkedEntries = 0;
  for (let shard = 0; shard < AUDIT_SHARDS; shard++) {
    const checkpoints: Checkpoint[] = [];
    const head = heads.find((h) => h.shard === shard);
    if (!head) {
      breaks.push({ id: null, shard, position: 0, reason: "tête de chaîne absente" });
      continue;
    }
    checkpoints.push({ ...head, reason: "fin de chaîne supprimée ou réécrite : la tête ne correspond pas" });
    const anchored = anchor?.heads.find((h) => h.shard === shard);
    if (anchored) {
      checkpoints.push({
        ...anchored,
        reason: "entrée ancrée absente ou modifiée : la fin de la chaîne a été coupée ou réécrite",
      });
    }
    const result = await verifyShard(db, key, shard, checkpoints);
    checkedEntries += result.count;
    if (result.broken) breaks.push(result.broken);
  }
  breaks.sort((a, b) => (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER) || a.shard - b.shard);
  return { intact: breaks.length === 0, checkedEntries, firstBroken: breaks[0] ?? null, anchor };
}

export function describeVerification(result: VerificationResult): string {
  if (result.intact) {
    const anchorText = result.anchor
      ? `, ancre n° ${result.anchor.id ?? "fournie"} du ${result.anchor.createdAt} respectée`
      : ", aucune ancre";
    return `Journal d'audit intact : ${result.checkedEntries} entrées vérifiées${anchorText}.`;
  }
  const b = result.firstBroken;
  if (!b) return "Journal d'audit altéré.";
  const id = b.id === null ? "" : `, entrée id ${b.id}`;
  return `Journal d'audit altéré : chaîne ${b.shard}, position ${b.position}${id} — ${b.reason}.`;
}

import { asc } from "drizzle-orm";
import type { Db } from "../db/connection.ts";
import { auditAnchors, auditChainHeads } from "../db/schema.ts";
import type { Key } from "../keys/key-ring.ts";
import { macAnchor } from "./audit-hash.ts";
import type { Anchor } from "./verify.ts";

/**
 * Takes a signed snapshot of every chain head. It is stored, written to the log (which lives outside the
 * database) and downloadable by administrators: a copy kept elsewhere reveals a tail cut from the chain later.
 */
export async function createAnchor(db: Db, key: Key): Promise<Anchor> {
  return db.transaction(async (tx) => {
    // Row locks on every head give one consistent cut across the chains.
    const heads = (await tx.select().from(auditChainHeads).orderBy(asc(auditChainHeads.shard)).for("update")).map(
      ({ shard, position, hash }) => ({ shard, position, hash }),
    );
    const createdAt = new Date();
    const mac = macAnchor(key, createdAt, heads);
    const [row] = await tx.insert(auditAnchors).values({ createdAt, heads, keyId: key.id, mac }).returning();
    if (!row) throw new Error("anchor not stored");
    return { id: row.id, createdAt: createdAt.toISOString(), heads, keyId: key.id, mac };
  });
}

import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditChainHeads, auditEvents } from "../db/schema.ts";
import { systemActor } from "../policy/actor.ts";
import { testApp } from "../test/test-app.ts";
import { createAnchor } from "./anchor.ts";
import { recordAudit } from "./record.ts";
import { verifyAuditTrail } from "./verify.ts";

// Each test leaves the trail intact again or works on rows it can undo; tampering needs the triggers off, as a
// database superuser would do.
async function asSuperuser<T>(run: () => Promise<T>): Promise<T> {
  const { ctx } = await testApp();
  await ctx.database.query("alter table audit_events disable trigger user");
  try {
    return await run();
  } finally {
    await ctx.database.query("alter table audit_events enable trigger user");
  }
}

async function writeEntries(n: number) {
  const { ctx } = await testApp();
  for (let i = 0; i < n; i++) {
    await recordAudit(ctx.db, ctx.keys.audit, systemActor("test"), { action: "system.anchor", details: { i } });
  }
}

describe("audit trail", () => {
  it("verifies as intact after many writes, including concurrent ones", async () => {
    const { ctx } = await testApp();
    await writeEntries(20);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ctx.db.transaction((tx) =>
          recordAudit(tx, ctx.keys.audit, systemActor("test"), { action: "system.anchor", details: { i } }),
        ),
      ),
    );
    const result = await verifyAuditTrail(ctx.db, ctx.keys.audit);
    expect(result.intact).toBe(true);
    expect(result.checkedEntries).toBeGreaterThanOrEqual(50);
  });

  it("refuses updates, deletes and truncation from the application", async () => {
    const { ctx } = await testApp();
    await writeEntries(1);
    await expect(ctx.database.query("update audit_events set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(ctx.database.query("delete from audit_events")).rejects.toThrow(/append-only/);
    await expect(ctx.database.query("truncate audit_events")).rejects.toThrow(/append-only/);
  });

  it("reports a hand-edited entry with its position and id", async () => {
    const { ctx } = await testApp();
    await writeEntries(5);
    const [victim] = await ctx.db.select().from(auditEvents).orderBy(asc(auditEvents.id)).limit(1);
    if (!victim) throw new Error("no entry");
    await asSuperuser(() =>
      ctx.database.query("update audit_events set details = '{\"i\": 999}' where id = $1", [victim.id]),
    );
    try {
      const result = await verifyAuditTrail(ctx.db, ctx.keys.audit);
      expect(result.intact).toBe(false);
      expect(result.firstBroken).toMatchObject({ id: victim.id, shard: victim.shard, position: victim.position });
    } finally {
      await asSuperuser(() =>
        ctx.database.query("update audit_events set details = $2::jsonb where id = $1", [
          victim.id,
          JSON.stringify(victim.details),
        ]),
      );
    }
    expect((await verifyAuditTrail(ctx.db, ctx.keys.audit)).intact).toBe(true);
  });

  it("reports an entry deleted from the middle of a chain", async () => {
    const { ctx } = await testApp();
    await writeEntries(40);
    const [shard] = await ctx.db.select().from(auditChainHeads).where(sql`${auditChainHeads.position} >= 3`).limit(1);
    if (!shard) throw new Error("no long chain");
    const [middle] = await ctx.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.shard} = ${shard.shard} and ${auditEvents.position} = 2`);
    if (!middle) throw new Error("no middle entry");
    const { id, ...row } = middle;
    await asSuperuser(() => ctx.database.query("delete from audit_events where id = $1", [id]));
    try {
      const result = await verifyAuditTrail(ctx.db, ctx.keys.audit);
      expect(result.intact).toBe(false);
      expect(result.firstBroken?.shard).toBe(shard.shard);
      expect(result.firstBroken?.reason).toMatch(/manquante/);
    } finally {
      await ctx.db
        .insert(auditEvents)
        .overridingSystemValue()
        .values({ id, ...row });
    }
  });

  it("detects a tail cut after an anchor, even when the heads were rewound to match", async () => {
    const { ctx } = await testApp();
    await writeEntries(10);
    const anchor = await createAnchor(ctx.db, ctx.keys.audit);
    const longest = [...anchor.heads].sort((a, b) => b.position - a.position)[0];
    if (!longest) throw new Error("no head");
    const [last] = await ctx.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.shard} = ${longest.shard} and ${auditEvents.position} = ${longest.position}`);
    if (!last) throw new Error("no last entry");
    // The attacker removes the newest entry of a chain and moves its head back to the previous, valid entry.
    await asSuperuser(async () => {
      await ctx.database.query("delete from audit_events where id = $1", [last.id]);
      await ctx.db
        .update(auditChainHeads)
        .set({ position: last.position - 1, hash: last.prevHash })
        .where(eq(auditChainHeads.shard, last.shard));
    });
    try {
      const result = await verifyAuditTrail(ctx.db, ctx.keys.audit, anchor);
      expect(result.intact).toBe(false);
      expect(result.firstBroken).toMatchObject({ shard: last.shard, position: last.position });
    } finally {
      const { id, ...row } = last;
      await ctx.db
        .insert(auditEvents)
        .overridingSystemValue()
        .values({ id, ...row });
      await ctx.db
        .update(auditChainHeads)
        .set({ position: last.position, hash: last.hash })
        .where(eq(auditChainHeads.shard, last.shard));
    }
    expect((await verifyAuditTrail(ctx.db, ctx.keys.audit, anchor)).intact).toBe(true);
  });

  it("rejects a forged anchor", async () => {
    const { ctx } = await testApp();
    const anchor = await createAnchor(ctx.db, ctx.keys.audit);
    const forged = { ...anchor, heads: anchor.heads.map((h) => ({ ...h, position: h.position + 1 })) };
    const result = await verifyAuditTrail(ctx.db, ctx.keys.audit, forged);
    expect(result.intact).toBe(false);
    expect(result.firstBroken?.reason).toMatch(/falsifiée/);
  });
});

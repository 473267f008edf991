import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { organisations, pathwayTransfers } from "../../db/schema.ts";

export type TransferRow = typeof pathwayTransfers.$inferSelect;

export async function insertTransfer(db: Executor, values: typeof pathwayTransfers.$inferInsert) {
  const [row] = await db.insert(pathwayTransfers).values(values).returning();
  if (!row) throw new Error("transfer not inserted");
  return row;
}

export async function findTransfer(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(pathwayTransfers).where(eq(pathwayTransfers.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function findPendingTransferOfCase(db: Executor, caseId: string) {
  const [row] = await db
    .select()
    .from(pathwayTransfers)
    .where(and(eq(pathwayTransfers.caseId, caseId), eq(pathwayTransfers.status, "requested")));
  return row;
}

/** Moves a transfer out of `requested`; undefined when another decision got there first. */
export async function decideTransferRow(
  db: Executor,
  id: string,
  values: Partial<typeof pathwayTransfers.$inferInsert> & { status: "accepted" | "declined" | "withdrawn" },
) {
  const [row] = await db
    .update(pathwayTransfers)
    .set(values)
    .where(and(eq(pathwayTransfers.id, id), eq(pathwayTransfers.status, "requested")))
    .returning();
  return row;
}

export async function reopenTransferRow(db: Executor, id: string) {
  await db
    .update(pathwayTransfers)
    .set({ status: "requested", decidedAt: null, decidedByUserId: null })
    .where(eq(pathwayTransfers.id, id));
}

export function listTransfersOfCase(db: Executor, caseId: string) {
  return db
    .select({ transfer: pathwayTransfers, to: organisations })
    .from(pathwayTransfers)
    .innerJoin(organisations, eq(organisations.id, pathwayTransfers.toOrganisationId))
    .where(eq(pathwayTransfers.caseId, caseId))
    .orderBy(asc(pathwayTransfers.requestedAt));
}

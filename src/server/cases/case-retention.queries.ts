import { and, eq, isNull, lt } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { caseBlindIndex, caseEmergencyAccesses, caseIdentities, cases, caseTimelineEntries } from "../db/schema.ts";

export async function listCasesDueForAnonymisation(db: Executor, closedBefore: Date, limit: number) {
  return db
    .select({ id: cases.id, number: cases.number, departmentCode: cases.departmentCode })
    .from(cases)
    .where(and(eq(cases.status, "closed"), lt(cases.closedAt, closedBefore), isNull(cases.anonymisedAt)))
    .limit(limit);
}

/** Drops everything identifying about one case; the statistical residue (profile columns, statuses) stays. */
export async function eraseIdentifyingData(db: Executor, caseId: string, now: Date) {
  await db.delete(caseIdentities).where(eq(caseIdentities.caseId, caseId));
  await db.delete(caseBlindIndex).where(eq(caseBlindIndex.caseId, caseId));
  await db.update(caseTimelineEntries).set({ textEnc: null }).where(eq(caseTimelineEntries.caseId, caseId));
  await db.update(caseEmergencyAccesses).set({ reasonEnc: null }).where(eq(caseEmergencyAccesses.caseId, caseId));
  await db.update(cases).set({ anonymisedAt: now, idempotencyKey: null, birthMonth: null }).where(eq(cases.id, caseId));
}

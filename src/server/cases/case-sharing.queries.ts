import { and, desc, eq, gt, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../db/connection.ts";
import { caseEmergencyAccesses, caseShares, cases, organisations, users } from "../db/schema.ts";

const recipientOrg = alias(organisations, "recipient_org");
const recipientUser = alias(users, "recipient_user");
const recipientUserOrg = alias(organisations, "recipient_user_org");
const granter = alias(users, "granter");

// biome-ignore lint/suspicious/noExplicitAny: drizzle aliases of one table have distinct types; the columns read are the same.
const orgColumns = (o: any) => ({
  id: o.id as typeof organisations.id,
  name: o.name as typeof organisations.name,
  type: o.type as typeof organisations.type,
  departmentCode: o.departmentCode as typeof organisations.departmentCode,
});

export async function listSharesOfCase(db: Executor, caseId: string) {
  return db
    .select({
      share: caseShares,
      organisation: orgColumns(recipientOrg),
      user: { id: recipientUser.id, displayName: recipientUser.displayName },
      userOrganisation: orgColumns(recipientUserOrg),
      grantedBy: { id: granter.id, displayName: granter.displayName },
    })
    .from(caseShares)
    .leftJoin(recipientOrg, eq(recipientOrg.id, caseShares.organisationId))
    .leftJoin(recipientUser, eq(recipientUser.id, caseShares.userId))
    .leftJoin(recipientUserOrg, eq(recipientUserOrg.id, recipientUser.organisationId))
    .leftJoin(granter, eq(granter.id, caseShares.grantedByUserId))
    .where(eq(caseShares.caseId, caseId))
    .orderBy(desc(caseShares.createdAt));
}

export async function insertShare(db: Executor, values: typeof caseShares.$inferInsert) {
  const [row] = await db.insert(caseShares).values(values).returning({ id: caseShares.id });
  if (!row) throw new Error("share not inserted");
  return row;
}

export async function findShare(db: Executor, id: string) {
  const [row] = await db.select().from(caseShares).where(eq(caseShares.id, id));
  return row;
}

export async function revokeShare(db: Executor, id: string, userId: string, now: Date) {
  const rows = await db
    .update(caseShares)
    .set({ revokedAt: now, revokedByUserId: userId })
    .where(and(eq(caseShares.id, id), isNull(caseShares.revokedAt)))
    .returning({ id: caseShares.id });
  return rows.length > 0;
}

export async function insertEmergencyAccess(db: Executor, values: typeof caseEmergencyAccesses.$inferInsert) {
  const [row] = await db.insert(caseEmergencyAccesses).values(values).returning({ id: caseEmergencyAccesses.id });
  if (!row) throw new Error("emergency access not inserted");
  return row;
}

export async function findActiveEmergencyAccess(db: Executor, caseId: string, userId: string, now: Date) {
  const [row] = await db
    .select()
    .from(caseEmergencyAccesses)
    .where(
      and(
        eq(caseEmergencyAccesses.caseId, caseId),
        eq(caseEmergencyAccesses.userId, userId),
        gt(caseEmergencyAccesses.expiresAt, now),
      ),
    );
  return row;
}

const accessUser = alias(users, "access_user");
const accessOrg = alias(organisations, "access_org");
const reviewer = alias(users, "reviewer");

/** Emergency accesses on the cases matched by `caseScope`, newest first, for review. */
export async function listEmergencyAccesses(
  db: Executor,
  caseScope: SQL,
  filters: { caseId?: string; unreviewedOnly?: boolean },
) {
  return db
    .select({
      access: caseEmergencyAccesses,
      caseNumber: cases.number,
      departmentCode: cases.departmentCode,
      user: { id: accessUser.id, displayName: accessUser.displayName },
      organisation: orgColumns(accessOrg),
      reviewedBy: { id: reviewer.id, displayName: reviewer.displayName },
    })
    .from(caseEmergencyAccesses)
    .innerJoin(cases, eq(cases.id, caseEmergencyAccesses.caseId))
    .innerJoin(accessUser, eq(accessUser.id, caseEmergencyAccesses.userId))
    .innerJoin(accessOrg, eq(accessOrg.id, caseEmergencyAccesses.organisationId))
    .leftJoin(reviewer, eq(reviewer.id, caseEmergencyAccesses.reviewedByUserId))
    .where(
      and(
        caseScope,
        filters.caseId ? eq(caseEmergencyAccesses.caseId, filters.caseId) : undefined,
        filters.unreviewedOnly ? isNull(caseEmergencyAccesses.reviewedAt) : undefined,
      ),
    )
    .orderBy(desc(caseEmergencyAccesses.createdAt))
    .limit(500);
}

export async function findEmergencyAccess(db: Executor, id: string) {
  const [row] = await db.select().from(caseEmergencyAccesses).where(eq(caseEmergencyAccesses.id, id));
  return row;
}

export async function markEmergencyAccessReviewed(db: Executor, id: string, userId: string, now: Date) {
  const rows = await db
    .update(caseEmergencyAccesses)
    .set({ reviewedAt: now, reviewedByUserId: userId })
    .where(and(eq(caseEmergencyAccesses.id, id), isNull(caseEmergencyAccesses.reviewedAt)))
    .returning({ id: caseEmergencyAccesses.id });
  return rows.length > 0;
}

export async function listCaseIdsOfPerson(db: Executor, personId: string) {
  return db.select({ id: cases.id }).from(cases).where(eq(cases.personId, personId));
}

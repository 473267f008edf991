import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { caseShares, users } from "../../db/schema.ts";

export async function listOrganisationMemberIds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.isActive, true)));
  return rows.map((r) => r.id);
}

/**
 * Active users the case is shared with now: members of the organisations it is shared with and the people it is
 * shared with by name. A parquet or a judge hears of their own deadline on a case another organisation holds.
 */
export async function listSharedWithUserIds(db: Executor, caseId: string, now: Date): Promise<string[]> {
  const active = and(eq(caseShares.caseId, caseId), isNull(caseShares.revokedAt), gt(caseShares.expiresAt, now));
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        or(
          inArray(
            users.organisationId,
            db
              .select({ id: sql`${caseShares.organisationId}` })
              .from(caseShares)
              .where(active),
          ),
          inArray(
            users.id,
            db
              .select({ id: sql`${caseShares.userId}` })
              .from(caseShares)
              .where(active),
          ),
        ),
      ),
    );
  return rows.map((r) => r.id);
}

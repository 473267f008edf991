import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { loginThrottle, organisations, recoveryCodes, sessions, users } from "../db/schema.ts";

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email));
  return row;
}

export async function getUserWithOrganisation(db: Executor, userId: string) {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return row;
}

/** The session, its user and organisation in one round trip: this runs on every request. */
export async function findLiveSession(db: Executor, idHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users, organisation: organisations })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
  return row;
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function touchSession(db: Executor, idHash: string, at: Date) {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

/** Moves a session to its next stage under a new token: a token seen before a privilege change is worth nothing after. */
export async function advanceSession(db: Executor, oldIdHash: string, newIdHash: string, stage: string, at: Date) {
  await db.update(sessions).set({ idHash: newIdHash, stage, lastSeenAt: at }).where(eq(sessions.idHash, oldIdHash));
}

export async function revokeSession(db: Executor, idHash: string, at: Date) {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

/** Revokes every session of a user, except one when given (the one changing its password stays signed in). */
export async function revokeUserSessions(db: Executor, userId: string, at: Date, exceptIdHash?: string) {
  const result = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptIdHash ? ne(sessions.idHash, exceptIdHash) : undefined,
      ),
    )
    .returning({ idHash: sessions.idHash });
  return result.length;
}

export async function deleteExpiredSessions(db: Executor, idleBefore: Date, now: Date) {
  const result = await db
    .delete(sessions)
    .where(
      sql`${sessions.revokedAt} is not null or ${sessions.lastSeenAt} < ${idleBefore} or ${sessions.absoluteExpiresAt} < ${now}`,
    )
    .returning({ idHash: sessions.idHash });
  return result.length;
}

export async function findThrottle(db: Executor, emailHash: string) {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.emailHash, emailHash));
  return row;
}

/** Counts one failure atomically (two servers may see failures at once) and returns the new count. */
export async function countFailure(db: Executor, emailHash: string, at: Date) {
  const [row] = await db
    .insert(loginThrottle)
    .values({ emailHash, failedCount: 1, lastFailedAt: at })
    .onConflictDoUpdate({
      target: loginThrottle.emailHash,
      set: { failedCount: sql`${loginThrottle.failedCount} + 1`, lastFailedAt: at },
    })
    .returning({ failedCount: loginThrottle.failedCount });
  return row?.failedCount ?? 1;
}

export async function lockEmail(db: Executor, emailHash: string, until: Date) {
  await db
    .update(loginThrottle)
    .set({ lockedUntil: until, failedCount: 0 })
    .where(eq(loginThrottle.emailHash, emailHash));
}

export async function clearThrottle(db: Executor, emailHash: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.emailHash, emailHash));
}

export async function updateUserAuth(db: Executor, userId: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0)
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks a recovery code used, once: returns false when it does not exist or was already spent. */
export async function spendRecoveryCode(db: Executor, userId: string, codeHash: string, at: Date) {
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return spent.length === 1;
}

import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { observatoryGuardStates, observatoryTableCache } from "../../db/schema.ts";

export async function findCachedTable(db: Executor, snapshotId: string, queryKey: string) {
  const [row] = await db
    .select({ table: observatoryTableCache.table })
    .from(observatoryTableCache)
    .where(and(eq(observatoryTableCache.snapshotId, snapshotId), eq(observatoryTableCache.queryKey, queryKey)));
  return row?.table;
}

/** Two servers may compute the same table at once: the first one stored wins, both are identical. */
export async function insertCachedTable(
  db: Executor,
  snapshotId: string,
  queryKey: string,
  table: Record<string, unknown>,
): Promise<void> {
  await db.insert(observatoryTableCache).values({ snapshotId, queryKey, table }).onConflictDoNothing();
}

/** Whether this user's guard already accepted the query: read without a lock, as an accepted query stays accepted. */
export async function isQueryAccepted(
  db: Executor,
  key: { userId: string; snapshotId: string; frameKey: string },
  queryKey: string,
): Promise<boolean> {
  const [row] = await db
    .select({ accepted: sql<boolean>`jsonb_exists(${observatoryGuardStates.state} -> 'accepted', ${queryKey})` })
    .from(observatoryGuardStates)
    .where(
      and(
        eq(observatoryGuardStates.userId, key.userId),
        eq(observatoryGuardStates.snapshotId, key.snapshotId),
        eq(observatoryGuardStates.frameKey, key.frameKey),
      ),
    );
  return row?.accepted === true;
}

export async function findGuardStateForUpdate(db: Executor, userId: string, snapshotId: string, frameKey: string) {
  const [row] = await db
    .select({ state: observatoryGuardStates.state })
    .from(observatoryGuardStates)
    .where(
      and(
        eq(observatoryGuardStates.userId, userId),
        eq(observatoryGuardStates.snapshotId, snapshotId),
        eq(observatoryGuardStates.frameKey, frameKey),
      ),
    )
    .for("update");
  return row?.state;
}

export async function saveGuardState(
  db: Executor,
  key: { userId: string; snapshotId: string; frameKey: string },
  state: Record<string, unknown>,
): Promise<void> {
  await db
    .insert(observatoryGuardStates)
    .values({ ...key, state })
    .onConflictDoUpdate({
      target: [observatoryGuardStates.userId, observatoryGuardStates.snapshotId, observatoryGuardStates.frameKey],
      set: { state, updatedAt: sql`now()` },
    });
}

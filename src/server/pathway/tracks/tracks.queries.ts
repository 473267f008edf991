import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { organisations, pathwayTracks, pathwayTransitions, users } from "../../db/schema.ts";

export type TrackRow = typeof pathwayTracks.$inferSelect;

/** Creates the track at its initial state if it has none, then locks it until the transaction ends. */
export async function lockTrack(db: Executor, caseId: string, track: string, initialState: string, now: Date) {
  await db
    .insert(pathwayTracks)
    .values({ caseId, track, state: initialState, stateSince: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(pathwayTracks)
    .where(and(eq(pathwayTracks.caseId, caseId), eq(pathwayTracks.track, track)))
    .for("update");
  if (!row) throw new Error("track row vanished");
  return row;
}

export async function updateTrack(
  db: Executor,
  caseId: string,
  track: string,
  values: { state: string; stateSince: Date; observedVictimStatus?: string | null },
  now: Date,
) {
  await db
    .update(pathwayTracks)
    .set({ ...values, version: sql`${pathwayTracks.version} + 1`, updatedAt: now })
    .where(and(eq(pathwayTracks.caseId, caseId), eq(pathwayTracks.track, track)));
}

export function listTracksOfCase(db: Executor, caseId: string) {
  return db.select().from(pathwayTracks).where(eq(pathwayTracks.caseId, caseId));
}

export async function insertTransition(db: Executor, values: typeof pathwayTransitions.$inferInsert) {
  const [row] = await db.insert(pathwayTransitions).values(values).returning({ id: pathwayTransitions.id });
  if (!row) throw new Error("transition not inserted");
  return row.id;
}

export function listTransitionsOfCase(db: Executor, caseId: string) {
  return db
    .select({
      transition: pathwayTransitions,
      actor: { id: users.id, displayName: users.displayName },
      organisation: organisations,
    })
    .from(pathwayTransitions)
    .leftJoin(users, eq(users.id, pathwayTransitions.actorUserId))
    .leftJoin(organisations, eq(organisations.id, pathwayTransitions.actorOrganisationId))
    .where(eq(pathwayTransitions.caseId, caseId))
    .orderBy(asc(pathwayTransitions.recordedAt), asc(pathwayTransitions.id));
}

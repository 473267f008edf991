import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { rowsOf } from "../../db/rows-of.ts";
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

/**
 * Open ASE-placed cases whose earliest possible birth date (first of the birth month) is on or before `bornBy` and
 * whose transition track has not started: those Repère moves to "préparation de la majorité".
 */
export async function listCasesDueForTransition(db: Executor, bornBy: string, limit: number): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`
    select c.id
    from cases c
    left join pathway_tracks t on t.case_id = c.id and t.track = 'transition'
    where c.status = 'open'
      and c.anonymised_at is null
      and c.ase_department_code is not null
      and c.birth_year is not null
      and make_date(c.birth_year, coalesce(c.birth_month, 1), 1) <= ${bornBy}::date
      and (t.state is null or t.state = 'not_due')
    order by c.id
    limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

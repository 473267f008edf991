import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { caseActions, organisations, preCases, qualifications, screenings, users } from "../db/schema.ts";

export async function insertScreening(db: Executor, values: typeof screenings.$inferInsert) {
  const [row] = await db.insert(screenings).values(values).returning();
  if (!row) throw new Error("screening not inserted");
  return row;
}

const screeningColumns = {
  screening: screenings,
  authorName: users.displayName,
  organisationName: organisations.name,
};

export async function listCaseScreenings(db: Executor, caseId: string) {
  return db
    .select(screeningColumns)
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.authorUserId))
    .leftJoin(organisations, eq(organisations.id, screenings.organisationId))
    .where(eq(screenings.caseId, caseId))
    .orderBy(desc(screenings.createdAt));
}

export async function listPreCaseScreenings(db: Executor, preCaseId: string) {
  return db
    .select(screeningColumns)
    .from(screenings)
    .leftJoin(users, eq(users.id, screenings.authorUserId))
    .leftJoin(organisations, eq(organisations.id, screenings.organisationId))
    .where(eq(screenings.preCaseId, preCaseId))
    .orderBy(desc(screenings.createdAt));
}

export async function findLatestCaseScreening(db: Executor, caseId: string) {
  const [row] = await db
    .select()
    .from(screenings)
    .where(eq(screenings.caseId, caseId))
    .orderBy(desc(screenings.createdAt))
    .limit(1);
  return row;
}

export async function insertPreCase(db: Executor, values: typeof preCases.$inferInsert) {
  const [row] = await db.insert(preCases).values(values).returning();
  if (!row) throw new Error("pre-case not inserted");
  return row;
}

export async function findPreCase(db: Executor, id: string) {
  const [row] = await db.select().from(preCases).where(eq(preCases.id, id));
  return row;
}

export async function listOpenPreCases(db: Executor, organisationId: string) {
  return db
    .select()
    .from(preCases)
    .where(and(eq(preCases.organisationId, organisationId), isNull(preCases.caseId)))
    .orderBy(desc(preCases.createdAt))
    .limit(200);
}

/** Moves a pre-case's screenings onto the case it became; the pre-case stays as a record of where they came from. */
export async function attachPreCase(db: Executor, preCaseId: string, caseId: string, at: Date) {
  await db.update(preCases).set({ caseId, convertedAt: at }).where(eq(preCases.id, preCaseId));
  const moved = await db
    .update(screenings)
    .set({ caseId })
    .where(eq(screenings.preCaseId, preCaseId))
    .returning({ id: screenings.id });
  return moved.length;
}

export async function insertQualification(db: Executor, values: typeof qualifications.$inferInsert) {
  const [row] = await db.insert(qualifications).values(values).returning();
  if (!row) throw new Error("qualification not inserted");
  return row;
}

export async function listCaseQualifications(db: Executor, caseId: string) {
  return db
    .select({ qualification: qualifications, authorName: users.displayName })
    .from(qualifications)
    .leftJoin(users, eq(users.id, qualifications.authorUserId))
    .where(eq(qualifications.caseId, caseId))
    .orderBy(desc(qualifications.createdAt));
}

export async function findLatestQualification(db: Executor, caseId: string) {
  const [row] = await db
    .select()
    .from(qualifications)
    .where(eq(qualifications.caseId, caseId))
    .orderBy(desc(qualifications.createdAt))
    .limit(1);
  return row;
}

export async function listCaseActions(db: Executor, caseId: string) {
  return db
    .select()
    .from(caseActions)
    .where(eq(caseActions.caseId, caseId))
    .orderBy(asc(caseActions.raisedAt), asc(caseActions.code));
}

export async function findCaseActions(db: Executor, caseId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(caseActions)
    .where(and(eq(caseActions.caseId, caseId), inArray(caseActions.code, codes)));
}

export async function insertCaseActions(db: Executor, rows: (typeof caseActions.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(caseActions).values(rows).onConflictDoNothing();
}

export async function setActionSources(db: Executor, caseId: string, code: string, sources: string[]) {
  await db
    .update(caseActions)
    .set({ sources })
    .where(and(eq(caseActions.caseId, caseId), eq(caseActions.code, code)));
}

/** Updates an action only at the version the editor saw; undefined means someone else changed it first. */
export async function updateCaseActionVersioned(
  db: Executor,
  caseId: string,
  code: string,
  version: number,
  values: Partial<typeof caseActions.$inferInsert>,
) {
  const [row] = await db
    .update(caseActions)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(caseActions.caseId, caseId), eq(caseActions.code, code), eq(caseActions.version, version)))
    .returning();
  return row;
}

import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { organisations, pathwayMeasures, pathwayPlanReviews, pathwayPlans, users } from "../../db/schema.ts";

export type MeasureRow = typeof pathwayMeasures.$inferSelect;
export type PlanRow = typeof pathwayPlans.$inferSelect;

export async function insertMeasure(db: Executor, values: typeof pathwayMeasures.$inferInsert) {
  const [row] = await db.insert(pathwayMeasures).values(values).returning();
  if (!row) throw new Error("measure not inserted");
  return row;
}

export async function lockMeasure(db: Executor, id: string) {
  const [row] = await db.select().from(pathwayMeasures).where(eq(pathwayMeasures.id, id)).for("update");
  return row;
}

export async function updateMeasureVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof pathwayMeasures.$inferInsert>,
  now: Date,
) {
  const [row] = await db
    .update(pathwayMeasures)
    .set({ ...values, version: sql`${pathwayMeasures.version} + 1`, updatedAt: now })
    .where(and(eq(pathwayMeasures.id, id), eq(pathwayMeasures.version, version)))
    .returning();
  return row;
}

export function listMeasuresOfCase(db: Executor, caseId: string) {
  return db
    .select({ measure: pathwayMeasures, provider: organisations })
    .from(pathwayMeasures)
    .leftJoin(organisations, eq(organisations.id, pathwayMeasures.providerOrganisationId))
    .where(eq(pathwayMeasures.caseId, caseId))
    .orderBy(asc(pathwayMeasures.createdAt), asc(pathwayMeasures.id));
}

export async function findActivePlan(db: Executor, caseId: string, forUpdate = false) {
  const query = db
    .select()
    .from(pathwayPlans)
    .where(and(eq(pathwayPlans.caseId, caseId), eq(pathwayPlans.status, "active")))
    .orderBy(desc(pathwayPlans.createdAt));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function insertPlan(db: Executor, values: typeof pathwayPlans.$inferInsert) {
  const [row] = await db.insert(pathwayPlans).values(values).returning();
  if (!row) throw new Error("plan not inserted");
  return row;
}

export async function updatePlanVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof pathwayPlans.$inferInsert>,
  now: Date,
) {
  const [row] = await db
    .update(pathwayPlans)
    .set({ ...values, version: sql`${pathwayPlans.version} + 1`, updatedAt: now })
    .where(and(eq(pathwayPlans.id, id), eq(pathwayPlans.version, version)))
    .returning();
  return row;
}

export async function insertPlanReview(db: Executor, values: typeof pathwayPlanReviews.$inferInsert) {
  await db.insert(pathwayPlanReviews).values(values);
}

export function listPlanReviews(db: Executor, planId: string) {
  return db
    .select({ review: pathwayPlanReviews, reviewer: { id: users.id, displayName: users.displayName } })
    .from(pathwayPlanReviews)
    .leftJoin(users, eq(users.id, pathwayPlanReviews.reviewerUserId))
    .where(eq(pathwayPlanReviews.planId, planId))
    .orderBy(asc(pathwayPlanReviews.reviewedOn), asc(pathwayPlanReviews.createdAt));
}

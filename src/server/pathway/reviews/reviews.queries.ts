import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { organisations, pathwayReviewMembers, pathwayReviews, users } from "../../db/schema.ts";

export type ReviewRow = typeof pathwayReviews.$inferSelect;

export async function insertReview(
  db: Executor,
  review: typeof pathwayReviews.$inferInsert,
  members: (typeof pathwayReviewMembers.$inferInsert)[],
) {
  await db.insert(pathwayReviews).values(review);
  await db.insert(pathwayReviewMembers).values(members);
}

export async function findReview(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(pathwayReviews).where(eq(pathwayReviews.id, id));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export function listReviewMembers(db: Executor, reviewId: string) {
  return db
    .select({
      member: pathwayReviewMembers,
      user: { id: users.id, displayName: users.displayName },
      organisation: organisations,
    })
    .from(pathwayReviewMembers)
    .innerJoin(users, eq(users.id, pathwayReviewMembers.userId))
    .innerJoin(organisations, eq(organisations.id, pathwayReviewMembers.organisationId))
    .where(eq(pathwayReviewMembers.reviewId, reviewId))
    .orderBy(asc(organisations.name), asc(users.displayName));
}

export async function updateMember(
  db: Executor,
  reviewId: string,
  userId: string,
  values: Partial<typeof pathwayReviewMembers.$inferInsert>,
) {
  await db
    .update(pathwayReviewMembers)
    .set(values)
    .where(and(eq(pathwayReviewMembers.reviewId, reviewId), eq(pathwayReviewMembers.userId, userId)));
}

export async function markPresence(db: Executor, reviewId: string, presentUserIds: readonly string[]) {
  await db.update(pathwayReviewMembers).set({ isPresent: false }).where(eq(pathwayReviewMembers.reviewId, reviewId));
  if (presentUserIds.length === 0) return;
  await db
    .update(pathwayReviewMembers)
    .set({ isPresent: true })
    .where(and(eq(pathwayReviewMembers.reviewId, reviewId), inArray(pathwayReviewMembers.userId, [...presentUserIds])));
}

export async function updateReview(db: Executor, id: string, values: Partial<typeof pathwayReviews.$inferInsert>) {
  await db.update(pathwayReviews).set(values).where(eq(pathwayReviews.id, id));
}

export function listReviewsOfCase(db: Executor, caseId: string) {
  return db
    .select()
    .from(pathwayReviews)
    .where(eq(pathwayReviews.caseId, caseId))
    .orderBy(asc(pathwayReviews.scheduledFor));
}

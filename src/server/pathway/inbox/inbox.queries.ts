import { and, asc, eq, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import {
  cases,
  pathwayDeadlines,
  pathwayReviewMembers,
  pathwayReviews,
  pathwayTracks,
  pathwayTransfers,
} from "../../db/schema.ts";

/** Open deadlines of open cases in `scope`, due before `horizon` or already in their warning period. */
export function listDeadlinesDueSoon(db: Executor, scope: SQL, now: Date, horizon: Date) {
  return db
    .select({ deadline: pathwayDeadlines, caseNumber: cases.number, assignedUserId: cases.assignedUserId })
    .from(pathwayDeadlines)
    .innerJoin(cases, eq(cases.id, pathwayDeadlines.caseId))
    .where(
      and(
        scope,
        eq(cases.status, "open"),
        eq(pathwayDeadlines.status, "open"),
        or(lte(pathwayDeadlines.dueAt, horizon), lte(pathwayDeadlines.warnAt, now)),
      ),
    )
    .orderBy(asc(pathwayDeadlines.dueAt));
}

/** Tracks of open cases in `scope` standing in one of these states. */
export function listTracksInStates(db: Executor, scope: SQL, track: string, states: readonly string[]) {
  if (states.length === 0) return Promise.resolve([]);
  return db
    .select({ track: pathwayTracks, caseNumber: cases.number, assignedUserId: cases.assignedUserId })
    .from(pathwayTracks)
    .innerJoin(cases, eq(cases.id, pathwayTracks.caseId))
    .where(
      and(scope, eq(cases.status, "open"), eq(pathwayTracks.track, track), inArray(pathwayTracks.state, [...states])),
    )
    .orderBy(asc(pathwayTracks.stateSince));
}

/** Scheduled reviews where this user chairs, or sits and has not declared on conflicts of interest yet. */
export function listOpenReviewsOfMember(db: Executor, userId: string) {
  return db
    .select({ review: pathwayReviews, member: pathwayReviewMembers, caseNumber: cases.number })
    .from(pathwayReviewMembers)
    .innerJoin(pathwayReviews, eq(pathwayReviews.id, pathwayReviewMembers.reviewId))
    .innerJoin(cases, eq(cases.id, pathwayReviews.caseId))
    .where(
      and(
        eq(pathwayReviewMembers.userId, userId),
        eq(pathwayReviews.status, "scheduled"),
        or(eq(pathwayReviewMembers.isChair, true), isNull(pathwayReviewMembers.hasConflict)),
      ),
    )
    .orderBy(asc(pathwayReviews.scheduledFor));
}

export function listPendingTransfersTo(db: Executor, organisationId: string) {
  return db
    .select({ transfer: pathwayTransfers, caseNumber: cases.number })
    .from(pathwayTransfers)
    .innerJoin(cases, eq(cases.id, pathwayTransfers.caseId))
    .where(and(eq(pathwayTransfers.toOrganisationId, organisationId), eq(pathwayTransfers.status, "requested")))
    .orderBy(asc(pathwayTransfers.requestedAt));
}

import { getDepartmentTimeZone } from "@shared/calendar/department-time-zone.ts";
import { startOfLocalDay, toLocalDate } from "@shared/calendar/local-date.ts";
import type { AdoptPlanInput, PlanGoalView, PlanView, ReviewPlanInput } from "@shared/pathway.ts";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { openJson, sealAad, sealJson } from "../../cases/sealed.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/connection.ts";
import { AppError, conflict } from "../../http/errors.ts";
import type { UserActor } from "../../policy/actor.ts";
import { listDeadlinesOfCase } from "../deadlines/deadlines.queries.ts";
import { meetDeadlines, startDeadline } from "../deadlines/deadlines.service.ts";
import { appendPathwayTimelineEntry, assertCaseOpen, getPathwayCase, type PathwayCase } from "../pathway-case.ts";
import {
  findActivePlan,
  insertPlan,
  insertPlanReview,
  listPlanReviews,
  type PlanRow,
  updatePlanVersioned,
} from "./measures.queries.ts";

type AdoptInput = z.output<typeof AdoptPlanInput>;
type ReviewInput = z.output<typeof ReviewPlanInput>;

/** Binds a plan's sealed goals to its row (also used by the seed). */
export const goalsAad = (planId: string) => sealAad("pathway_plans", "goals_enc", planId);
const notesAad = (reviewId: string) => sealAad("pathway_plan_reviews", "notes_enc", reviewId);

export async function presentPlan(ctx: AppContext, db: Executor, plan: PlanRow): Promise<PlanView> {
  const reviews = await listPlanReviews(db, plan.id);
  const deadlines = await listDeadlinesOfCase(db, plan.caseId);
  const nextReview = deadlines.find((d) => d.code === "plan_review" && d.status === "open");
  return {
    id: plan.id,
    status: plan.status as PlanView["status"],
    adoptedOn: plan.adoptedOn,
    goals: openJson<PlanGoalView[]>(ctx.keys.data, plan.goalsEnc, goalsAad(plan.id)),
    reviews: reviews.map(({ review, reviewer }) => ({
      reviewedOn: review.reviewedOn,
      notes: review.notesEnc ? openJson<string>(ctx.keys.data, review.notesEnc, notesAad(review.id)) : null,
      reviewer,
    })),
    nextReviewDueOn: nextReview?.dueLocalDate ?? null,
    version: plan.version,
  };
}

/** A day in the département's calendar, as the instant its deadlines count from; never a day still to come. */
function dayStart(loaded: PathwayCase, day: string, now: Date, path: string): Date {
  const timeZone = getDepartmentTimeZone(loaded.record.case.departmentCode);
  if (day > toLocalDate(now, timeZone)) {
    throw new AppError("invalid_input", 400, undefined, [{ path, message: "Cette date est dans le futur." }]);
  }
  return startOfLocalDay(day, timeZone);
}

/** Adopts the protection plan: meets the 30-day deadline and starts the reviews every 3 months. */
export async function adoptPlan(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: AdoptInput,
): Promise<PlanView> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.adopt_plan", tx);
    assertCaseOpen(loaded);
    if (await findActivePlan(tx, caseId, true)) throw new AppError("plan_already_active", 409);
    const now = ctx.now();
    const adoptedAt = dayStart(loaded, input.adoptedOn, now, "adoptedOn");
    const id = crypto.randomUUID();
    const plan = await insertPlan(tx, {
      id,
      caseId,
      adoptedOn: input.adoptedOn,
      goalsEnc: sealJson(ctx.keys.data, input.goals, goalsAad(id)),
      adoptedByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const met = await meetDeadlines(tx, caseId, ["protection_plan"], adoptedAt);
    const next = await startDeadline(tx, {
      caseId,
      code: "plan_review",
      track: "plan",
      startAt: adoptedAt,
      departmentCode: loaded.record.case.departmentCode,
    });
    const details = { planId: id, event: "adopted", goals: input.goals.length, nextReviewDueOn: next.dueLocalDate };
    await appendPathwayTimelineEntry(tx, ctx, actor, { caseId, kind: "pathway_plan", at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.adopt_plan",
      targetType: "pathway_plan",
      targetId: id,
      caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, ...details, deadlinesMet: met.map((d) => d.code) },
    });
    return presentPlan(ctx, tx, plan);
  });
}

/** Records a plan review: meets the running review deadline and starts the next one from this review's date. */
export async function reviewPlan(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: ReviewInput,
): Promise<PlanView> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.review_plan", tx);
    assertCaseOpen(loaded);
    const plan = await findActivePlan(tx, caseId, true);
    if (!plan) throw new AppError("no_active_plan", 409);
    if (plan.version !== input.version) throw conflict();
    const now = ctx.now();
    if (input.reviewedOn < plan.adoptedOn) {
      throw new AppError("invalid_input", 400, undefined, [
        { path: "reviewedOn", message: "La révision précède l'adoption du plan." },
      ]);
    }
    const reviewedAt = dayStart(loaded, input.reviewedOn, now, "reviewedOn");
    const reviewId = crypto.randomUUID();
    await insertPlanReview(tx, {
      id: reviewId,
      planId: plan.id,
      reviewedOn: input.reviewedOn,
      notesEnc: input.notes ? sealJson(ctx.keys.data, input.notes, notesAad(reviewId)) : null,
      reviewerUserId: actor.userId,
      createdAt: now,
    });
    const updated = await updatePlanVersioned(
      tx,
      plan.id,
      input.version,
      input.goals ? { goalsEnc: sealJson(ctx.keys.data, input.goals, goalsAad(plan.id)) } : {},
      now,
    );
    if (!updated) throw conflict();
    const met = await meetDeadlines(tx, caseId, ["plan_review"], reviewedAt);
    const next = await startDeadline(tx, {
      caseId,
      code: "plan_review",
      track: "plan",
      startAt: reviewedAt,
      departmentCode: loaded.record.case.departmentCode,
    });
    const details = {
      planId: plan.id,
      event: "reviewed",
      reviewedOn: input.reviewedOn,
      nextReviewDueOn: next.dueLocalDate,
    };
    await appendPathwayTimelineEntry(tx, ctx, actor, { caseId, kind: "pathway_plan", at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.review_plan",
      targetType: "pathway_plan",
      targetId: plan.id,
      caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, ...details, deadlinesMet: met.map((d) => d.code) },
    });
    return presentPlan(ctx, tx, updated);
  });
}

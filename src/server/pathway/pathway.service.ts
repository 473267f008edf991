import { ACTIONS } from "@shared/actions.ts";
import { getDepartmentTimeZone } from "@shared/calendar/department-time-zone.ts";
import type { ReviewOutcome, ReviewStatus } from "@shared/pathway/reviews.ts";
import {
  type PathwayView,
  STATE_LABELS,
  TRACKS,
  type Track,
  type TrackState,
  type TransitionTrigger,
  type TransitionView,
} from "@shared/pathway.ts";
import { recordAudit } from "../audit/record.ts";
import { organisationRef } from "../cases/present-case.ts";
import { openJson } from "../cases/sealed.ts";
import type { AppContext } from "../context.ts";
import type { Executor } from "../db/connection.ts";
import type { UserActor } from "../policy/actor.ts";
import { type CaseTarget, can } from "../policy/policy.ts";
import { listDeadlinesOfCase } from "./deadlines/deadlines.queries.ts";
import { presentDeadline } from "./deadlines/deadlines.service.ts";
import { findActivePlan } from "./measures/measures.queries.ts";
import { listMeasureViews } from "./measures/measures.service.ts";
import { presentPlan } from "./measures/plan.service.ts";
import { getPathwayCase } from "./pathway-case.ts";
import { listReviewsOfCase } from "./reviews/reviews.queries.ts";
import { currentTrackState, nextStepsFor } from "./tracks/track-steps.ts";
import { listTracksOfCase, listTransitionsOfCase } from "./tracks/tracks.queries.ts";
import { transitionAad } from "./tracks/transition-aad.ts";
import { listTransfersOfCase } from "./transfers/transfers.queries.ts";

/** The pathway actions this actor may take on this case, for the interface to hide what it cannot do. */
function pathwayActionsOn(actor: UserActor, target: CaseTarget) {
  return ACTIONS.filter((action) => action.startsWith("pathway.") && can(actor, action, target));
}

/** The whole pathway of a case as the caller may see it: tracks with history and next steps, deadlines, measures… */
export async function viewPathway(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  db: Executor = ctx.db,
): Promise<PathwayView> {
  const { record, target } = await getPathwayCase(ctx, actor, caseId, "pathway.read", db);
  const now = ctx.now();
  const [trackRows, transitionRows, deadlineRows, measures, plan, reviews, transfers] = await Promise.all([
    listTracksOfCase(db, caseId),
    listTransitionsOfCase(db, caseId),
    listDeadlinesOfCase(db, caseId),
    listMeasureViews(db, caseId),
    findActivePlan(db, caseId),
    listReviewsOfCase(db, caseId),
    listTransfersOfCase(db, caseId),
  ]);
  const mayStep = can(actor, "pathway.transition", target) && record.case.status === "open";
  const tracks = TRACKS.map((track: Track) => {
    const row = trackRows.find((r) => r.track === track);
    const state = currentTrackState(track, row, record.case.victimStatus);
    const history = transitionRows
      .filter((r) => r.transition.track === track)
      .map(
        ({ transition, actor: author, organisation }): TransitionView => ({
          id: transition.id,
          from: transition.fromState as TrackState,
          to: transition.toState as TrackState,
          occurredAt: transition.occurredAt.toISOString(),
          recordedAt: transition.recordedAt.toISOString(),
          actor: author,
          organisation: organisation ? organisationRef(organisation) : null,
          via: transition.via as TransitionView["via"],
          reason: transition.reasonEnc
            ? openJson<string>(ctx.keys.data, transition.reasonEnc, transitionAad(transition.id, "reason_enc"))
            : null,
          reference: transition.referenceEnc
            ? openJson<string>(ctx.keys.data, transition.referenceEnc, transitionAad(transition.id, "reference_enc"))
            : null,
          trigger: (transition.trigger as TransitionTrigger | null) ?? null,
        }),
      );
    return {
      track,
      state,
      stateLabel: STATE_LABELS[state],
      stateSince: row && row.state === state ? row.stateSince.toISOString() : null,
      history,
      nextSteps: mayStep ? nextStepsFor(actor, track, state) : [],
    };
  });
  return {
    caseId,
    caseNumber: record.case.number,
    departmentCode: record.case.departmentCode,
    timeZone: getDepartmentTimeZone(record.case.departmentCode),
    tracks,
    deadlines: deadlineRows.map((row) => presentDeadline(row, now)),
    measures,
    plan: plan ? await presentPlan(ctx, db, plan) : null,
    reviews: reviews.map((r) => ({
      id: r.id,
      status: r.status as ReviewStatus,
      scheduledFor: r.scheduledFor.toISOString(),
      outcome: (r.outcome as ReviewOutcome | null) ?? null,
    })),
    transfers: transfers.map(({ transfer, to }) => ({
      id: transfer.id,
      status: transfer.status as PathwayView["transfers"][number]["status"],
      toOrganisation: organisationRef(to),
      requestedAt: transfer.requestedAt.toISOString(),
    })),
    can: pathwayActionsOn(actor, target),
  };
}

/** Reasons and plan goals are free text about the young person: every read is audited, like the timeline. */
export async function getPathway(ctx: AppContext, actor: UserActor, caseId: string): Promise<PathwayView> {
  return ctx.db.transaction(async (tx) => {
    const view = await viewPathway(ctx, actor, caseId, tx);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.read",
      targetType: "case",
      targetId: caseId,
      caseId,
      departmentCode: view.departmentCode,
      details: { caseNumber: view.caseNumber },
    });
    return view;
  });
}

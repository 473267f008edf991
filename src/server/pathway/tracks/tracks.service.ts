import type { DeadlineCode } from "@shared/calendar/deadline-rules.ts";
import { toLocalDate } from "@shared/calendar/local-date.ts";
import { VICTIM_STATUSES, type VictimStatus, type VictimStatusDecider } from "@shared/cases.ts";
import type { PathwayView, Track, TrackState, TransitionInput, TransitionTrigger } from "@shared/pathway.ts";
import { INITIAL_STATES } from "@shared/pathway.ts";
import type { OrganisationType } from "@shared/roles.ts";
import { recordAudit } from "../../audit/record.ts";
import { insertVictimStatus, updateCase } from "../../cases/cases.queries.ts";
import { sealJson } from "../../cases/sealed.ts";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor, UserActor } from "../../policy/actor.ts";
import { meetDeadlines, startDeadline } from "../deadlines/deadlines.service.ts";
import { findActivePlan } from "../measures/measures.queries.ts";
import { viewPathway } from "../pathway.service.ts";
import { appendPathwayTimelineEntry, assertCaseOpen, getPathwayCase, type PathwayCase } from "../pathway-case.ts";
import { checkStep, currentTrackState, type StepVia } from "./track-steps.ts";
import { insertTransition, lockTrack, updateTrack } from "./tracks.queries.ts";
import { transitionAad } from "./transition-aad.ts";

/** A clock a few minutes fast on a user's machine should not refuse a step dated "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const DECIDER_BY_ORGANISATION: Record<OrganisationType, VictimStatusDecider> = {
  ase_service: "ase",
  crip: "crip",
  establishment: "other",
  association: "association",
  court_prosecution: "prosecutor",
  court_juvenile: "court",
  police_unit: "police",
  national_coordination: "other",
};

function deciderOf(actor: Actor, via: StepVia): VictimStatusDecider {
  if (via === "review") return "multi_agency";
  return actor.kind === "user" ? DECIDER_BY_ORGANISATION[actor.organisationType] : "other";
}

const isVictimStatus = (state: TrackState): state is VictimStatus =>
  (VICTIM_STATUSES as readonly string[]).includes(state);
const LATER_THAN_POSSIBLE: readonly TrackState[] = ["presumed", "identified_le", "recognised_court", "not_victim"];

function checkInstant(path: string, at: Date, now: Date): void {
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError("invalid_input", 400, undefined, [{ path, message: "Cette date est dans le futur." }]);
  }
}

/** The earliest possible 17th birthday from the plain birth year and month: the identity stays sealed, and erring early alerts early. */
function earliestBirthDate(loaded: PathwayCase): string | undefined {
  const { birthYear, birthMonth } = loaded.record.case;
  if (birthYear === null) return undefined;
  return `${birthYear}-${String(birthMonth ?? 1).padStart(2, "0")}-01`;
}

export interface AppliedStep {
  transitionId: string;
  from: TrackState;
  to: TrackState;
  started: DeadlineCode[];
  met: DeadlineCode[];
}

/**
 * Records one step inside the caller's transaction: locks the track, checks the step against the table, moves the
 * track, writes the transition (reason sealed), starts and meets deadlines, mirrors victim statuses into the case
 * domain, and appends the timeline and the audit. Used by users (route), reviews (their decision) and jobs.
 */
export async function applyStep(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  loaded: PathwayCase,
  track: Track,
  input: TransitionInput,
  via: StepVia,
): Promise<AppliedStep> {
  assertCaseOpen(loaded);
  const caseRow = loaded.record.case;
  const now = ctx.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  checkInstant("occurredAt", occurredAt, now);
  const triggerAt = input.trigger ? new Date(input.trigger.screenedAt) : undefined;
  if (triggerAt) checkInstant("trigger.screenedAt", triggerAt, now);

  const row = await lockTrack(tx, caseRow.id, track, INITIAL_STATES[track], now);
  const current = currentTrackState(track, row, caseRow.victimStatus);
  const transition = checkStep(actor, track, current, input, via);
  const to = transition.to;

  const transitionId = crypto.randomUUID();
  await insertTransition(tx, {
    id: transitionId,
    caseId: caseRow.id,
    track,
    fromState: current,
    toState: to,
    occurredAt,
    recordedAt: now,
    actorUserId: actor.kind === "user" ? actor.userId : null,
    actorOrganisationId: actor.kind === "user" ? actor.organisationId : null,
    via,
    reasonEnc: input.reason ? sealJson(ctx.keys.data, input.reason, transitionAad(transitionId, "reason_enc")) : null,
    referenceEnc: input.reference
      ? sealJson(ctx.keys.data, input.reference, transitionAad(transitionId, "reference_enc"))
      : null,
    trigger: (input.trigger as Record<string, unknown> | undefined) ?? null,
  });

  let observedVictimStatus = row.observedVictimStatus;
  if (track === "identification") {
    observedVictimStatus = isVictimStatus(to) ? to : caseRow.victimStatus;
    if (isVictimStatus(to)) {
      // Written through the case domain's table so the case, its filters and the observatory see the status.
      await insertVictimStatus(tx, {
        caseId: caseRow.id,
        status: to,
        decidedBy: deciderOf(actor, via),
        decidedOn: toLocalDate(occurredAt, "Europe/Paris"),
        recordedByUserId: actor.kind === "user" ? actor.userId : null,
        recordedAt: now,
      });
      await updateCase(tx, caseRow.id, { victimStatus: to }, now);
    }
  }
  await updateTrack(tx, caseRow.id, track, { state: to, stateSince: occurredAt, observedVictimStatus }, now);

  const started: DeadlineCode[] = [];
  const birthDate = earliestBirthDate(loaded);
  for (const opened of transition.opens ?? []) {
    if (opened.code === "transition_interview" && birthDate === undefined) continue;
    // A victim identified after the plan was adopted keeps that plan: only adopting one meets this deadline.
    if (opened.code === "protection_plan" && (await findActivePlan(tx, caseRow.id))) continue;
    await startDeadline(tx, {
      caseId: caseRow.id,
      code: opened.code,
      track,
      startAt: opened.startsAt === "trigger" ? (triggerAt ?? occurredAt) : occurredAt,
      departmentCode: caseRow.departmentCode,
      context: { birthDate },
    });
    started.push(opened.code);
  }
  if (await startsPresumedVictimReview(tx, loaded, input.trigger, triggerAt, track, to)) {
    started.push("presumed_victim_review");
  }
  const met = (await meetDeadlines(tx, caseRow.id, transition.meets ?? [], occurredAt)).map(
    (d) => d.code as DeadlineCode,
  );

  const details = { track, from: current, to, via, occurredAt: occurredAt.toISOString() };
  await appendPathwayTimelineEntry(tx, ctx, actor, { caseId: caseRow.id, kind: "pathway_step", at: now, details });
  await recordAudit(tx, ctx.keys.audit, actor, {
    action: actor.kind === "system" ? "system.pathway_transition" : "pathway.transition",
    targetType: "case",
    targetId: caseRow.id,
    caseId: caseRow.id,
    departmentCode: caseRow.departmentCode,
    details: { caseNumber: caseRow.number, ...details, transitionId, deadlinesStarted: started, deadlinesMet: met },
  });
  return { transitionId, from: current, to, started, met };
}

/**
 * A clear concern starts the 10-working-day clock of the multi-agency review, from the screening's date, unless
 * the identification track is already past that question.
 */
async function startsPresumedVictimReview(
  tx: Tx,
  loaded: PathwayCase,
  trigger: TransitionTrigger | undefined,
  triggerAt: Date | undefined,
  track: Track,
  to: TrackState,
): Promise<boolean> {
  if (trigger?.level !== "clear" || !triggerAt) return false;
  const identification = track === "identification" ? to : loaded.record.case.victimStatus;
  if (identification !== null && LATER_THAN_POSSIBLE.includes(identification as TrackState)) return false;
  await startDeadline(tx, {
    caseId: loaded.record.case.id,
    code: "presumed_victim_review",
    track: "identification",
    startAt: triggerAt,
    departmentCode: loaded.record.case.departmentCode,
  });
  return true;
}

/** A user's step on a track (POST /api/pathway/cases/:id/tracks/:track/transitions). */
export async function recordStep(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  track: Track,
  input: TransitionInput,
): Promise<PathwayView> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.transition", tx);
    await applyStep(tx, ctx, actor, loaded, track, input, "user");
    return viewPathway(ctx, actor, caseId, tx);
  });
}

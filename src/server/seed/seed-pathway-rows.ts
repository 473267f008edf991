/**
 * The screening and the protection pathway of one synthetic case, as the app would have written them step by step:
 * the GRR screening that opened the case (scored and sealed by the screening service's own functions), steps on the
 * three tracks, each looked up in TRACK_TRANSITIONS and taken by an account of a kind the table allows, the deadlines
 * those steps open and meet (computed by the shared calendar, as startDeadline does), the protection measure once
 * decided and the protection plan with its reviews. Pure: every draw comes from the case's own "pathway" stream.
 */

import { computeDeadline, type DeadlineContext } from "@shared/calendar/compute-deadline.ts";
import { type DeadlineCode, type DeadlineOverrides, getDeadlineRule } from "@shared/calendar/deadline-rules.ts";
import { getDepartmentTimeZone } from "@shared/calendar/department-time-zone.ts";
import { holidayCalendarKey } from "@shared/calendar/holidays.ts";
import { startOfLocalDay, toLocalDate } from "@shared/calendar/local-date.ts";
import { VICTIM_STATUSES, type VictimStatus } from "@shared/cases.ts";
import type { MeasureKind, PlanGoalView, Track, TrackState, TransitionTrigger } from "@shared/pathway.ts";
import { findTransition } from "@shared/pathway.ts";
import { CURRENT_GRID } from "@shared/screening/grid-registry.ts";
import { scoreScreening } from "@shared/screening/score-screening.ts";
import type { ScreeningLevel } from "@shared/screening/screening-levels.ts";
import type { ScreeningAnswer, ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import { sealJson } from "../cases/sealed.ts";
import type {
  caseTimelineEntries,
  pathwayDeadlines,
  pathwayMeasures,
  pathwayPlanReviews,
  pathwayPlans,
  pathwayTracks,
  pathwayTransitions,
  screenings,
} from "../db/schema.ts";
import type { KeyRing } from "../keys/key-ring.ts";
import { goalsAad } from "../pathway/measures/plan.service.ts";
import { transitionAad } from "../pathway/tracks/transition-aad.ts";
import { screeningRow } from "../screening/screenings.service.ts";
import { DAY_MS } from "./calendar-days.ts";
import { type Random, randomForIndex } from "./random.ts";
import { seedId } from "./seed-ids.ts";
import type { SeedAuthor, SeedDepartmentRefs } from "./seed-organisations.ts";
import type { SyntheticCase } from "./synthetic-person.ts";
import type { ExploitationFamily } from "./synthetic-vocabulary.ts";

export interface SeedPathwayRows {
  screenings: (typeof screenings.$inferInsert)[];
  tracks: (typeof pathwayTracks.$inferInsert)[];
  transitions: (typeof pathwayTransitions.$inferInsert)[];
  deadlines: (typeof pathwayDeadlines.$inferInsert)[];
  measures: (typeof pathwayMeasures.$inferInsert)[];
  plans: (typeof pathwayPlans.$inferInsert)[];
  planReviews: (typeof pathwayPlanReviews.$inferInsert)[];
  timeline: (typeof caseTimelineEntries.$inferInsert)[];
}

export interface SeedPathwayInput {
  caseId: string;
  keys: KeyRing;
  refs: SeedDepartmentRefs;
  /** Who holds the case: screens it and records the first steps. */
  author: SeedAuthor;
  now: Date;
  /** The case's plain birth year and month, from which the app dates the transition to adulthood. */
  birthYear: number | null;
  birthMonth: number | null;
  /** The département's deadline overrides, read once per run. */
  overrides: DeadlineOverrides | undefined;
}

// ——— Shares and delays (ASSUMPTION throughout: no published figure describes how French cases move) ———

/** Cases whose opening screening went through Repère's grid; the others were reported another way. */
const SCREENED_SHARE = 0.8;
/** A step the clock allows still does not happen: the case is waiting on someone (what the inbox is for). */
const STALL_SHARE = 0.05;
/** Cases whose first step is a concern recorded before the IP or signalement goes out. */
const CONCERN_FIRST_SHARE = 0.15;
const PLAN_ADOPTED_SHARE = 0.9;
/** Plans whose three-monthly reviews are recorded; the others' first review stays due (often overdue). */
const PLAN_REVIEWED_SHARE = 0.6;
const YOUNG_ADULT_SUPPORT_SHARE = 0.65;
/** CASF L222-5-1: the app opens "préparation de la majorité" at 16 years 9 months (transition-start.ts). */
const PREPARATION_AGE_MONTHS = 16 * 12 + 9;
const HOUR_MS = 3_600_000;

const EXPLOITATION_ITEM: Record<ExploitationFamily, string> = {
  sexual: "G1",
  labour: "H1",
  domestic: "H3",
  criminal: "I1",
  begging: "I3",
  other: "H4",
};

export const PLAN_GOALS = [
  "Mise à l'abri et stabilité du lieu de vie",
  "Suivi de santé et soins psychologiques",
  "Reprise de la scolarité ou d'une formation",
  "Accès aux droits : titre de séjour, assistance juridique",
  "Rupture des liens avec le réseau",
  "Préparation de l'autonomie",
] as const;

// Reasons and references are free text in the app, sealed like any: these read like what a professional writes.
export const REASONS = {
  not_victim: "Examen de la situation : pas d'éléments caractérisant la traite des êtres humains.",
  crip_closed: "Évaluation close : danger écarté, accompagnement de droit commun proposé à la famille.",
  prosecutor_closed: "Classement sans suite de la procédure d'assistance éducative.",
  not_executed: "Mesure non exécutée : pas de place disponible dans l'établissement désigné.",
  support_declined: "Le jeune majeur ne souhaite pas de contrat d'accompagnement.",
  support_ended: "Fin du contrat jeune majeur : autonomie acquise (logement et emploi).",
} as const;

type Via = "user" | "review" | "system";

interface PlannedEvent {
  at: number;
  /** Keeps the order of events at the same instant as they were planned. */
  order: number;
  apply: () => void;
}

interface StepOptions {
  via?: Via;
  trigger?: TransitionTrigger;
  reason?: string;
  reference?: string;
}

type DeadlineRow = SeedPathwayRows["deadlines"][number];

// Statuses past the question the multi-agency review answers (tracks.service.ts).
const LATER_THAN_POSSIBLE: readonly TrackState[] = ["presumed", "identified_le", "recognised_court", "not_victim"];

class PathwayRecorder {
  readonly rows: SeedPathwayRows = {
    screenings: [],
    tracks: [],
    transitions: [],
    deadlines: [],
    measures: [],
    plans: [],
    planReviews: [],
    timeline: [],
  };
  readonly states = new Map<Track, { state: TrackState; since: Date; steps: number }>();
  private readonly open = new Map<DeadlineCode, DeadlineRow>();
  readonly timeZone: string;
  hasActivePlan = false;
  /** The case's victim status as steps record it, which the identification row observes. */
  private victimStatus: string | null = null;
  private observedVictimStatus: string | null = null;

  constructor(
    private readonly input: SeedPathwayInput,
    private readonly departmentCode: string,
    private readonly birthDate: string | undefined,
  ) {
    this.timeZone = getDepartmentTimeZone(departmentCode);
  }

  stateOf(track: Track): TrackState {
    return this.states.get(track)?.state ?? (track === "identification" ? "none" : initialOf(track));
  }

  timelineEntry(
    kind: "screening_recorded" | "pathway_step" | "pathway_measure" | "pathway_plan",
    at: Date,
    actor: SeedAuthor | null,
    details: Record<string, unknown>,
  ) {
    this.rows.timeline.push({
      id: seedId(),
      caseId: this.input.caseId,
      kind,
      occurredAt: at,
      authorUserId: actor?.userId ?? null,
      authorOrganisationId: actor?.organisationId ?? null,
      textEnc: null,
      details,
    });
  }

  /** What applyStep writes for one step, the transition table deciding what opens and what is met. */
  step(track: Track, to: TrackState, at: Date, actor: SeedAuthor | null, options: StepOptions = {}) {
    const from = this.stateOf(track);
    const transition = findTransition(track, from, to);
    if (!transition) throw new Error(`seed: ${track} ${from} → ${to} is not an allowed step`);
    const via = options.via ?? "user";
    const id = seedId();
    const keys = this.input.keys.data;
    this.rows.transitions.push({
      id,
      caseId: this.input.caseId,
      track,
      fromState: from,
      toState: to,
      occurredAt: at,
      recordedAt: at,
      actorUserId: actor?.userId ?? null,
      actorOrganisationId: actor?.organisationId ?? null,
      via,
      reasonEnc: options.reason ? sealJson(keys, options.reason, transitionAad(id, "reason_enc")) : null,
      referenceEnc: options.reference ? sealJson(keys, options.reference, transitionAad(id, "reference_enc")) : null,
      trigger: options.trigger ? { ...options.trigger } : null,
    });
    if (track === "identification") {
      if (VICTIM_STATUSES.includes(to as VictimStatus)) this.victimStatus = to;
      this.observedVictimStatus = this.victimStatus;
    }
    const previous = this.states.get(track);
    this.states.set(track, { state: to, since: at, steps: (previous?.steps ?? 0) + 1 });

    const triggerAt = options.trigger ? new Date(options.trigger.screenedAt) : undefined;
    for (const opened of transition.opens ?? []) {
      if (opened.code === "transition_interview" && this.birthDate === undefined) continue;
      // A victim identified after the plan was adopted keeps that plan (applyStep).
      if (opened.code === "protection_plan" && this.hasActivePlan) continue;
      const startAt = opened.startsAt === "trigger" ? (triggerAt ?? at) : at;
      this.startDeadline(opened.code, track, startAt, at, { birthDate: this.birthDate });
    }
    if (options.trigger?.level === "clear" && triggerAt) {
      const identification = track === "identification" ? to : this.stateOf("identification");
      if (!LATER_THAN_POSSIBLE.includes(identification)) {
        this.startDeadline("presumed_victim_review", "identification", triggerAt, at);
      }
    }
    this.meet(transition.meets ?? [], at);
    const details: Record<string, unknown> = { track, from, to, via, occurredAt: at.toISOString() };
    if (via === "system") details.system = "job:pathway-transition";
    this.timelineEntry("pathway_step", at, actor, details);
  }

  /** startDeadline: computed once with the département's calendar; an open deadline of the same code is kept. */
  startDeadline(
    code: DeadlineCode,
    track: DeadlineRow["track"],
    startAt: Date,
    recordedAt: Date,
    context?: DeadlineContext,
  ) {
    if (this.open.has(code)) return this.open.get(code);
    const computed = computeDeadlineOnce(code, startAt, this.departmentCode, this.input.overrides, context);
    const row: DeadlineRow = {
      id: seedId(),
      caseId: this.input.caseId,
      code,
      track,
      transferId: null,
      departmentCode: this.departmentCode,
      timeZone: computed.timeZone,
      unit: computed.unit,
      amount: computed.amount,
      startAt,
      dueAt: computed.dueAt,
      dueLocalDate: computed.dueLocalDate,
      warnAt: computed.warnAt ?? null,
      status: "open",
      metAt: null,
      createdAt: recordedAt,
    };
    this.rows.deadlines.push(row);
    this.open.set(code, row);
    return row;
  }

  meet(codes: readonly DeadlineCode[], at: Date) {
    for (const code of codes) {
      const row = this.open.get(code);
      if (!row) continue;
      row.status = "met";
      row.metAt = at;
      this.open.delete(code);
    }
  }

  /** The seed closes what a closed case leaves running, so that only open cases carry open deadlines. */
  cancelOpen() {
    for (const row of this.open.values()) row.status = "cancelled";
    this.open.clear();
  }

  trackRows() {
    for (const [track, { state, since, steps }] of this.states) {
      this.rows.tracks.push({
        caseId: this.input.caseId,
        track,
        state,
        stateSince: since,
        observedVictimStatus: track === "identification" ? this.observedVictimStatus : null,
        version: 1 + steps,
        updatedAt: since,
      });
    }
  }
}

function initialOf(track: Track): TrackState {
  return track === "civil_protection" ? "not_started" : track === "transition" ? "not_due" : "none";
}

// Counted and birthday deadlines depend on the start's local day, the time zone and the public holidays only, which
// most départements share: one computation serves every start on that day. The date-fns arithmetic of the shared
// calendar (a parse per day counted) would otherwise cost more than everything else the seed does for a case.
const computedCache = new Map<string, ReturnType<typeof computeDeadline>>();

function computeDeadlineOnce(
  code: DeadlineCode,
  startAt: Date,
  departmentCode: string,
  overrides: DeadlineOverrides | undefined,
  context: DeadlineContext | undefined,
) {
  const rule = getDeadlineRule(code);
  if (rule.unit === "immediate" || overrides !== undefined) {
    return computeDeadline(rule, startAt, departmentCode, overrides, context);
  }
  const timeZone = getDepartmentTimeZone(departmentCode);
  const birth = rule.unit === "before_birthday" ? (context?.birthDate ?? "") : "";
  const key = `${code}|${timeZone}|${holidayCalendarKey(departmentCode)}|${toLocalDate(startAt, timeZone)}|${birth}`;
  let computed = computedCache.get(key);
  if (!computed) {
    if (computedCache.size > 50_000) computedCache.clear();
    computed = computeDeadline(rule, startAt, departmentCode, undefined, context);
    computedCache.set(key, computed);
  }
  return computed;
}

function screeningLevelOf(synthetic: SyntheticCase, random: Random): ScreeningLevel {
  if (synthetic.victimStatusHistory.length >= 2) return random.chance(0.85) ? "clear" : "possible";
  if (synthetic.closure?.reason === "not_trafficking") return random.chance(0.5) ? "none" : "possible";
  return random.chance(0.75) ? "possible" : "clear";
}

/** A full grid whose scoring gives `level`: the signs of the case's first exploitation, rated 1 or 2. */
function submissionFor(
  synthetic: SyntheticCase,
  level: ScreeningLevel,
  screenedOn: string,
  random: Random,
): ScreeningSubmission {
  const family = synthetic.exploitations[0]?.family ?? "other";
  const source = () => random.pick(["observed", "disclosed", "third_party"] as const);
  const answers: ScreeningAnswer[] = [];
  const isMna = synthetic.profile.kind === "unaccompanied_minor";
  // Risk items (domain A) never set the level; they say why the professional looked.
  answers.push(
    isMna
      ? { itemId: "A3", value: 1, sourceType: "document", date: screenedOn }
      : random.chance(0.5)
        ? { itemId: "A1", value: 1, sourceType: source(), date: screenedOn }
        : { itemId: "A1", value: "unknown" },
  );
  if (level !== "none") {
    answers.push({
      itemId: EXPLOITATION_ITEM[family],
      value: level === "clear" ? 2 : 1,
      sourceType: source(),
      date: screenedOn,
    });
    if (level === "clear" && random.chance(0.6))
      answers.push({ itemId: "J1", value: 1, sourceType: source(), date: screenedOn });
  } else {
    answers.push({ itemId: EXPLOITATION_ITEM[family], value: 0 });
  }
  return {
    gridVersion: CURRENT_GRID.version,
    mode: "full",
    ageAtScreening: isMna ? null : synthetic.ageAtIdentification,
    ageUncertain: isMna,
    screenedOn,
    answers,
    redFlags: [],
  };
}

const reference = (prefix: string, at: Date, random: Random) =>
  `${prefix} ${at.getUTCFullYear()}/${String(random.int(1, 99_999)).padStart(5, "0")}`;

export function buildSeedPathwayRows(synthetic: SyntheticCase, input: SeedPathwayInput): SeedPathwayRows {
  const random = randomForIndex(synthetic.seed, synthetic.index).fork("pathway");
  const { refs, author } = input;
  const createdMs = new Date(synthetic.createdAt).getTime();
  const closureMs = synthetic.closure ? new Date(synthetic.closure.at).getTime() : null;
  // Nothing is recorded on a closed case, nor after the seed's now.
  const endMs = closureMs === null ? input.now.getTime() : Math.min(closureMs - HOUR_MS, input.now.getTime());
  const birthDate =
    input.birthYear === null ? undefined : `${input.birthYear}-${String(input.birthMonth ?? 1).padStart(2, "0")}-01`;
  const recorder = new PathwayRecorder(input, synthetic.departmentCode, birthDate);
  const events: PlannedEvent[] = [];
  const plan = (at: number, apply: () => void) => events.push({ at, order: events.length, apply });
  const planStep = (track: Track, to: TrackState, at: number, actor: SeedAuthor | null, options?: StepOptions) =>
    plan(at, () => recorder.step(track, to, new Date(at), actor, options));
  /** `days` after `from`, at some hour of the day; null when it falls after the end or the case waits there. */
  const later = (from: number, minDays: number, maxDays: number, canStall = true): number | null => {
    if (canStall && random.chance(STALL_SHARE)) return null;
    const at = from + random.int(minDays, maxDays) * DAY_MS + random.int(0, 8) * HOUR_MS;
    return at <= endMs ? at : null;
  };

  // ——— the screening that opened the case ———
  let trigger: TransitionTrigger | undefined;
  if (random.chance(SCREENED_SHARE)) {
    const level = screeningLevelOf(synthetic, random);
    const screenedAt = new Date(createdMs);
    const id = seedId();
    const submission = submissionFor(synthetic, level, toLocalDate(screenedAt, "Europe/Paris"), random);
    const result = scoreScreening(submission);
    if (result.level !== level) throw new Error(`seed: the grid scored ${result.level}, not ${level}`);
    const subject = { caseId: input.caseId, preCaseId: null };
    const row = screeningRow(input.keys.data, id, subject, author, submission, result);
    recorder.rows.screenings.push({ ...row, createdAt: screenedAt });
    recorder.timelineEntry("screening_recorded", screenedAt, author, {
      screeningId: id,
      level: result.level,
      mode: result.mode,
      gridVersion: result.gridVersion,
    });
    if (level !== "none") trigger = { level, screenedAt: screenedAt.toISOString(), screeningId: id };
  }

  // ——— identification: the victim statuses the case already records, as steps ———
  const police = refs.partnerUsers.police;
  const judge = refs.partnerUsers.judge;
  const prosecutor = refs.partnerUsers.prosecutor;
  let protectionPlanFrom: number | null = null;
  for (const change of synthetic.victimStatusHistory) {
    const at = new Date(change.at).getTime();
    // A status dated after the case closed stands on the case alone, as one recorded there directly would: the
    // track then reads it through observed_victim_status (track-steps.ts).
    if (at > endMs) break;
    if (change.status === "possible") planStep("identification", "possible", at, author, { trigger });
    else if (change.status === "presumed") planStep("identification", "presumed", at, refs.crip, { via: "review" });
    else if (change.status === "identified_le") {
      planStep("identification", "identified_le", at, police ?? author, {
        reference: reference("PV n°", new Date(at), random),
      });
    } else if (change.status === "recognised_court") {
      planStep("identification", "recognised_court", at, judge ?? author, {
        reference: reference("Jugement n°", new Date(at), random),
      });
    }
    if ((change.status === "presumed" || change.status === "identified_le") && protectionPlanFrom === null) {
      protectionPlanFrom = at;
    }
  }
  if (synthetic.closure?.reason === "not_trafficking" && synthetic.victimStatusHistory.length === 1 && closureMs) {
    const at = Math.max(createdMs + HOUR_MS, closureMs - random.int(2, 72) * HOUR_MS);
    if (at <= endMs) planStep("identification", "not_victim", at, refs.crip, { reason: REASONS.not_victim });
  }

  // ——— civil protection ———
  const civil = (to: TrackState, at: number, actor: SeedAuthor, options?: StepOptions) =>
    planStep("civil_protection", to, at, actor, options);
  let decidedAt: number | null = null;
  let executedAt: number | null = null;
  let notExecuted = false;
  const decideAndExecute = (from: number, decider: SeedAuthor) => {
    const decided = later(from, 7, 25);
    if (decided === null) return;
    civil("measure_decided", decided, decider);
    decidedAt = decided;
    if (random.chance(0.1)) {
      const failed = later(decided, 1, 6);
      if (failed === null) return;
      civil("measure_not_executed", failed, refs.ase, { reason: REASONS.not_executed });
      notExecuted = true;
      const executed = later(failed, 7, 45);
      if (executed === null) return;
      civil("measure_executed", executed, refs.ase);
      executedAt = executed;
      notExecuted = false;
      return;
    }
    const executed = later(decided, 0, 10);
    if (executed === null) return;
    civil("measure_executed", executed, refs.ase);
    executedAt = executed;
  };
  const judicialAfterSeisin = (seized: number, withOpp: boolean) => {
    if (!prosecutor) return; // only a prosecutor takes the next steps: the case waits for one
    if (!withOpp && random.chance(0.15)) {
      const closed = later(seized, 10, 60);
      if (closed !== null) civil("ended", closed, prosecutor, { reason: REASONS.prosecutor_closed });
      return;
    }
    if (withOpp) {
      const opp = later(seized, 0, 2);
      if (opp === null) return;
      civil("emergency_placement_ordered", opp, prosecutor);
      const referred = later(opp, 2, 11);
      if (referred === null) return;
      civil("juvenile_judge_seized", referred, prosecutor);
      decideAndExecute(referred, judge ?? refs.ase);
      return;
    }
    const referred = later(seized, 3, 30);
    if (referred === null) return;
    civil("juvenile_judge_seized", referred, prosecutor);
    decideAndExecute(referred, judge ?? refs.ase);
  };
  const first = createdMs + random.int(1, 6) * HOUR_MS;
  let sent = first;
  if (first <= endMs) {
    if (random.chance(CONCERN_FIRST_SHARE)) {
      civil("concern_identified", first, author, { trigger });
      sent = later(first, 0, 4) ?? Number.NaN;
    }
    const emergency = synthetic.profile.placement?.legalBasis === "emergency_placement_order";
    const judicial = author === refs.ase && prosecutor !== undefined && (emergency || random.chance(0.6));
    const stepTrigger = sent === first ? trigger : undefined;
    if (Number.isNaN(sent)) {
      // waits with the concern recorded
    } else if (judicial || (author === refs.ase && random.chance(0.2))) {
      civil("prosecutor_report_sent", sent, author, { trigger: stepTrigger });
      const seized = later(sent, 0, 3);
      if (seized !== null) {
        civil("prosecutor_seized", seized, prosecutor ?? refs.crip);
        judicialAfterSeisin(seized, emergency);
      }
    } else {
      civil("concern_report_sent", sent, author, { trigger: stepTrigger });
      const received = later(sent, 0, 3);
      if (received !== null) {
        civil("crip_evaluation", received, refs.crip);
        const outcome = random.next();
        const evaluated = later(received, 20, 110);
        if (evaluated !== null) {
          if (outcome < 0.45) {
            civil("measure_decided", evaluated, refs.crip);
            decidedAt = evaluated;
            const executed = later(evaluated, 0, 10);
            if (executed !== null) {
              civil("measure_executed", executed, refs.ase);
              executedAt = executed;
            }
          } else if (outcome < 0.8) {
            civil("prosecutor_seized", evaluated, refs.crip);
            judicialAfterSeisin(evaluated, false);
          } else {
            civil("ended", evaluated, refs.crip, { reason: REASONS.crip_closed });
          }
        }
      }
    }
  }

  // ——— transition to adulthood: what the daily job and the ASE referent record ———
  if (synthetic.profile.placement && input.birthYear !== null) {
    const month = (input.birthMonth ?? 1) - 1 + PREPARATION_AGE_MONTHS;
    const due = Date.UTC(input.birthYear, month, 1) + random.int(5, 9) * HOUR_MS;
    const prepared = Math.max(due, createdMs + random.int(12, 30) * HOUR_MS);
    if (prepared <= endMs) {
      planStep("transition", "preparation", prepared, null, { via: "system" });
      const interview = later(prepared, 14, 200);
      if (interview !== null) {
        planStep("transition", "interview_held", interview, refs.ase);
        const adult = Date.UTC(input.birthYear + 18, (input.birthMonth ?? 1) - 1, 1);
        const answered = later(Math.max(interview, adult), 1, 60);
        if (answered !== null) {
          if (random.chance(YOUNG_ADULT_SUPPORT_SHARE)) {
            planStep("transition", "young_adult_support", answered, refs.ase);
            const ended = later(answered, 180, 1095);
            if (ended !== null)
              planStep("transition", "support_ended", ended, refs.ase, { reason: REASONS.support_ended });
          } else {
            planStep("transition", "support_declined", answered, refs.ase, { reason: REASONS.support_declined });
          }
        }
      }
    }
  }

  // ——— the protection plan, adopted after the presumed or identified status, then reviewed every three months ———
  if (protectionPlanFrom !== null && random.chance(PLAN_ADOPTED_SHARE)) {
    const tz = recorder.timeZone;
    const adoptedOn = toLocalDate(new Date(protectionPlanFrom + random.int(3, 45) * DAY_MS), tz);
    const adoptedAt = startOfLocalDay(adoptedOn, tz).getTime();
    if (adoptedAt <= endMs) {
      const id = seedId();
      const labels: string[] = [...PLAN_GOALS];
      for (let i = labels.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [labels[i], labels[j]] = [labels[j] as string, labels[i] as string];
      }
      const goals: PlanGoalView[] = labels
        .slice(0, random.int(2, 4))
        .map((label) => ({ label, targetOn: null, isAchieved: false }));
      const row: SeedPathwayRows["plans"][number] = {
        id,
        caseId: input.caseId,
        status: closureMs === null ? "active" : "ended",
        adoptedOn,
        goalsEnc: sealJson(input.keys.data, goals, goalsAad(id)),
        adoptedByUserId: author.userId,
        version: 1,
        createdAt: new Date(adoptedAt),
        updatedAt: new Date(adoptedAt),
      };
      plan(adoptedAt, () => {
        recorder.rows.plans.push(row);
        recorder.hasActivePlan = true;
        recorder.meet(["protection_plan"], new Date(adoptedAt));
        const next = recorder.startDeadline("plan_review", "plan", new Date(adoptedAt), new Date(adoptedAt));
        recorder.timelineEntry("pathway_plan", new Date(adoptedAt), author, {
          planId: id,
          event: "adopted",
          goals: goals.length,
          nextReviewDueOn: next?.dueLocalDate,
        });
      });
      // Reviews are modelled on open cases only: a closed case's running review is cancelled with it.
      const reviewed = closureMs === null && random.chance(PLAN_REVIEWED_SHARE);
      for (let last = adoptedAt; reviewed; ) {
        const reviewedOn = toLocalDate(new Date(last + random.int(70, 105) * DAY_MS), tz);
        const reviewedAt = startOfLocalDay(reviewedOn, tz).getTime();
        if (reviewedAt > endMs || random.chance(STALL_SHARE)) break;
        last = reviewedAt;
        plan(reviewedAt, () => {
          recorder.rows.planReviews.push({
            id: seedId(),
            planId: id,
            reviewedOn,
            notesEnc: null,
            reviewerUserId: author.userId,
            createdAt: new Date(reviewedAt),
          });
          row.version = (row.version ?? 1) + 1;
          row.updatedAt = new Date(reviewedAt);
          recorder.meet(["plan_review"], new Date(reviewedAt));
          const next = recorder.startDeadline("plan_review", "plan", new Date(reviewedAt), new Date(reviewedAt));
          recorder.timelineEntry("pathway_plan", new Date(reviewedAt), author, {
            planId: id,
            event: "reviewed",
            reviewedOn,
            nextReviewDueOn: next?.dueLocalDate,
          });
        });
      }
    }
  }

  events.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const event of events) event.apply();
  if (closureMs !== null) recorder.cancelOpen();
  recorder.trackRows();

  // ——— the protection measure, once decided ———
  if (decidedAt !== null) {
    recorder.rows.measures.push(
      measureRow(synthetic, input, recorder, decidedAt, executedAt, notExecuted, closureMs, random),
    );
  }
  return recorder.rows;
}

function measureRow(
  synthetic: SyntheticCase,
  input: SeedPathwayInput,
  recorder: PathwayRecorder,
  decidedAt: number,
  executedAt: number | null,
  notExecuted: boolean,
  closureMs: number | null,
  random: Random,
): SeedPathwayRows["measures"][number] {
  const placement = synthetic.profile.placement;
  const kind: MeasureKind = placement
    ? "placement"
    : random.pick(["acse_referral", "psychological_care", "schooling_training"] as const);
  const status = notExecuted
    ? "not_executed"
    : executedAt === null
      ? closureMs === null
        ? "planned"
        : "cancelled"
      : closureMs === null
        ? "in_progress"
        : "ended";
  const id = seedId();
  const changedAt = new Date(closureMs ?? executedAt ?? decidedAt);
  recorder.timelineEntry("pathway_measure", new Date(decidedAt), input.refs.ase, { measureId: id, kind, status });
  return {
    id,
    caseId: input.caseId,
    kind,
    status,
    providerOrganisationId: placement?.type === "establishment" ? input.refs.foyerOrganisationId : null,
    providerName: null,
    startOn: executedAt === null ? null : toLocalDate(new Date(executedAt), recorder.timeZone),
    endOn: status === "ended" && closureMs !== null ? toLocalDate(new Date(closureMs), recorder.timeZone) : null,
    placementType: placement ? placement.type : null,
    isSecurePlacement: placement ? false : null,
    isDistantPlacement: placement ? random.chance(0.3) : null,
    createdByUserId: input.refs.ase.userId,
    version: status === "planned" ? 1 : 2,
    createdAt: new Date(decidedAt),
    updatedAt: changedAt,
  };
}

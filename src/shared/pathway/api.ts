import type { Action } from "../actions.ts";
import type { AppliedDeadlineRule, DeadlineCode, DeadlineSource, DeadlineUnit } from "../calendar/deadline-rules.ts";
import type { OrganisationRef, UserRef } from "../cases.ts";
import type { OrganisationType } from "../roles.ts";
import { z } from "../zod-fr.ts";
import { MEASURE_KINDS, MEASURE_STATUSES, type MeasureKind, type MeasureStatus, PLACEMENT_TYPES } from "./measures.ts";
import { REVIEW_MIN_QUORUM, REVIEW_OUTCOMES, type ReviewOutcome, type ReviewStatus } from "./reviews.ts";
import { TRACKS, type Track, type TrackState } from "./tracks.ts";

const Uuid = z.uuid("Identifiant invalide.");
const IsoDate = z.iso.date("Date invalide (AAAA-MM-JJ).");
const Instant = z.iso.datetime({ offset: true, message: "Date et heure invalides (ISO 8601)." });
const Version = z.int("Version invalide.").min(1, "Version invalide.");
const Text = (max: number) =>
  z.string().trim().min(1, "Ce champ est obligatoire.").max(max, `${max} caractères au plus.`);

export const TrackParam = z.enum(TRACKS, "Parcours inconnu.");

/** The screening result that set the pathway off; the screening itself is recorded by the screening domain. */
export const TransitionTrigger = z.strictObject({
  level: z.enum(["possible", "clear"], "Niveau inconnu."),
  screenedAt: Instant,
  screeningId: Uuid.optional(),
});
export type TransitionTrigger = z.infer<typeof TransitionTrigger>;

/**
 * One step on a track. `from` is the state the user saw: if the track moved meanwhile, the step is refused (409)
 * rather than applied to a state nobody looked at.
 */
export const TransitionInput = z.strictObject({
  from: z.string().min(1).max(60),
  to: z.string().min(1).max(60),
  /** When the step happened (an OPP's date, a registry's receipt); deadlines count from it. Default: now. */
  occurredAt: Instant.optional(),
  reason: Text(2000).optional(),
  reference: Text(200).optional(),
  trigger: TransitionTrigger.optional(),
});
export type TransitionInput = z.infer<typeof TransitionInput>;

const PlacementDetails = z.strictObject({
  type: z.enum(PLACEMENT_TYPES, "Type de placement inconnu."),
  isSecure: z.boolean().default(false),
  /** Éloignement: placed far from the exploiters, the main protection tool (procedure.md §2.3). */
  isDistant: z.boolean().default(false),
});

export const CreateMeasureInput = z
  .strictObject({
    kind: z.enum(MEASURE_KINDS, "Mesure inconnue."),
    providerOrganisationId: Uuid.nullable().default(null),
    /** A provider outside Repère (a bar, a hospital); a professional's name, never the young person's. */
    providerName: Text(200).nullable().default(null),
    status: z.enum(MEASURE_STATUSES, "Statut inconnu.").default("planned"),
    startOn: IsoDate.nullable().default(null),
    endOn: IsoDate.nullable().default(null),
    placement: PlacementDetails.nullable().default(null),
  })
  .refine((m) => (m.kind === "placement") === (m.placement !== null), {
    path: ["placement"],
    message: "Précisez le placement, et seulement pour une mesure de placement.",
  })
  .refine((m) => !m.startOn || !m.endOn || m.startOn <= m.endOn, {
    path: ["endOn"],
    message: "La fin précède le début.",
  });
export type CreateMeasureInput = z.input<typeof CreateMeasureInput>;

export const UpdateMeasureInput = z.strictObject({
  version: Version,
  status: z.enum(MEASURE_STATUSES, "Statut inconnu.").optional(),
  providerOrganisationId: Uuid.nullable().optional(),
  providerName: Text(200).nullable().optional(),
  startOn: IsoDate.nullable().optional(),
  endOn: IsoDate.nullable().optional(),
  placement: PlacementDetails.nullable().optional(),
});
export type UpdateMeasureInput = z.input<typeof UpdateMeasureInput>;

const PlanGoal = z.strictObject({
  label: Text(300),
  targetOn: IsoDate.nullable().default(null),
  isAchieved: z.boolean().default(false),
});

export const AdoptPlanInput = z.strictObject({
  adoptedOn: IsoDate,
  goals: z.array(PlanGoal).min(1, "Au moins un objectif.").max(30, "30 objectifs au plus."),
});
export type AdoptPlanInput = z.input<typeof AdoptPlanInput>;

export const ReviewPlanInput = z.strictObject({
  version: Version,
  reviewedOn: IsoDate,
  goals: z.array(PlanGoal).min(1, "Au moins un objectif.").max(30, "30 objectifs au plus.").optional(),
  notes: Text(5000).optional(),
});
export type ReviewPlanInput = z.input<typeof ReviewPlanInput>;

export const CreateReviewInput = z
  .strictObject({
    scheduledFor: Instant,
    chairUserId: Uuid,
    /** The other members; the chair is a member too. */
    memberUserIds: z.array(Uuid).min(1, "Au moins un autre membre.").max(20, "20 membres au plus."),
    quorum: z.int().min(REVIEW_MIN_QUORUM, `Un quorum de ${REVIEW_MIN_QUORUM} au moins.`).max(21),
    /** Who brought the concern and is told the outcome; by default the author of the request. */
    referringUserId: Uuid.optional(),
  })
  .refine((r) => new Set(r.memberUserIds).size === r.memberUserIds.length, {
    path: ["memberUserIds"],
    message: "Un membre est répété.",
  });
export type CreateReviewInput = z.input<typeof CreateReviewInput>;

export const DeclareConflictInput = z.strictObject({
  hasConflict: z.boolean(),
  note: Text(1000).optional(),
});
export type DeclareConflictInput = z.infer<typeof DeclareConflictInput>;

export const DecideReviewInput = z.strictObject({
  outcome: z.enum(REVIEW_OUTCOMES, "Décision inconnue."),
  presentUserIds: z.array(Uuid).min(1).max(21),
  reasons: Text(5000),
  minutes: Text(20000),
});
export type DecideReviewInput = z.infer<typeof DecideReviewInput>;

const Contact = z.strictObject({
  name: Text(200),
  role: Text(200),
  phone: z.string().trim().max(40).optional(),
  email: z.email("Adresse invalide.").max(200).optional(),
});

/** Who may receive a hand-over between départements: the child-protection services of the receiving side. */
export const TRANSFER_RECEIVING_TYPES = ["ase_service", "crip"] as const satisfies readonly OrganisationType[];

export const RequestTransferInput = z.strictObject({
  toOrganisationId: Uuid,
  summary: Text(10000),
  contacts: z.array(Contact).max(20).default([]),
});
export type RequestTransferInput = z.input<typeof RequestTransferInput>;

export const DeclineTransferInput = z.strictObject({ reason: Text(2000) });
export type DeclineTransferInput = z.infer<typeof DeclineTransferInput>;

export const InboxQuery = z.strictObject({
  scope: z.enum(["me", "organisation", "all"]).default("all"),
});

// ---------------------------------------------------------------------------------------------------------------
// Views

export type DeadlineUrgency = "upcoming" | "warning" | "overdue";

export interface DeadlineView {
  id: string;
  code: DeadlineCode;
  label: string;
  basis: string;
  /** `legal`: set by a text; `policy`: Repère's own target. */
  source: DeadlineSource;
  /** `calendar_days` for legal delays, `working_days` for some policy ones: said on screen. */
  unit: DeadlineUnit;
  amount: number;
  track: Track | "plan" | "transfer" | null;
  startAt: string;
  dueAt: string;
  /** The last day, in the département's time zone. */
  dueLocalDate: string;
  warnAt: string | null;
  timeZone: string;
  status: "open" | "met" | "cancelled";
  /** For open deadlines, where they stand now. */
  urgency: DeadlineUrgency | null;
  metAt: string | null;
}

export interface NextStepView {
  to: TrackState;
  label: string;
  requiresReason: boolean;
  requiresReference: boolean;
  acceptsTrigger: boolean;
  occurredAtLabel: string | null;
}

export interface TransitionView {
  id: string;
  from: TrackState;
  to: TrackState;
  occurredAt: string;
  recordedAt: string;
  actor: UserRef | null;
  organisation: OrganisationRef | null;
  /** "review" when a multi-agency review decided it, "system" when Repère's clock did. */
  via: "user" | "review" | "system";
  reason: string | null;
  reference: string | null;
  trigger: TransitionTrigger | null;
}

export interface TrackView {
  track: Track;
  state: TrackState;
  stateLabel: string;
  stateSince: string | null;
  history: TransitionView[];
  /** Steps the caller may take now. */
  nextSteps: NextStepView[];
}

export interface MeasureView {
  id: string;
  kind: MeasureKind;
  status: MeasureStatus;
  providerOrganisation: OrganisationRef | null;
  providerName: string | null;
  startOn: string | null;
  endOn: string | null;
  placement: { type: string; isSecure: boolean; isDistant: boolean } | null;
  version: number;
  updatedAt: string;
}

export interface PlanGoalView {
  label: string;
  targetOn: string | null;
  isAchieved: boolean;
}

export interface PlanView {
  id: string;
  status: "active" | "ended";
  adoptedOn: string;
  goals: PlanGoalView[];
  reviews: { reviewedOn: string; notes: string | null; reviewer: UserRef | null }[];
  /** The open plan_review deadline's last day. */
  nextReviewDueOn: string | null;
  version: number;
}

export interface ReviewMemberView {
  user: UserRef;
  organisation: OrganisationRef;
  isChair: boolean;
  /** null until declared. */
  hasConflict: boolean | null;
  isPresent: boolean | null;
}

export interface ReviewView {
  id: string;
  caseId: string;
  caseNumber: string;
  status: ReviewStatus;
  scheduledFor: string;
  quorum: number;
  members: ReviewMemberView[];
  referringUser: UserRef | null;
  outcome: ReviewOutcome | null;
  /** Minuted reasons and minutes: shown to the panel and the case's workers only. */
  reasons: string | null;
  minutes: string | null;
  decidedAt: string | null;
  can: Action[];
}

/** A professional who may sit on a case's review panel: a name and an organisation, nothing else. */
export interface ReviewCandidateView {
  user: UserRef;
  organisation: OrganisationRef;
  /** The case's referent may not chair. */
  mayChair: boolean;
}

export interface TransferContactView {
  name: string;
  role: string;
  phone?: string;
  email?: string;
}

export interface TransferView {
  id: string;
  caseId: string;
  caseNumber: string;
  fromOrganisation: OrganisationRef;
  toOrganisation: OrganisationRef;
  status: "requested" | "accepted" | "declined" | "withdrawn";
  requestedAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  handover: {
    summary: string;
    contacts: TransferContactView[];
    openMeasures: { kind: MeasureKind; status: MeasureStatus; startOn: string | null; endOn: string | null }[];
    openDeadlines: { code: DeadlineCode; label: string; dueAt: string; dueLocalDate: string }[];
    tracks: { track: Track; state: TrackState }[];
  };
  acceptanceDeadline: DeadlineView | null;
  can: Action[];
}

export interface PathwayView {
  caseId: string;
  caseNumber: string;
  departmentCode: string;
  timeZone: string;
  tracks: TrackView[];
  deadlines: DeadlineView[];
  measures: MeasureView[];
  plan: PlanView | null;
  reviews: { id: string; status: ReviewStatus; scheduledFor: string; outcome: ReviewOutcome | null }[];
  transfers: { id: string; status: TransferView["status"]; toOrganisation: OrganisationRef; requestedAt: string }[];
  can: Action[];
}

export type InboxCategory = "overdue" | "due_soon" | "awaiting_decision" | "information";

export interface InboxItem {
  kind:
    | "deadline"
    | "awaiting_step"
    | "review_to_chair"
    | "conflict_to_declare"
    | "transfer_to_decide"
    | "notification";
  category: InboxCategory;
  /** "me": assigned to me or naming me; "organisation": my organisation's cases. */
  scope: "me" | "organisation";
  caseId: string;
  caseNumber: string;
  label: string;
  dueAt: string | null;
  deadlineId?: string;
  reviewId?: string;
  transferId?: string;
  notificationId?: string;
  track?: Track;
  state?: TrackState;
}

export interface InboxView {
  counts: Record<InboxCategory, number>;
  items: InboxItem[];
}

export interface DeadlineOverridesView {
  departmentCode: string;
  overrides: Record<string, unknown>;
  rules: AppliedDeadlineRule[];
}

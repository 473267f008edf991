import type { DeadlineCode } from "../calendar/deadline-rules.ts";
import type { OrganisationType, Role } from "../roles.ts";

/*
 * The protection pathway as data (procedure.md §8): parallel tracks on one case, each with its own state and its own
 * table of allowed transitions. The server refuses any move not listed here; the interface reads the same table to
 * offer the next steps. Criminal proceedings are a separate domain and never block these tracks (design principle 1).
 */

export const TRACKS = ["civil_protection", "identification", "transition"] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_LABELS: Record<Track, string> = {
  civil_protection: "Protection de l'enfance",
  identification: "Statut de victime",
  transition: "Passage à la majorité",
};

export const CIVIL_PROTECTION_STATES = [
  "not_started",
  "concern_identified",
  "concern_report_sent",
  "prosecutor_report_sent",
  "crip_evaluation",
  "prosecutor_seized",
  "emergency_placement_ordered",
  "juvenile_judge_seized",
  "measure_decided",
  "measure_executed",
  "measure_not_executed",
  "ended",
] as const;

/** `possible` … `recognised_court` are the case domain's victim statuses; `none` and `not_victim` are the track's own. */
export const IDENTIFICATION_STATES = [
  "none",
  "possible",
  "presumed",
  "identified_le",
  "recognised_court",
  "not_victim",
] as const;

export const TRANSITION_STATES = [
  "not_due",
  "preparation",
  "interview_held",
  "young_adult_support",
  "support_declined",
  "support_ended",
] as const;

export type CivilProtectionState = (typeof CIVIL_PROTECTION_STATES)[number];
export type IdentificationState = (typeof IDENTIFICATION_STATES)[number];
export type TransitionState = (typeof TRANSITION_STATES)[number];
export type TrackState = CivilProtectionState | IdentificationState | TransitionState;

export const TRACK_STATES: { readonly [T in Track]: readonly TrackState[] } = {
  civil_protection: CIVIL_PROTECTION_STATES,
  identification: IDENTIFICATION_STATES,
  transition: TRANSITION_STATES,
};

/** Where a track stands before anything was recorded on it. */
export const INITIAL_STATES: { readonly [T in Track]: TrackState } = {
  civil_protection: "not_started",
  identification: "none",
  transition: "not_due",
};

export const STATE_LABELS: Record<TrackState, string> = {
  not_started: "Aucune alerte",
  concern_identified: "Préoccupation repérée, alerte à transmettre",
  concern_report_sent: "Information préoccupante transmise à la CRIP",
  prosecutor_report_sent: "Signalement transmis au parquet",
  crip_evaluation: "Évaluation par la CRIP",
  prosecutor_seized: "Parquet saisi",
  emergency_placement_ordered: "Ordonnance de placement provisoire (OPP)",
  juvenile_judge_seized: "Juge des enfants saisi",
  measure_decided: "Mesure de protection décidée",
  measure_executed: "Mesure de protection exécutée",
  measure_not_executed: "Mesure décidée non exécutée",
  ended: "Protection terminée",
  none: "Aucun statut",
  possible: "Victime possible (repérage)",
  presumed: "Victime présumée (examen pluridisciplinaire)",
  identified_le: "Victime identifiée par les forces de l'ordre",
  recognised_court: "Victime reconnue par une juridiction",
  not_victim: "Pas victime de traite",
  not_due: "Pas encore concerné",
  preparation: "Préparation de la majorité",
  interview_held: "Entretien de préparation tenu",
  young_adult_support: "Accompagnement jeune majeur",
  support_declined: "Accompagnement refusé",
  support_ended: "Accompagnement terminé",
};

/** Who may perform a step: a role, optionally only in some kinds of organisation (an ASE manager of the CRIP). */
export interface RolePerformer {
  roles: readonly Role[];
  organisationTypes?: readonly OrganisationType[];
}
/** Steps decided elsewhere: by a multi-agency review's minuted decision, or by Repère's own clock. */
export type Performer = RolePerformer | { via: "review" } | { via: "system" };

/** A deadline a step starts: from the step's date, or from the trigger (the screening result) given with it. */
export interface OpenedDeadline {
  code: DeadlineCode;
  startsAt: "occurred_at" | "trigger";
}

export interface TrackTransition {
  track: Track;
  from: readonly TrackState[];
  to: TrackState;
  /** The button's wording. */
  label: string;
  performers: readonly Performer[];
  /** What the date of the step means, when it is not simply "when it happened". */
  occurredAtLabel?: string;
  requiresReason?: boolean;
  /** A procedure or decision reference (PV number, judgment number), for statuses decided outside Repère. */
  requiresReference?: boolean;
  /** The step may carry the screening result that triggered it (level and date). */
  acceptsTrigger?: boolean;
  opens?: readonly OpenedDeadline[];
  meets?: readonly DeadlineCode[];
}

const FIRST_LINE: RolePerformer = {
  roles: ["educator", "ase_referent", "ase_manager", "crip_officer", "association_worker"],
};
const POLICE: RolePerformer = { roles: ["police_liaison"], organisationTypes: ["police_unit"] };
const ASE: RolePerformer = { roles: ["ase_referent", "ase_manager"], organisationTypes: ["ase_service"] };
const CRIP: RolePerformer = { roles: ["crip_officer", "ase_manager"], organisationTypes: ["crip"] };
const PROSECUTOR: RolePerformer = { roles: ["prosecutor"], organisationTypes: ["court_prosecution"] };
const JUDGE: RolePerformer = { roles: ["juvenile_judge"], organisationTypes: ["court_juvenile"] };
const REVIEW = { via: "review" } as const;
const SYSTEM = { via: "system" } as const;

const CIVIL_PROTECTION_TRANSITIONS: readonly TrackTransition[] = [
  {
    track: "civil_protection",
    from: ["not_started", "ended"],
    to: "concern_identified",
    label: "Enregistrer une préoccupation à transmettre",
    performers: [FIRST_LINE, POLICE],
    acceptsTrigger: true,
    opens: [{ code: "concern_report_without_delay", startsAt: "trigger" }],
  },
  {
    track: "civil_protection",
    from: ["not_started", "concern_identified", "ended"],
    to: "concern_report_sent",
    label: "Information préoccupante transmise à la CRIP",
    performers: [FIRST_LINE],
    acceptsTrigger: true,
    occurredAtLabel: "Date d'envoi de l'information préoccupante",
    // Opened then met at once when the IP goes out without an earlier step: the delay is still measured.
    opens: [{ code: "concern_report_without_delay", startsAt: "trigger" }],
    meets: ["concern_report_without_delay"],
  },
  {
    track: "civil_protection",
    from: ["not_started", "concern_identified", "concern_report_sent", "ended"],
    to: "prosecutor_report_sent",
    label: "Signalement transmis au parquet (copie à la CRIP)",
    performers: [FIRST_LINE, POLICE],
    acceptsTrigger: true,
    occurredAtLabel: "Date d'envoi du signalement",
    opens: [{ code: "concern_report_without_delay", startsAt: "trigger" }],
    meets: ["concern_report_without_delay"],
  },
  {
    track: "civil_protection",
    from: ["concern_report_sent"],
    to: "crip_evaluation",
    label: "Réception de l'information préoccupante par la CRIP",
    performers: [CRIP],
    occurredAtLabel: "Date de réception de l'information préoccupante",
    opens: [{ code: "crip_evaluation", startsAt: "occurred_at" }],
  },
  {
    track: "civil_protection",
    from: ["crip_evaluation"],
    to: "prosecutor_seized",
    label: "Saisine du parquet par la CRIP (CASF L226-4)",
    performers: [CRIP],
    meets: ["crip_evaluation"],
  },
  {
    track: "civil_protection",
    from: ["crip_evaluation"],
    to: "measure_decided",
    label: "Mesure administrative décidée",
    performers: [CRIP, ASE],
    meets: ["crip_evaluation"],
    opens: [{ code: "measure_not_executed", startsAt: "occurred_at" }],
  },
  {
    track: "civil_protection",
    from: ["crip_evaluation"],
    to: "ended",
    label: "Évaluation close sans suite",
    performers: [CRIP],
    requiresReason: true,
    meets: ["crip_evaluation"],
  },
  {
    track: "civil_protection",
    from: ["prosecutor_report_sent"],
    to: "prosecutor_seized",
    label: "Réception du signalement par le parquet",
    performers: [PROSECUTOR, CRIP, POLICE],
    occurredAtLabel: "Date de réception par le parquet",
  },
  {
    track: "civil_protection",
    from: ["prosecutor_seized"],
    to: "emergency_placement_ordered",
    label: "Ordonnance de placement provisoire",
    performers: [PROSECUTOR],
    occurredAtLabel: "Date de l'ordonnance",
    opens: [{ code: "opp_seize_juvenile_judge", startsAt: "occurred_at" }],
  },
  {
    track: "civil_protection",
    from: ["prosecutor_seized"],
    to: "juvenile_judge_seized",
    label: "Saisine du juge des enfants",
    performers: [PROSECUTOR],
    occurredAtLabel: "Date de réception de la requête au greffe",
  },
  {
    track: "civil_protection",
    from: ["prosecutor_seized"],
    to: "ended",
    label: "Classement par le parquet",
    performers: [PROSECUTOR],
    requiresReason: true,
  },
  {
    track: "civil_protection",
    from: ["emergency_placement_ordered"],
    to: "juvenile_judge_seized",
    label: "Saisine du juge des enfants après l'OPP",
    performers: [PROSECUTOR],
    // CPC 1184 and Cass. 5 March 2025: the 15 days run from receipt at the registry, not from the request's date.
    occurredAtLabel: "Date de réception de la requête au greffe",
    meets: ["opp_seize_juvenile_judge"],
    opens: [{ code: "judge_ruling", startsAt: "occurred_at" }],
  },
  {
    track: "civil_protection",
    from: ["juvenile_judge_seized"],
    to: "measure_decided",
    label: "Décision du juge des enfants : mesure de protection",
    // The judge's decision may be recorded by the ASE from the notified judgment (procedure.md §8.2).
    performers: [JUDGE, ASE],
    occurredAtLabel: "Date de la décision",
    meets: ["judge_ruling"],
    opens: [{ code: "measure_not_executed", startsAt: "occurred_at" }],
  },
  {
    track: "civil_protection",
    from: ["juvenile_judge_seized"],
    to: "ended",
    label: "Décision du juge des enfants : pas de mesure",
    performers: [JUDGE],
    requiresReason: true,
    meets: ["judge_ruling"],
  },
  {
    track: "civil_protection",
    from: ["measure_decided", "measure_not_executed"],
    to: "measure_executed",
    label: "Mesure exécutée",
    performers: [ASE],
    occurredAtLabel: "Date d'exécution",
    meets: ["measure_not_executed"],
  },
  {
    track: "civil_protection",
    from: ["measure_decided"],
    to: "measure_not_executed",
    label: "Mesure non exécutée (pas de place, refus, fugue)",
    performers: [ASE],
    requiresReason: true,
  },
  {
    track: "civil_protection",
    from: ["measure_executed", "measure_not_executed"],
    to: "juvenile_judge_seized",
    label: "Nouvelle saisine du juge des enfants",
    performers: [PROSECUTOR],
    occurredAtLabel: "Date de réception de la requête au greffe",
  },
  {
    track: "civil_protection",
    from: ["measure_executed"],
    to: "ended",
    label: "Fin de la mesure de protection",
    performers: [ASE, JUDGE],
    requiresReason: true,
  },
];

const SUPERVISOR: RolePerformer = {
  roles: ["ase_manager", "crip_officer"],
  organisationTypes: ["ase_service", "crip"],
};
const RECORDING_FOR_OTHERS: RolePerformer = {
  roles: ["ase_referent", "ase_manager", "crip_officer"],
  organisationTypes: ["ase_service", "crip"],
};

const IDENTIFICATION_TRANSITIONS: readonly TrackTransition[] = [
  {
    track: "identification",
    from: ["none", "not_victim"],
    to: "possible",
    label: "Victime possible (résultat de repérage)",
    performers: [FIRST_LINE, POLICE],
    acceptsTrigger: true,
  },
  {
    track: "identification",
    from: ["none", "possible"],
    to: "presumed",
    label: "Victime présumée (décision de l'examen pluridisciplinaire)",
    performers: [REVIEW],
    meets: ["presumed_victim_review"],
    opens: [{ code: "protection_plan", startsAt: "occurred_at" }],
  },
  {
    track: "identification",
    from: ["none", "possible", "presumed"],
    to: "identified_le",
    label: "Victime identifiée par les forces de l'ordre",
    performers: [POLICE, RECORDING_FOR_OTHERS],
    requiresReference: true,
    meets: ["presumed_victim_review"],
    opens: [{ code: "protection_plan", startsAt: "occurred_at" }],
  },
  {
    track: "identification",
    from: ["presumed", "identified_le"],
    to: "recognised_court",
    label: "Victime reconnue par une juridiction",
    performers: [JUDGE, PROSECUTOR, RECORDING_FOR_OTHERS],
    requiresReference: true,
  },
  {
    track: "identification",
    from: ["possible"],
    to: "not_victim",
    label: "Pas victime de traite",
    // "Not trafficking" needs a supervisor (procedure.md §8.2, closing) or a review's decision.
    performers: [SUPERVISOR, REVIEW],
    requiresReason: true,
    meets: ["presumed_victim_review"],
  },
  {
    track: "identification",
    from: ["presumed"],
    to: "not_victim",
    label: "Pas victime de traite (nouvel examen pluridisciplinaire)",
    performers: [REVIEW],
    requiresReason: true,
  },
];

const TRANSITION_TRANSITIONS: readonly TrackTransition[] = [
  {
    track: "transition",
    from: ["not_due"],
    to: "preparation",
    label: "Préparation de la majorité",
    // Repère starts it on its own at 16 years 9 months; the referent may start it earlier.
    performers: [SYSTEM, ASE],
    opens: [{ code: "transition_interview", startsAt: "occurred_at" }],
  },
  {
    track: "transition",
    from: ["preparation"],
    to: "interview_held",
    label: "Entretien de préparation à la majorité tenu (CASF L222-5-1)",
    performers: [ASE],
    occurredAtLabel: "Date de l'entretien",
    meets: ["transition_interview"],
  },
  {
    track: "transition",
    from: ["interview_held", "support_declined"],
    to: "young_adult_support",
    label: "Accompagnement jeune majeur accepté",
    performers: [ASE, { roles: ["association_worker"] }],
  },
  {
    track: "transition",
    from: ["interview_held"],
    to: "support_declined",
    label: "Accompagnement jeune majeur refusé",
    performers: [ASE, { roles: ["association_worker"] }],
    requiresReason: true,
  },
  {
    track: "transition",
    from: ["young_adult_support"],
    to: "support_ended",
    label: "Fin de l'accompagnement jeune majeur",
    performers: [ASE],
    requiresReason: true,
  },
];

/** Every allowed move, per track. */
export const TRACK_TRANSITIONS: { readonly [T in Track]: readonly TrackTransition[] } = {
  civil_protection: CIVIL_PROTECTION_TRANSITIONS,
  identification: IDENTIFICATION_TRANSITIONS,
  transition: TRANSITION_TRANSITIONS,
};

/** The move from `from` to `to` on a track, if the table allows it. */
export function findTransition(track: Track, from: TrackState, to: TrackState): TrackTransition | undefined {
  return TRACK_TRANSITIONS[track].find((t) => t.to === to && t.from.includes(from));
}

export function isStateOf(track: Track, state: string): state is TrackState {
  return (TRACK_STATES[track] as readonly string[]).includes(state);
}

/**
 * Whose move a state waits for, for the "awaiting my decision" inbox: the performers of the step that usually
 * follows. A state missing here waits on nobody in particular.
 */
export const AWAITED_STEP: { readonly [T in Track]?: Partial<Record<TrackState, TrackState>> } = {
  civil_protection: {
    concern_identified: "concern_report_sent",
    concern_report_sent: "crip_evaluation",
    prosecutor_report_sent: "prosecutor_seized",
    prosecutor_seized: "emergency_placement_ordered",
    emergency_placement_ordered: "juvenile_judge_seized",
    juvenile_judge_seized: "measure_decided",
    measure_decided: "measure_executed",
    measure_not_executed: "measure_executed",
  },
  transition: { preparation: "interview_held" },
};

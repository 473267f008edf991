import { z } from "zod";
import { type Deadline, stricterDeadline } from "./deadline";
import { frenchFieldError } from "./french-errors";
import type { QualificationResult } from "./qualification-result";

export const ACTION_CODES = [
  "immediate_protection",
  "prosecutor_report",
  "concern_report",
  "public_official_notice",
  "adult_safety_plan",
  "urgent_medical_care",
  "medical_care",
  "ad_hoc_administrator",
  "lawyer",
  "acse_referral",
  "specialised_association",
  "le_identification_with_consent",
  "call_119",
  "teh_referent_discussion",
  "full_screening",
  "rescreen",
  "qualification_review",
  "multi_agency_review",
  "protection_plan",
  "non_punishment_review",
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export type ActionSource = "qualification" | "screening" | "profile";

export interface ActionDefinition {
  code: ActionCode;
  label: string;
  deadline: Deadline;
  deadlineText: string;
  legalBasis: string;
  /** "repere_policy" marks a practice Repère sets itself (indicators.md, procedure.md), not a legal duty. */
  basisKind: "law" | "repere_policy";
  /** Referrals of an adult need his or her consent; a minor's protection does not. */
  needsConsentWhenAdult: boolean;
  /** A broader action that already covers this one: the signalement goes to the CRIP in copy. */
  supersededBy?: ActionCode;
}

const CATALOGUE: readonly ActionDefinition[] = [
  {
    code: "immediate_protection",
    label:
      "Danger immédiat : mettre la personne en sécurité et appeler la police ou la gendarmerie (17 ou 112) ; pour un mineur, saisir le procureur de la République de permanence.",
    deadline: { kind: "immediately" },
    deadlineText: "Immédiatement",
    legalBasis: "Code civil art. 375-5 (placement en urgence sur décision du procureur) ; CPP art. 40",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
  {
    code: "prosecutor_report",
    label: "Signalement au procureur de la République (parquet des mineurs), avec copie à la CRIP.",
    deadline: { kind: "same_day" },
    deadlineText: "Le jour même",
    legalBasis: "CPP art. 40 ; Code civil art. 375 ; CASF art. L226-4 ; Code pénal art. 434-3 et 226-14",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
  {
    code: "concern_report",
    label: "Transmettre une information préoccupante à la CRIP du département.",
    deadline: { kind: "hours", hours: 48 },
    deadlineText: "Sans délai (objectif Repère : 48 h)",
    legalBasis: "CASF art. L226-2-1 et L226-3",
    basisKind: "law",
    needsConsentWhenAdult: false,
    supersededBy: "prosecutor_report",
  },
  {
    code: "public_official_notice",
    label:
      "Agent public ou fonctionnaire : aviser sans délai le procureur de la République des faits pouvant constituer un crime ou un délit.",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Sans délai",
    legalBasis: "CPP art. 40, alinéa 2",
    basisKind: "law",
    needsConsentWhenAdult: false,
    supersededBy: "prosecutor_report",
  },
  {
    code: "adult_safety_plan",
    label: "Établir le jour même un plan de mise en sécurité avec la personne.",
    deadline: { kind: "same_day" },
    deadlineText: "Le jour même",
    legalBasis: "Politique Repère (grille GRR v0.1, § 3.5)",
    basisKind: "repere_policy",
    needsConsentWhenAdult: true,
  },
  {
    code: "urgent_medical_care",
    label: "Orienter vers des soins médicaux en urgence (blessures, violences graves).",
    deadline: { kind: "same_day" },
    deadlineText: "Le jour même",
    legalBasis:
      "Convention du Conseil de l'Europe sur la lutte contre la traite (STCE 197) art. 12 ; directive 2011/36/UE art. 11 § 5",
    basisKind: "law",
    needsConsentWhenAdult: true,
  },
  {
    code: "medical_care",
    label: "Proposer un bilan et des soins médicaux (santé sexuelle, lésions, santé psychique).",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis:
      "Convention du Conseil de l'Europe sur la lutte contre la traite (STCE 197) art. 12 ; directive 2011/36/UE art. 11 § 5",
    basisKind: "law",
    needsConsentWhenAdult: true,
    supersededBy: "urgent_medical_care",
  },
  {
    code: "ad_hoc_administrator",
    label:
      "Demander la désignation d'un administrateur ad hoc : les intérêts du mineur ne sont pas assurés par ses représentants légaux.",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "CPP art. 706-50",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
  {
    code: "lawyer",
    label: "Proposer à l'enfant un avocat (désignation possible par le bâtonnier) pour les procédures le concernant.",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "Code civil art. 388-1 ; CPP art. 706-51-1",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
  {
    code: "acse_referral",
    label:
      "Proposer, avec l'accord de la personne majeure, une orientation vers le dispositif national Ac.Sé (hébergement sécurisé et éloigné).",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "Convention du Conseil de l'Europe sur la lutte contre la traite (STCE 197) art. 12",
    basisKind: "law",
    needsConsentWhenAdult: true,
  },
  {
    code: "specialised_association",
    label: "Orienter vers une association spécialisée dans l'accompagnement des victimes de traite.",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "Convention du Conseil de l'Europe sur la lutte contre la traite (STCE 197) art. 12",
    basisKind: "law",
    needsConsentWhenAdult: true,
  },
  {
    code: "le_identification_with_consent",
    label:
      "Proposer, avec l'accord de la personne, un contact avec la police ou la gendarmerie pour l'identification formelle (délai de réflexion de 30 jours pour une personne étrangère).",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis:
      "Convention du Conseil de l'Europe (STCE 197) art. 10 et 13 ; CESEDA (droit au séjour des victimes de traite)",
    basisKind: "law",
    needsConsentWhenAdult: true,
  },
  {
    code: "call_119",
    label: "En cas de doute sur la conduite à tenir, appeler le 119 (Allô Enfance en danger) pour un conseil.",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "CASF art. L226-6",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
  {
    code: "teh_referent_discussion",
    label: "Échanger avec le référent traite des êtres humains de l'établissement.",
    deadline: { kind: "hours", hours: 48 },
    deadlineText: "Sous 48 h",
    legalBasis: "Politique Repère (grille GRR v0.1, § 3.5)",
    basisKind: "repere_policy",
    needsConsentWhenAdult: false,
  },
  {
    code: "full_screening",
    label: "Compléter la grille de repérage en mode complet (le repérage bref est positif).",
    deadline: { kind: "calendar_days", days: 7 },
    deadlineText: "Sous 7 jours",
    legalBasis: "Politique Repère (grille GRR v0.1, § 3.1)",
    basisKind: "repere_policy",
    needsConsentWhenAdult: false,
  },
  {
    code: "rescreen",
    label: "Refaire le repérage (ou après la prochaine fugue).",
    deadline: { kind: "calendar_days", days: 7 },
    deadlineText: "Sous 7 jours",
    legalBasis: "Politique Repère (grille GRR v0.1, § 3.5)",
    basisKind: "repere_policy",
    needsConsentWhenAdult: false,
  },
  {
    code: "qualification_review",
    label: "Ouvrir la qualification juridique (actes, moyens, finalité).",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "Politique Repère (grille GRR v0.1, § 3.5)",
    basisKind: "repere_policy",
    needsConsentWhenAdult: false,
  },
  {
    code: "multi_agency_review",
    label:
      "Organiser une revue pluri-institutionnelle « victime présumée » (ASE, CRIP, association spécialisée, police le cas échéant).",
    deadline: { kind: "working_days", days: 10 },
    deadlineText: "Sous 10 jours ouvrés",
    legalBasis: "Politique Repère (parcours de protection, § 8.2)",
    basisKind: "repere_policy",
    needsConsentWhenAdult: false,
  },
  {
    code: "protection_plan",
    label: "Mettre en place un plan de protection (éloignement, lieu d'accueil sécurisé).",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis: "Code civil art. 375 et suivants (assistance éducative)",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
  {
    code: "non_punishment_review",
    label:
      "Ouvrir une revue de non-sanction : l'infraction reprochée peut avoir été commise sous la contrainte de l'exploitation.",
    deadline: { kind: "as_soon_as_possible" },
    deadlineText: "Dès que possible",
    legalBasis:
      "Convention du Conseil de l'Europe (STCE 197) art. 26 ; directive 2011/36/UE art. 8 ; Code pénal art. 122-2",
    basisKind: "law",
    needsConsentWhenAdult: false,
  },
];

/** The catalogue of actions, by code. */
export const ACTION_CATALOGUE: Readonly<Record<ActionCode, ActionDefinition>> = Object.fromEntries(
  CATALOGUE.map((definition) => [definition.code, definition]),
) as Record<ActionCode, ActionDefinition>;

/** An action a case must carry, with why it is due. */
export interface LegalAction {
  code: ActionCode;
  label: string;
  deadline: Deadline;
  deadlineText: string;
  legalBasis: string;
  basisKind: "law" | "repere_policy";
  requiresConsent: boolean;
  reasons: string[];
  sources: ActionSource[];
}

/** The qualification facts the action rules read. */
export type QualificationForActions = Pick<
  QualificationResult,
  "trafficking" | "article" | "treatedAsMinor" | "relatedOffences" | "facts"
>;

/** The screening facts the action rules read; a ScreeningResult satisfies it. */
export interface ScreeningForActions {
  level: "none" | "possible" | "clear";
  mode: "brief" | "full";
  treatedAsMinor: boolean;
  redFlags: readonly { id: string; signalsInjury: boolean }[];
  /** Physical or health signs were rated: a medical check is due. */
  healthConcern: boolean;
}

/** What the case file knows about the person now (not at the time of the facts). */
export interface ProfileForActions {
  isMinor: boolean;
  isUnaccompaniedMinor?: boolean;
  hasLegalRepresentativeInFrance?: boolean;
  /** A parent or guardian is suspected of taking part: they cannot represent the child's interests. */
  legalRepresentativesImplicated?: boolean;
  immediateDanger?: boolean;
  /** An arrest, charge or conviction is recorded against the person. */
  offenceRecorded?: boolean;
}

export interface ActionContext {
  qualification?: QualificationForActions;
  screening?: ScreeningForActions;
  profile?: ProfileForActions;
}

interface Trigger {
  code: ActionCode;
  source: ActionSource;
  reason: string;
  deadline?: { deadline: Deadline; deadlineText: string };
}

const SEXUAL_PURPOSES = new Set(["proxenetisme", "sexual_assault_or_abuse"]);
const HARM_CIRCUMSTANCES = new Set(["danger_of_death", "violence_itt_over_8_days", "torture_barbarity"]);

function qualificationTriggers(qualification: QualificationForActions, isMinor: boolean): Trigger[] {
  const triggers: Trigger[] = [];
  const add = (code: ActionCode, reason: string) => triggers.push({ code, source: "qualification", reason });
  const { facts } = qualification;
  const offenceReason = qualification.trafficking
    ? `Traite présumée (${qualification.article})`
    : `Les faits orientent vers une infraction (${qualification.relatedOffences.join(", ")})`;
  const pointsToOffence = qualification.trafficking || qualification.relatedOffences.length > 0;

  if (pointsToOffence && isMinor) {
    add("prosecutor_report", `${offenceReason} commise à l'encontre d'un mineur.`);
    add("lawyer", `${offenceReason} : le mineur est victime d'une infraction.`);
    if (facts.means.includes("ascendant_or_authority")) {
      add("ad_hoc_administrator", "Un ascendant ou une personne ayant autorité est en cause dans les faits.");
    }
  }
  if (pointsToOffence && !isMinor) {
    add("public_official_notice", `${offenceReason}.`);
    add("specialised_association", `${offenceReason} : accompagnement spécialisé à proposer.`);
  }
  if (qualification.trafficking && !isMinor) {
    add("le_identification_with_consent", `${offenceReason} : identification formelle à proposer.`);
  }
  if (facts.purposes.some((purpose) => SEXUAL_PURPOSES.has(purpose)) || facts.purposes.includes("organ_removal")) {
    add("medical_care", "La finalité de l'exploitation expose à des atteintes à la santé.");
  }
  if (facts.circumstances.some((circumstance) => HARM_CIRCUMSTANCES.has(circumstance))) {
    add("medical_care", "Les faits comportent des violences ou une mise en danger.");
  }
  return triggers;
}

function screeningTriggers(screening: ScreeningForActions, isMinor: boolean): Trigger[] {
  const triggers: Trigger[] = [];
  const add = (code: ActionCode, reason: string) => triggers.push({ code, source: "screening", reason });
  const hasRedFlag = screening.redFlags.length > 0;

  if (screening.level === "possible") {
    const reason = "Repérage : préoccupation possible.";
    if (isMinor) {
      add("concern_report", reason);
      add("teh_referent_discussion", reason);
      add("call_119", reason);
    } else {
      add("specialised_association", reason);
    }
    add("rescreen", reason);
  }
  if (screening.level !== "none" && screening.mode === "brief") {
    add("full_screening", "Repérage bref positif : un repérage complet est requis.");
  }
  if (screening.level === "clear") {
    const reason = "Repérage : préoccupation avérée.";
    if (isMinor) {
      add("concern_report", reason);
      add("protection_plan", reason);
      add("multi_agency_review", reason);
    } else {
      add("specialised_association", reason);
      add("le_identification_with_consent", reason);
    }
    add("qualification_review", reason);
  }
  if (hasRedFlag) {
    const reason = "Signal d'alerte coché dans la grille de repérage : action le jour même.";
    add("immediate_protection", reason);
    if (isMinor) {
      add("prosecutor_report", reason);
    } else {
      add("adult_safety_plan", reason);
      add("acse_referral", reason);
    }
  }
  if (screening.redFlags.some((redFlag) => redFlag.signalsInjury)) {
    add("urgent_medical_care", "Signal d'alerte : signes de violences graves.");
  }
  if (screening.healthConcern) {
    add("medical_care", "Repérage : signes physiques ou de santé.");
  }
  return triggers;
}

function profileTriggers(profile: ProfileForActions, isMinor: boolean, concernEstablished: boolean): Trigger[] {
  const triggers: Trigger[] = [];
  const add = (code: ActionCode, reason: string, deadline?: Trigger["deadline"]) =>
    triggers.push({ code, source: "profile", reason, deadline });

  if (profile.immediateDanger) {
    add("immediate_protection", "La personne est en danger immédiat.");
    if (isMinor) add("prosecutor_report", "Danger grave et immédiat pour un mineur.");
    else {
      add("adult_safety_plan", "La personne majeure est en danger immédiat.");
      add("acse_referral", "La personne majeure est en danger là où elle se trouve.");
    }
  }
  if (isMinor && profile.isUnaccompaniedMinor && profile.hasLegalRepresentativeInFrance !== true) {
    add("ad_hoc_administrator", "Mineur non accompagné sans représentant légal en France.");
  }
  if (isMinor && profile.legalRepresentativesImplicated) {
    add("ad_hoc_administrator", "Les représentants légaux sont impliqués dans les faits.");
  }
  if (profile.offenceRecorded && concernEstablished) {
    add(
      "non_punishment_review",
      "Une infraction est reprochée à une personne repérée comme victime possible.",
      isMinor
        ? { deadline: { kind: "hours", hours: 48 }, deadlineText: "Sous 48 h (mineur : politique Repère)" }
        : undefined,
    );
  }
  return triggers;
}

/**
 * The actions due on a case, from whichever of the qualification, the screening and the profile are known;
 * one entry per code, with the strictest deadline and every reason. Minor status comes from the profile
 * first (the person now), then the screening, then the age at the facts.
 */
export function computeLegalActions(context: ActionContext): LegalAction[] {
  const { qualification, screening, profile } = context;
  const isMinor = profile?.isMinor ?? screening?.treatedAsMinor ?? qualification?.treatedAsMinor ?? false;
  const concernEstablished =
    qualification?.trafficking === true ||
    (qualification?.relatedOffences.length ?? 0) > 0 ||
    (screening !== undefined && screening.level !== "none");

  const triggers = [
    ...(qualification ? qualificationTriggers(qualification, isMinor) : []),
    ...(screening ? screeningTriggers(screening, isMinor) : []),
    ...(profile ? profileTriggers(profile, isMinor, concernEstablished) : []),
  ];

  const byCode = new Map<ActionCode, LegalAction>();
  for (const trigger of triggers) {
    const definition = ACTION_CATALOGUE[trigger.code];
    const deadline = trigger.deadline ?? { deadline: definition.deadline, deadlineText: definition.deadlineText };
    const existing = byCode.get(trigger.code);
    if (existing === undefined) {
      byCode.set(trigger.code, {
        code: definition.code,
        label: definition.label,
        deadline: deadline.deadline,
        deadlineText: deadline.deadlineText,
        legalBasis: definition.legalBasis,
        basisKind: definition.basisKind,
        requiresConsent: definition.needsConsentWhenAdult && !isMinor,
        reasons: [trigger.reason],
        sources: [trigger.source],
      });
      continue;
    }
    if (stricterDeadline(existing.deadline, deadline.deadline) !== existing.deadline) {
      existing.deadline = deadline.deadline;
      existing.deadlineText = deadline.deadlineText;
    }
    if (!existing.reasons.includes(trigger.reason)) existing.reasons.push(trigger.reason);
    if (!existing.sources.includes(trigger.source)) existing.sources.push(trigger.source);
  }

  for (const [code, action] of byCode) {
    const broader = ACTION_CATALOGUE[code].supersededBy;
    if (broader !== undefined && byCode.has(broader)) {
      const kept = byCode.get(broader);
      for (const reason of action.reasons) if (!kept?.reasons.includes(reason)) kept?.reasons.push(reason);
      byCode.delete(code);
    }
  }
  return ACTION_CODES.flatMap((code) => {
    const action = byCode.get(code);
    return action === undefined ? [] : [action];
  });
}

/** The actions a qualification implies on its own (what `npx repere qualify` prints). */
export function actionsForQualification(qualification: QualificationForActions): LegalAction[] {
  return computeLegalActions({ qualification });
}

export const ACTION_STATUSES = ["to_do", "done", "not_applicable"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  to_do: "À faire",
  done: "Fait",
  not_applicable: "Sans objet",
};

/** A change of an action's status on a case; "not applicable" needs a written reason. */
export const ActionStatusUpdate = z.discriminatedUnion(
  "status",
  [
    z.strictObject({ status: z.literal("to_do") }),
    z.strictObject({
      status: z.literal("done"),
      doneOn: z.iso.date({ error: frenchFieldError("doneOn", { expected: "une date valide au format AAAA-MM-JJ" }) }),
    }),
    z.strictObject({
      status: z.literal("not_applicable"),
      reason: z
        .string({ error: frenchFieldError("reason") })
        .trim()
        .min(1, { error: "Le champ « reason » est obligatoire : expliquez pourquoi l'action est sans objet." })
        .max(2000, { error: "Le champ « reason » ne doit pas dépasser 2000 caractères." }),
    }),
  ],
  { error: frenchFieldError("status", { expected: "to_do, done ou not_applicable" }) },
);
export type ActionStatusUpdate = z.infer<typeof ActionStatusUpdate>;

import { isDepartmentCode } from "../departments.ts";
import { z } from "../zod-fr.ts";

export const DEADLINE_CODES = [
  "concern_report_without_delay",
  "opp_seize_juvenile_judge",
  "judge_ruling",
  "crip_evaluation",
  "measure_not_executed",
  "presumed_victim_review",
  "protection_plan",
  "plan_review",
  "transition_interview",
  "transfer_acceptance",
] as const;
export type DeadlineCode = (typeof DEADLINE_CODES)[number];

/**
 * How `amount` is read:
 * - `calendar_days`, `working_days`, `months`: counted from the day after the start event (see compute-deadline.ts);
 * - `immediate`: the text says "sans délai"; `amount` is the hours Repère allows before flagging it;
 * - `before_birthday`: `amount` is the age whose birthday is the last day allowed.
 */
export type DeadlineUnit = "calendar_days" | "working_days" | "months" | "before_birthday" | "immediate";

/** Set by a text (which a département may only shorten) or by Repère (which a département may change freely). */
export type DeadlineSource = "legal" | "policy";

export interface DeadlineRule {
  code: DeadlineCode;
  /** What is due, in French, for the interface. */
  label: string;
  unit: DeadlineUnit;
  amount: number;
  /** Alert counted from the start like `amount` (day 6 of 8, hours for `immediate`); not for `before_birthday`. */
  warnAfter?: number;
  /** `before_birthday` only: alert this many months before the birthday. */
  warnMonthsBefore?: number;
  /** In French: the article or the Repère policy the deadline comes from, and what starts it. */
  basis: string;
  source: DeadlineSource;
  /** CPC 642: a delay ending on a Saturday, Sunday or public holiday runs to the next working day. */
  extendsToNextWorkingDay: boolean;
  /** Starts again from each occurrence: the caller passes the previous one as the start. */
  isRecurring: boolean;
}

export const DEADLINE_RULES: Readonly<Record<DeadlineCode, DeadlineRule>> = {
  concern_report_without_delay: {
    code: "concern_report_without_delay",
    label: "Transmission de l'information préoccupante à la CRIP",
    unit: "immediate",
    amount: 48,
    basis:
      "CASF L226-2-1 : transmission sans délai à la CRIP ; délai cible Repère de 48 heures à compter du résultat de repérage.",
    source: "policy",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  opp_seize_juvenile_judge: {
    code: "opp_seize_juvenile_judge",
    label: "Saisine du juge des enfants après l'ordonnance de placement provisoire",
    unit: "calendar_days",
    amount: 8,
    warnAfter: 6,
    basis: "Code civil, art. 375-5 al. 2 : le procureur saisit le juge des enfants dans les 8 jours de l'OPP.",
    source: "legal",
    // The text is silent on CPC 642 here; keeping the raw end date errs on the side of an earlier alert.
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  judge_ruling: {
    code: "judge_ruling",
    label: "Décision du juge des enfants après sa saisine",
    unit: "calendar_days",
    amount: 15,
    basis:
      "CPC, art. 1184 al. 3 : décision dans les 15 jours de la réception de la requête du procureur au greffe " +
      "(Cass. 1re civ., 5 mars 2025, n° 22-22.929), délai calculé selon les art. 641 et 642 du CPC ; à défaut, " +
      "l'enfant est remis, à leur demande, à ses parents ou à la personne qui en avait la charge.",
    source: "legal",
    extendsToNextWorkingDay: true,
    isRecurring: false,
  },
  crip_evaluation: {
    code: "crip_evaluation",
    label: "Évaluation de l'information préoccupante par la CRIP",
    unit: "months",
    amount: 3,
    basis:
      "CASF, art. D226-2-4 II : évaluation dans les 3 mois de la réception de l'information préoccupante, délai " +
      "à abréger selon la nature du danger et l'âge de l'enfant, notamment avant 2 ans.",
    source: "legal",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  measure_not_executed: {
    code: "measure_not_executed",
    label: "Mesure de protection décidée et non exécutée",
    unit: "calendar_days",
    amount: 7,
    basis: "Politique Repère : une mesure non exécutée 7 jours après la décision est signalée au juge des enfants.",
    source: "policy",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  presumed_victim_review: {
    code: "presumed_victim_review",
    label: "Examen pluridisciplinaire : victime présumée",
    unit: "working_days",
    amount: 10,
    basis:
      "Politique Repère : examen pluridisciplinaire dans les 10 jours ouvrés suivant un résultat de préoccupation " +
      "nette (cf. décision « reasonable grounds » britannique en 5 jours ouvrés).",
    source: "policy",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  protection_plan: {
    code: "protection_plan",
    label: "Adoption du plan de protection",
    unit: "calendar_days",
    amount: 30,
    basis:
      "Politique Repère : plan adopté dans les 30 jours suivant le statut de victime présumée ou identifiée " +
      "(cf. délai de rétablissement de 30 jours, Convention du Conseil de l'Europe, art. 13).",
    source: "policy",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  plan_review: {
    code: "plan_review",
    label: "Révision du plan de protection",
    unit: "months",
    amount: 3,
    basis:
      "Politique Repère : révision tous les 3 mois à compter de l'adoption du plan puis de chaque révision " +
      "(PPE et rapport au juge au moins annuels).",
    source: "policy",
    extendsToNextWorkingDay: false,
    isRecurring: true,
  },
  transition_interview: {
    code: "transition_interview",
    label: "Entretien de préparation à la majorité",
    unit: "before_birthday",
    amount: 17,
    // Repère moves the case to transition at 16 years 9 months to leave time to organise the interview.
    warnMonthsBefore: 3,
    basis:
      "CASF, art. L222-5-1 : entretien au plus tard un an avant la majorité (17 ans), ou dès que possible si " +
      "l'enfant est pris en charge après 17 ans.",
    source: "legal",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
  transfer_acceptance: {
    code: "transfer_acceptance",
    label: "Acceptation du transfert par l'équipe d'accueil",
    unit: "working_days",
    amount: 5,
    basis: "Politique Repère : l'équipe du département d'accueil accepte le transfert dans les 5 jours ouvrés.",
    source: "policy",
    extendsToNextWorkingDay: false,
    isRecurring: false,
  },
};

export function getDeadlineRule(code: DeadlineCode): DeadlineRule {
  return DEADLINE_RULES[code];
}

const DeadlineRuleOverride = z.strictObject({
  amount: z.number().int().positive().optional(),
  /** `null` removes the catalogue's alert. */
  warnAfter: z.number().int().positive().nullable().optional(),
  warnMonthsBefore: z.number().int().positive().nullable().optional(),
});

/**
 * One département's changes to the catalogue, e.g. `{ crip_evaluation: { amount: 2 } }`. Checked against the
 * catalogue: a legal deadline may only be shortened, and an alert must fall before its deadline.
 */
export const DeadlineOverrides = z
  .partialRecord(z.enum(DEADLINE_CODES), DeadlineRuleOverride)
  .superRefine((overrides, ctx) => {
    for (const code of DEADLINE_CODES) {
      const override = overrides[code];
      if (override === undefined) continue;
      const rule = DEADLINE_RULES[code];
      const merged = mergeOverride(rule, override);
      if (rule.source === "legal" && merged.amount > rule.amount) {
        ctx.addIssue({
          code: "custom",
          path: [code, "amount"],
          message: `Un délai légal ne peut qu'être abrégé : ${rule.amount} au plus`,
        });
      }
      if (rule.unit === "before_birthday" && override.warnAfter != null) {
        ctx.addIssue({
          code: "custom",
          path: [code, "warnAfter"],
          message: "Pour une échéance d'anniversaire, l'alerte s'exprime en mois avant (warnMonthsBefore)",
        });
      }
      if (rule.unit !== "before_birthday" && override.warnMonthsBefore != null) {
        ctx.addIssue({
          code: "custom",
          path: [code, "warnMonthsBefore"],
          message: "Réservé aux échéances d'anniversaire ; utiliser warnAfter",
        });
      }
      if (merged.warnAfter !== undefined && merged.warnAfter >= merged.amount) {
        ctx.addIssue({
          code: "custom",
          path: [code, "warnAfter"],
          message: `L'alerte doit précéder l'échéance : moins de ${merged.amount}`,
        });
      }
      if (merged.warnMonthsBefore !== undefined && merged.warnMonthsBefore >= merged.amount * 12) {
        ctx.addIssue({
          code: "custom",
          path: [code, "warnMonthsBefore"],
          message: `L'alerte doit tomber après la naissance : moins de ${merged.amount * 12} mois`,
        });
      }
    }
  });
export type DeadlineOverrides = z.infer<typeof DeadlineOverrides>;

/** Overrides for several départements, keyed by COG code, as a configuration file would hold them. */
export const DepartmentDeadlineOverrides = z.record(
  z.string().refine(isDepartmentCode, { message: "Code de département inconnu" }),
  DeadlineOverrides,
);
export type DepartmentDeadlineOverrides = z.infer<typeof DepartmentDeadlineOverrides>;

type DeadlineRuleOverride = z.infer<typeof DeadlineRuleOverride>;

// An override left out keeps the catalogue's value; `null` clears it.
function pickOverride(override: number | null | undefined, current: number | undefined): number | undefined {
  return override === undefined ? current : (override ?? undefined);
}

function mergeOverride(rule: DeadlineRule, override: DeadlineRuleOverride | undefined): DeadlineRule {
  if (override === undefined) return rule;
  return {
    ...rule,
    amount: override.amount ?? rule.amount,
    warnAfter: pickOverride(override.warnAfter, rule.warnAfter),
    warnMonthsBefore: pickOverride(override.warnMonthsBefore, rule.warnMonthsBefore),
  };
}

/** The rule as a département runs it. Throws a ZodError when the overrides are invalid. */
export function applyDeadlineOverrides(rule: DeadlineRule, overrides?: unknown): DeadlineRule {
  if (overrides === undefined) return rule;
  return mergeOverride(rule, DeadlineOverrides.parse(overrides)[rule.code]);
}

/** A rule as the API presents it: what it counts, in which unit, from which source. */
export interface AppliedDeadlineRule {
  code: DeadlineCode;
  label: string;
  unit: DeadlineUnit;
  amount: number;
  warnAfter: number | null;
  warnMonthsBefore: number | null;
  source: DeadlineSource;
}

/** The catalogue's rule, or a département's after its overrides, in the API's shape (the server and the screens share it). */
export function appliedDeadlineRule(code: DeadlineCode, overrides?: unknown): AppliedDeadlineRule {
  const rule = applyDeadlineOverrides(DEADLINE_RULES[code], overrides);
  return {
    code,
    label: rule.label,
    unit: rule.unit,
    amount: rule.amount,
    warnAfter: rule.warnAfter ?? null,
    warnMonthsBefore: rule.warnMonthsBefore ?? null,
    source: rule.source,
  };
}

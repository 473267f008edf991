import { appliedDeadlineRule, type DeadlineCode, type DeadlineUnit } from "@shared/calendar/deadline-rules.ts";
import type { DeadlineOverridesView } from "@shared/pathway.ts";

/** One rule as a département runs it, as the API presents it. */
export type AppliedRule = DeadlineOverridesView["rules"][number];

export const deadlineRulesQueryKey = (departmentCode: string) => ["pathway", "deadline-rules", departmentCode] as const;

/** The alert's field: months before the birthday for `before_birthday`, otherwise counted from the start. */
export function alertKeyOf(unit: DeadlineUnit): "warnAfter" | "warnMonthsBefore" {
  return unit === "before_birthday" ? "warnMonthsBefore" : "warnAfter";
}

export function alertOf(rule: Pick<AppliedRule, "unit" | "warnAfter" | "warnMonthsBefore">): number | null {
  return rule.unit === "before_birthday" ? rule.warnMonthsBefore : rule.warnAfter;
}

function countOf(amount: number, unit: Exclude<DeadlineUnit, "before_birthday">): string {
  const one = amount === 1;
  switch (unit) {
    case "calendar_days":
      return `${amount} ${one ? "jour calendaire" : "jours calendaires"}`;
    case "working_days":
      return `${amount} ${one ? "jour ouvré" : "jours ouvrés"}`;
    case "months":
      return `${amount} mois`;
    case "immediate":
      return `${amount} h`;
  }
}

/** "après 6 jours calendaires", "3 mois avant l'anniversaire", or "Aucune". */
export function alertText(rule: Pick<AppliedRule, "unit" | "warnAfter" | "warnMonthsBefore">): string {
  const alert = alertOf(rule);
  if (alert === null) return "Aucune";
  if (rule.unit === "before_birthday") return `${alert} mois avant l'anniversaire`;
  return `après ${countOf(alert, rule.unit)}`;
}

/** The catalogue's rule, to compare with what a département applies. */
export function catalogueRule(code: DeadlineCode): AppliedRule {
  return appliedDeadlineRule(code);
}

/** Whether the département runs the rule differently from the catalogue. */
export function isAdjusted(rule: AppliedRule): boolean {
  const catalogue = catalogueRule(rule.code);
  return rule.amount !== catalogue.amount || alertOf(rule) !== alertOf(catalogue);
}

/** The label of the amount's field, by unit. */
export const AMOUNT_LABELS: Record<DeadlineUnit, string> = {
  calendar_days: "Délai en jours calendaires",
  working_days: "Délai en jours ouvrés",
  months: "Délai en mois",
  immediate: "Délai cible en heures",
  before_birthday: "Âge avant lequel l'échéance tombe, en années",
};

/** The label of the alert's field, by unit. */
export const ALERT_LABELS: Record<DeadlineUnit, string> = {
  calendar_days: "Alerte après, en jours calendaires",
  working_days: "Alerte après, en jours ouvrés",
  months: "Alerte après, en mois",
  immediate: "Alerte après, en heures",
  before_birthday: "Alerte, en mois avant l'anniversaire",
};

import { addCalendarDays, addCalendarMonths } from "../qualification/calendar-date";
import type { ScreeningLevel } from "./screening-levels";

export const RESCREEN_EVENT_TYPES = [
  "runaway_returned",
  "placement_started",
  "placement_breakdown",
  "school_exclusion",
  "arrest",
  "offence_recorded",
  "partner_information",
  "left_care",
] as const;
export type RescreenEventType = (typeof RESCREEN_EVENT_TYPES)[number];

export type RescreenTriggerCode =
  | "runaway_return"
  | "placement_or_school_change"
  | "offence"
  | "partner_information"
  | "leaving_care"
  | "periodic_possible_concern"
  | "seventeenth_birthday";

export interface EventRescreenTrigger {
  code: Exclude<RescreenTriggerCode, "periodic_possible_concern" | "seventeenth_birthday">;
  label: string;
  eventTypes: readonly RescreenEventType[];
  note?: string;
}

/** Events after which the grid is run again (indicators.md §3.6). */
export const EVENT_RESCREEN_TRIGGERS: readonly EventRescreenTrigger[] = Object.freeze([
  {
    code: "runaway_return",
    label: "Retour de fugue",
    eventTypes: ["runaway_returned"],
    note: "Refaire le repérage après l'entretien de retour, en particulier les domaines fugues, numérique, argent et exploitation sexuelle.",
  },
  {
    code: "placement_or_school_change",
    label: "Nouveau placement, rupture de placement ou exclusion scolaire",
    eventTypes: ["placement_started", "placement_breakdown", "school_exclusion"],
  },
  {
    code: "offence",
    label: "Interpellation ou infraction enregistrée",
    eventTypes: ["arrest", "offence_recorded"],
    note: "Ouvre aussi une revue de non-sanction.",
  },
  {
    code: "partner_information",
    label: "Information nouvelle d'un partenaire (police, association, famille)",
    eventTypes: ["partner_information"],
  },
  { code: "leaving_care", label: "Sortie du dispositif de protection", eventTypes: ["left_care"] },
]);

export const RESCREEN_POLICY = Object.freeze({
  /** A person last screened "possible concern" is screened again at least this often. */
  periodicMonthsForPossible: 3,
  /** Birthday on which the grid is run again, before the transition to adulthood. */
  birthdayAge: 17,
  /** Repère policy (procedure.md §8.2): a screening follows a new concern within 7 days. */
  dueWithinDays: 7,
});

export interface CaseEvent {
  type: RescreenEventType;
  /** ISO date (YYYY-MM-DD) or date-time. */
  at: string;
}

export interface RescreenContext {
  lastScreening: { at: string; level: ScreeningLevel } | null;
  events: readonly CaseEvent[];
  birthDate?: string | null;
  /** ISO date of the day the decision is made. */
  today: string;
}

/** A "rescreen due" entry for the case. */
export interface RescreenDueEntry {
  trigger: RescreenTriggerCode;
  label: string;
  reason: string;
  triggeredOn: string;
  dueBy: string;
}

export interface RescreenDecision {
  due: boolean;
  entries: RescreenDueEntry[];
  /** When the periodic rescreen of a "possible concern" falls due, for scheduling; null if none applies. */
  nextPeriodicRescreenOn: string | null;
}

const hasTime = (value: string) => value.length > 10;
const dateOf = (value: string) => value.slice(0, 10);

/**
 * True when the event happened after the screening. With a date alone, an event on the screening's own day is
 * taken as already covered: otherwise the rescreen done that day for it would be asked for again.
 */
function isAfter(event: string, screening: string): boolean {
  if (hasTime(event) && hasTime(screening)) return Date.parse(event) > Date.parse(screening);
  return dateOf(event) > dateOf(screening);
}

/** Decides which rescreening triggers fired since the last screening; pure, `today` is passed in. */
export function decideRescreen(context: RescreenContext): RescreenDecision {
  const { lastScreening, today } = context;
  const entries: RescreenDueEntry[] = [];
  const dueAfter = (isoDate: string) => addCalendarDays(isoDate, RESCREEN_POLICY.dueWithinDays);

  for (const trigger of EVENT_RESCREEN_TRIGGERS) {
    const fired = context.events
      .filter((event) => trigger.eventTypes.includes(event.type))
      .filter((event) => dateOf(event.at) <= today)
      .filter((event) => lastScreening === null || isAfter(event.at, lastScreening.at))
      .sort((a, b) => dateOf(a.at).localeCompare(dateOf(b.at)));
    const latest = fired.at(-1);
    if (latest === undefined) continue;
    const triggeredOn = dateOf(latest.at);
    entries.push({
      trigger: trigger.code,
      label: trigger.label,
      reason: `${trigger.label} le ${triggeredOn}, après le dernier repérage.${trigger.note ? ` ${trigger.note}` : ""}`,
      triggeredOn,
      dueBy: dueAfter(triggeredOn),
    });
  }

  let nextPeriodicRescreenOn: string | null = null;
  if (lastScreening?.level === "possible") {
    nextPeriodicRescreenOn = addCalendarMonths(dateOf(lastScreening.at), RESCREEN_POLICY.periodicMonthsForPossible);
    if (nextPeriodicRescreenOn <= today) {
      entries.push({
        trigger: "periodic_possible_concern",
        label: "Repérage périodique (préoccupation possible)",
        reason: `Dernier repérage le ${dateOf(lastScreening.at)} avec une préoccupation possible : à refaire au moins tous les ${RESCREEN_POLICY.periodicMonthsForPossible} mois.`,
        triggeredOn: nextPeriodicRescreenOn,
        dueBy: nextPeriodicRescreenOn,
      });
    }
  }

  if (context.birthDate) {
    const birthday = addCalendarMonths(context.birthDate, RESCREEN_POLICY.birthdayAge * 12);
    const notScreenedSince = lastScreening === null || dateOf(lastScreening.at) < birthday;
    if (birthday <= today && notScreenedSince) {
      entries.push({
        trigger: "seventeenth_birthday",
        label: "17 ans",
        reason: `La personne a eu ${RESCREEN_POLICY.birthdayAge} ans le ${birthday} : refaire le repérage avant la préparation de la majorité.`,
        triggeredOn: birthday,
        dueBy: dueAfter(birthday),
      });
    }
  }

  return { due: entries.length > 0, entries, nextPeriodicRescreenOn };
}

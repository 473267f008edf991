import { addHours } from "date-fns";
import { applyDeadlineOverrides, type DeadlineCode, type DeadlineRule, type DeadlineUnit } from "./deadline-rules.ts";
import { getDepartmentTimeZone } from "./department-time-zone.ts";
import {
  addLocalDays,
  addLocalMonths,
  addLocalYears,
  endOfLocalDay,
  isLocalDate,
  type LocalDate,
  startOfLocalDay,
  toLocalDate,
} from "./local-date.ts";
import { addWorkingDays, nextWorkingDayFrom } from "./working-days.ts";

export { addWorkingDays, isWorkingDay } from "./working-days.ts";

/*
 * Counting conventions, those of French civil procedure (CPC 640–642), applied to every deadline so that legal and
 * policy ones read the same way:
 * - the day of the start event is not counted: a delay of 8 days from an OPP made at any hour of day J ends at the end
 *   of day J+8 (CPC 641 al. 1; CPC 642 al. 1: a delay ends on its last day at midnight). Counting whole local days
 *   also keeps the result independent of the hour the event was recorded;
 * - "the day" is the wall-clock day in the département's time zone: an event at 23:30 in Paris is 01:30 the next day
 *   in La Réunion, so the same instant starts the count a day later there;
 * - months run by calendar month to the same day number, or the month's last day when it has none (CPC 641 al. 2:
 *   3 months from 30 November end on 28 or 29 February);
 * - working days are Monday–Friday that are not public holidays of the département; the start day is never counted;
 * - only rules flagged `extendsToNextWorkingDay` (CPC 642 al. 2) move off a weekend or holiday: others keep the
 *   earlier date, which errs on the side of an earlier alert;
 * - an alert ("warn at day 6") fires at the start of that local day;
 * - `immediate` is the one exception to whole days: its `amount` is a grace in hours from the start instant.
 */

/** What some rules need beyond the start instant. */
export interface DeadlineContext {
  /** `before_birthday` rules: the child's date of birth. */
  birthDate?: LocalDate;
}

export interface ComputedDeadline {
  code: DeadlineCode;
  unit: DeadlineUnit;
  /** After the département's overrides. */
  amount: number;
  timeZone: string;
  startLocalDate: LocalDate;
  dueLocalDate: LocalDate;
  /** Last instant at which the deadline is still met. */
  dueAt: Date;
  warnAt?: Date;
  /** Set when CPC 642 moved the end off a weekend or holiday: the day it would otherwise have ended. */
  unextendedDueLocalDate?: LocalDate;
  /** `before_birthday`: care started after the birthday, so the text asks for it "as soon as possible". */
  isAfterBirthdayAtStart?: boolean;
}

export type DeadlineStatus = "upcoming" | "warning" | "overdue";

function countFrom(rule: DeadlineRule, startLocalDate: LocalDate, amount: number, departmentCode: string): LocalDate {
  switch (rule.unit) {
    case "calendar_days":
      return addLocalDays(startLocalDate, amount);
    case "working_days":
      return addWorkingDays(startLocalDate, amount, departmentCode);
    case "months":
      return addLocalMonths(startLocalDate, amount);
    default:
      throw new RangeError(`Unit "${rule.unit}" is not counted in days or months`);
  }
}

function computeImmediate(rule: DeadlineRule, startInstant: Date, timeZone: string) {
  const dueAt = addHours(startInstant, rule.amount);
  const warnAt = rule.warnAfter === undefined ? undefined : addHours(startInstant, rule.warnAfter);
  return { dueLocalDate: toLocalDate(dueAt, timeZone), dueAt, warnAt };
}

function computeBeforeBirthday(rule: DeadlineRule, startLocalDate: LocalDate, timeZone: string, birthDate?: string) {
  if (birthDate === undefined || !isLocalDate(birthDate)) {
    throw new RangeError(`Deadline "${rule.code}" needs the child's birth date as YYYY-MM-DD`);
  }
  // "Au plus tard un an avant sa majorité": the interview may still take place on the 17th birthday itself. A child
  // born on 29 February reaches it on 28 February in a common year, the earlier of the two readings.
  const birthday = addLocalYears(birthDate, rule.amount);
  if (startLocalDate > birthday) {
    // "Dès que possible" sets no delay: due the day care starts, flagged so the interface can say why.
    return {
      dueLocalDate: startLocalDate,
      dueAt: endOfLocalDay(startLocalDate, timeZone),
      isAfterBirthdayAtStart: true,
    };
  }
  const warnAt =
    rule.warnMonthsBefore === undefined
      ? undefined
      : startOfLocalDay(addLocalMonths(birthday, -rule.warnMonthsBefore), timeZone);
  return { dueLocalDate: birthday, dueAt: endOfLocalDay(birthday, timeZone), warnAt, isAfterBirthdayAtStart: false };
}

function computeCounted(rule: DeadlineRule, startLocalDate: LocalDate, departmentCode: string, timeZone: string) {
  const countedDue = countFrom(rule, startLocalDate, rule.amount, departmentCode);
  const dueLocalDate = rule.extendsToNextWorkingDay ? nextWorkingDayFrom(countedDue, departmentCode) : countedDue;
  const warnAt =
    rule.warnAfter === undefined
      ? undefined
      : startOfLocalDay(countFrom(rule, startLocalDate, rule.warnAfter, departmentCode), timeZone);
  return {
    dueLocalDate,
    dueAt: endOfLocalDay(dueLocalDate, timeZone),
    warnAt,
    unextendedDueLocalDate: dueLocalDate === countedDue ? undefined : countedDue,
  };
}

/**
 * When `rule` falls due for an event at `startInstant` in a département, after that département's overrides
 * (validated; a ZodError when invalid). Throws a RangeError on an unknown département, an invalid instant or a
 * missing birth date.
 */
export function computeDeadline(
  rule: DeadlineRule,
  startInstant: Date,
  departmentCode: string,
  overrides?: unknown,
  context: DeadlineContext = {},
): ComputedDeadline {
  if (Number.isNaN(startInstant.getTime())) {
    throw new RangeError("Invalid start instant");
  }
  const effectiveRule = applyDeadlineOverrides(rule, overrides);
  const timeZone = getDepartmentTimeZone(departmentCode);
  const startLocalDate = toLocalDate(startInstant, timeZone);

  const computed =
    effectiveRule.unit === "immediate"
      ? computeImmediate(effectiveRule, startInstant, timeZone)
      : effectiveRule.unit === "before_birthday"
        ? computeBeforeBirthday(effectiveRule, startLocalDate, timeZone, context.birthDate)
        : computeCounted(effectiveRule, startLocalDate, departmentCode, timeZone);

  const deadline: ComputedDeadline = {
    code: effectiveRule.code,
    unit: effectiveRule.unit,
    amount: effectiveRule.amount,
    timeZone,
    startLocalDate,
    ...computed,
  };
  // Optional fields are left out rather than set to undefined, so results compare and serialise cleanly.
  for (const key of ["warnAt", "unextendedDueLocalDate", "isAfterBirthdayAtStart"] as const) {
    if (deadline[key] === undefined) delete deadline[key];
  }
  return deadline;
}

/** "warning" from `warnAt` on, "overdue" once `dueAt` has passed. */
export function deadlineStatus(deadline: Pick<ComputedDeadline, "dueAt" | "warnAt">, now: Date): DeadlineStatus {
  if (now.getTime() > deadline.dueAt.getTime()) return "overdue";
  if (deadline.warnAt !== undefined && now.getTime() >= deadline.warnAt.getTime()) return "warning";
  return "upcoming";
}

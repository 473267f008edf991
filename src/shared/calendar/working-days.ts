import { isPublicHoliday } from "./holidays.ts";
import { addLocalDays, getLocalWeekday, type LocalDate } from "./local-date.ts";

const SATURDAY = 6;

/** Monday to Friday and not a public holiday of the département (a local holiday counts only where it applies). */
export function isWorkingDay(localDate: LocalDate, departmentCode: string): boolean {
  // Holidays first: it validates the département code even on a weekend.
  return !isPublicHoliday(localDate, departmentCode) && getLocalWeekday(localDate) < SATURDAY;
}

/**
 * The `count`-th working day after `localDate`, which itself is never counted, so 5 working days from a Friday end
 * on the next Friday. A count of 0 returns `localDate` unchanged.
 */
export function addWorkingDays(localDate: LocalDate, count: number, departmentCode: string): LocalDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`Working days must be a non-negative integer, got ${count}`);
  }
  let day = localDate;
  let remaining = count;
  while (remaining > 0) {
    day = addLocalDays(day, 1);
    if (isWorkingDay(day, departmentCode)) {
      remaining -= 1;
    }
  }
  return day;
}

/** `localDate` if it is a working day, else the next one: how CPC 642 extends a delay ending on a day off. */
export function nextWorkingDayFrom(localDate: LocalDate, departmentCode: string): LocalDate {
  let day = localDate;
  while (!isWorkingDay(day, departmentCode)) {
    day = addLocalDays(day, 1);
  }
  return day;
}

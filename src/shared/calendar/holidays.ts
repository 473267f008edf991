import Holidays from "date-holidays";
import { isDepartmentCode } from "../departments.ts";
import { getLocalYear, type LocalDate } from "./local-date.ts";

/*
 * Public holidays come from date-holidays (FR country data), checked against Code du travail L3133-1 (the eleven
 * national days), L3134-13 (Alsace-Moselle: Good Friday and 26 December) and L3422-2 (abolition of slavery: 27 April
 * Mayotte, 22 May Martinique, 27 May Guadeloupe, 10 June Guyane, 20 December La Réunion). Every one of these is in
 * date-holidays 3.37.0, so no supplement is needed. Known differences, kept as the library has them:
 * - it also marks Good Friday public in Guadeloupe and Martinique (a local usage, not in the Code du travail);
 * - it types 21 July (Victor Schœlcher day, 971/972) "optional", so it is not counted here;
 * - it has no entry for customary days the Code leaves to usage: carnival days in the Antilles and Guyane, and in
 *   Mayotte Miradji, Idi-el-Fitri, Idi-el-Kabir and Maoulid (lunar dates fixed locally each year).
 * Tests pin each of these, so a library upgrade that changes them fails loudly.
 */

/** date-holidays' FR state for a département whose holidays differ from the national list. */
const HOLIDAY_STATE_BY_DEPARTMENT: Readonly<Record<string, string>> = {
  "57": "57",
  "67": "67",
  "68": "68",
  "971": "GP",
  "972": "MQ",
  "973": "GF",
  "974": "RE",
  "976": "YT",
};

export interface PublicHoliday {
  localDate: LocalDate;
  /** French name as date-holidays gives it, e.g. "Lundi de Pentecôte". */
  name: string;
}

const calendars = new Map<string, Holidays>();
const holidaysByYear = new Map<string, { list: readonly PublicHoliday[]; dates: ReadonlySet<LocalDate> }>();

/** Départements with the same key share their public holidays ("FR" for most; Alsace-Moselle and overseas apart). */
export function holidayCalendarKey(departmentCode: string): string {
  return HOLIDAY_STATE_BY_DEPARTMENT[departmentCode] ?? "FR";
}

function getCalendar(departmentCode: string): Holidays {
  const state = HOLIDAY_STATE_BY_DEPARTMENT[departmentCode];
  const key = state ?? "FR";
  let calendar = calendars.get(key);
  if (calendar === undefined) {
    const options = { languages: ["fr"], types: ["public" as const] };
    calendar = state === undefined ? new Holidays("FR", options) : new Holidays("FR", state, options);
    calendars.set(key, calendar);
  }
  return calendar;
}

function getYearHolidays(year: number, departmentCode: string) {
  if (!isDepartmentCode(departmentCode)) {
    throw new RangeError(`Unknown département code "${departmentCode}"`);
  }
  const key = `${year}:${departmentCode}`;
  let entry = holidaysByYear.get(key);
  if (entry === undefined) {
    // The `date` field is the local calendar day ("2025-05-29 00:00:00"); `start` is an instant in the library's own
    // zone choice (Africa/Nairobi for Mayotte), so only the day is taken.
    const list = getCalendar(departmentCode)
      .getHolidays(year)
      .filter((holiday) => holiday.type === "public")
      .map((holiday) => Object.freeze({ localDate: holiday.date.slice(0, 10), name: holiday.name }));
    entry = { list: Object.freeze(list), dates: new Set(list.map((holiday) => holiday.localDate)) };
    holidaysByYear.set(key, entry);
  }
  return entry;
}

/** Public holidays (jours fériés, not observances) of a year in a département, in date order. */
export function listPublicHolidays(year: number, departmentCode: string): readonly PublicHoliday[] {
  return getYearHolidays(year, departmentCode).list;
}

export function isPublicHoliday(localDate: LocalDate, departmentCode: string): boolean {
  return getYearHolidays(getLocalYear(localDate), departmentCode).dates.has(localDate);
}

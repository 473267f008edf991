import type { Random } from "./random.ts";

/**
 * Calendar dates as whole UTC days since 1970-01-01: the generator handles millions of dates, and integers compare
 * and subtract without Date objects. Facts (birth, runaway, exploitation) are dates; record events are instants.
 */

export const DAY_MS = 86_400_000;

export function dayOf(instant: Date): number {
  return Math.floor(instant.getTime() / DAY_MS);
}

// Howard Hinnant's days_from_civil / civil_from_days: integer-only, several times faster than going through Date,
// which matters at a dozen dates per case and a million cases. Month is 1–12. An impossible date such as 29
// February of a common year rolls over to 1 March, as Date.UTC does.
export function dayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function partsOfDay(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** "YYYY-MM-DD" (years 1000–9999). */
export function isoDay(dayNumber: number): string {
  const [year, month, day] = partsOfDay(dayNumber);
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** "YYYY-MM-DDTHH:mm:ss.sssZ", as Date#toISOString writes it, without building a Date. */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${isoDay(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}Z`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a date: ${text}`);
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Completed years between a birth date and a later date, as the civil code counts them. */
export function fullYearsBetween(birthDay: number, atDay: number): number {
  const [birthYear, birthMonth, birthDate] = partsOfDay(birthDay);
  const [year, month, date] = partsOfDay(atDay);
  const beforeAnniversary = month < birthMonth || (month === birthMonth && date < birthDate);
  return year - birthYear - (beforeAnniversary ? 1 : 0);
}

/** The day a person born on `birthDay` turns `years` old (29 February birthdays turn on 1 March). */
export function anniversaryDay(birthDay: number, years: number): number {
  const [year, month, day] = partsOfDay(birthDay);
  return dayFromParts(year + years, month, day);
}

/** A uniformly drawn birth date for someone exactly `age` years old on `atDay`. */
export function birthDayForAge(random: Random, atDay: number, age: number): number {
  const [year, month, day] = partsOfDay(atDay);
  const latest = dayFromParts(year - age, month, day);
  const earliest = dayFromParts(year - age - 1, month, day) + 1;
  let birthDay = random.int(earliest, latest);
  // Leap days can put the edges one day off; the civil count decides.
  while (fullYearsBetween(birthDay, atDay) > age) birthDay++;
  while (fullYearsBetween(birthDay, atDay) < age) birthDay--;
  return birthDay;
}

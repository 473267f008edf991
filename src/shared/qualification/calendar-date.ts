/** Calendar dates as ISO strings (YYYY-MM-DD), the form in which the law and the case file count days. */

const PARIS_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in France at the given instant: a deadline "the same day" is a French day, not a UTC one. */
export function toParisIsoDate(instant: Date): string {
  const parts = Object.fromEntries(PARIS_DATE.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function parseIsoDate(isoDate: string): Date {
  const [year, month, day] = isoDate.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year ?? Number.NaN, (month ?? Number.NaN) - 1, day ?? Number.NaN));
}

function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addCalendarDays(isoDate: string, days: number): string {
  const date = parseIsoDate(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return formatUtcDate(date);
}

/** Adds months, clamping to the last day of the month (31 Jan + 1 month = 28 or 29 Feb). */
export function addCalendarMonths(isoDate: string, months: number): string {
  const date = parseIsoDate(isoDate);
  const targetMonth = date.getUTCMonth() + months;
  const clampedDay = Math.min(
    date.getUTCDate(),
    new Date(Date.UTC(date.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate(),
  );
  return formatUtcDate(new Date(Date.UTC(date.getUTCFullYear(), targetMonth, clampedDay)));
}

/** Whole years between a birth date and a date, as the civil law counts age. */
export function ageOn(birthIsoDate: string, onIsoDate: string): number {
  const birth = parseIsoDate(birthIsoDate);
  const on = parseIsoDate(onIsoDate);
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

import { TZDate, tzOffset } from "@date-fns/tz";
import { endOfDay, startOfDay } from "date-fns";
import { z } from "../zod-fr.ts";

/**
 * A calendar day as people in one place name it ("2025-04-18"), with no time and no time zone. Deadlines are
 * counted on these, then turned into instants in the département's time zone.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;

// Arithmetic on a bare day runs on UTC milliseconds, which have no DST, so adding days never lands on a missing or
// doubled hour. Read and written by hand rather than with date-fns `parse`/`format` on a TZDate, which cost dozens of
// time-zone lookups per call: counting working days reads a date per day counted, and the seed counts deadlines for
// a million cases.
function toUtcDay(localDate: LocalDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]) - 1;
  const day = Number(match?.[3]);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  if (!match || date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) {
    throw new RangeError(`Invalid local date "${localDate}": expected an existing day as YYYY-MM-DD`);
  }
  return date;
}

/** The UTC day of `ms` as YYYY-MM-DD. */
function formatUtcDay(ms: number): LocalDate {
  const date = new Date(ms);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

export function isLocalDate(value: string): boolean {
  try {
    toUtcDay(value);
    return true;
  } catch {
    return false;
  }
}

export const LocalDate = z.string().refine(isLocalDate, { message: "Date attendue au format AAAA-MM-JJ" });

export function addLocalDays(localDate: LocalDate, days: number): LocalDate {
  return formatUtcDay(toUtcDay(localDate).getTime() + days * DAY_MS);
}

/** Adds calendar months; a day missing from the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addLocalMonths(localDate: LocalDate, months: number): LocalDate {
  const date = toUtcDay(localDate);
  const target = new Date(0);
  target.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0);
  target.setUTCDate(Math.min(date.getUTCDate(), target.getUTCDate()));
  return formatUtcDay(target.getTime());
}

/** Adds years; 29 February becomes 28 February in a common year. */
export function addLocalYears(localDate: LocalDate, years: number): LocalDate {
  return addLocalMonths(localDate, years * 12);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function getLocalWeekday(localDate: LocalDate): number {
  return toUtcDay(localDate).getUTCDay() || 7;
}

export function getLocalYear(localDate: LocalDate): number {
  return toUtcDay(localDate).getUTCFullYear();
}

/** The day an instant falls on, as seen on a wall clock in `timeZone`. */
export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid time value");
  return formatUtcDay(ms + tzOffset(timeZone, instant) * 60_000);
}

function inTimeZone(localDate: LocalDate, timeZone: string): TZDate {
  const day = toUtcDay(localDate);
  return new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), timeZone);
}

// A day's bounds in a zone never change, and building them through TZDate costs several zone lookups: deadlines ask
// for the same few thousand days again and again (the seed, a million times). Bounded so a server stays flat.
const DAY_BOUNDS_CACHE_LIMIT = 20_000;
const dayBounds = new Map<string, { start: number; end: number }>();

function boundsOfLocalDay(localDate: LocalDate, timeZone: string) {
  const key = `${timeZone} ${localDate}`;
  let bounds = dayBounds.get(key);
  if (bounds === undefined) {
    const day = inTimeZone(localDate, timeZone);
    bounds = { start: startOfDay(day).getTime(), end: endOfDay(day).getTime() };
    if (dayBounds.size >= DAY_BOUNDS_CACHE_LIMIT) dayBounds.clear();
    dayBounds.set(key, bounds);
  }
  return bounds;
}

/** First instant of the local day in `timeZone` (DST-aware: a Paris day may last 23 or 25 hours). */
export function startOfLocalDay(localDate: LocalDate, timeZone: string): Date {
  return new Date(boundsOfLocalDay(localDate, timeZone).start);
}

/** Last millisecond of the local day in `timeZone`: a deadline "by that day" is met until this instant included. */
export function endOfLocalDay(localDate: LocalDate, timeZone: string): Date {
  return new Date(boundsOfLocalDay(localDate, timeZone).end);
}

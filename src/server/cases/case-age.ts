import { type AgeBand, ageBandOf, type Identity } from "@shared/cases.ts";

/** What may be kept in clear about a birth: year and month (as the OLINPE national flow does), never the day. */
export interface BirthInClear {
  birthYear: number | null;
  birthMonth: number | null;
  isAgeEstimated: boolean;
  ageEstimationMethod: string | null;
}

const parts = (isoDate: string) => {
  const [year, month, day] = isoDate.split("-").map(Number);
  return { year: year ?? 0, month: month ?? 1, day: day ?? 1 };
};

export function birthInClear(identity: Identity): BirthInClear {
  if (identity.birthDate) {
    const { year, month } = parts(identity.birthDate);
    return { birthYear: year, birthMonth: month, isAgeEstimated: false, ageEstimationMethod: null };
  }
  if (identity.ageEstimate) {
    // The estimated birthday is put in the month before the estimate, so the estimated age holds from that day on.
    const { year, month } = parts(identity.ageEstimate.estimatedOn);
    const monthIndex = year * 12 + (month - 1) - identity.ageEstimate.age * 12 - 1;
    return {
      birthYear: Math.floor(monthIndex / 12),
      birthMonth: (monthIndex % 12) + 1,
      isAgeEstimated: true,
      ageEstimationMethod: identity.ageEstimate.method,
    };
  }
  return { birthYear: null, birthMonth: null, isAgeEstimated: false, ageEstimationMethod: null };
}

/** Exact completed years between two ISO dates. */
export function exactAge(birthDate: string, on: string): number {
  const b = parts(birthDate);
  const d = parts(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** Completed years from a birth year and month; within the birth month the birthday counts as not yet reached. */
export function ageFromYearMonth(birthYear: number, birthMonth: number | null, on: string): number {
  const d = parts(on);
  const hadBirthday = birthMonth !== null && d.month > birthMonth;
  return d.year - birthYear - (hadBirthday ? 0 : 1);
}

export function ageAtFirstFacts(identity: Identity, birth: BirthInClear, firstFactsOn: string | null): number | null {
  if (!firstFactsOn) return null;
  if (identity.birthDate) return exactAge(identity.birthDate, firstFactsOn);
  if (birth.birthYear === null) return null;
  return ageFromYearMonth(birth.birthYear, birth.birthMonth, firstFactsOn);
}

export function ageBandOrNull(age: number | null): AgeBand | null {
  return age === null ? null : ageBandOf(Math.max(0, age));
}

// Built once: a formatter costs far more to create than to use, and lists and the seed call this per row.
const PARIS_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// Formatting in a time zone still costs tens of microseconds. Paris changes date only on the hour (its offsets are
// whole hours), so the date of one minute holds for all of it.
let lastMinute = Number.NaN;
let lastDate = "";

/** The calendar date in France, which is what "today" means to a French professional. */
export function parisDate(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = PARIS_DATE.format(now);
    lastMinute = minute;
  }
  return lastDate;
}

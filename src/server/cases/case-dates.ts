import type { Identity, Profile } from "@shared/cases.ts";
import type { FieldError } from "@shared/problem.ts";
import { AppError } from "../http/errors.ts";
import type { BirthInClear } from "./case-age.ts";

/** The oldest birth Repère accepts: it follows minors and young adults, not adults in general. */
const MAX_AGE_YEARS = 30;

const yearMonth = (isoDate: string) => isoDate.slice(0, 7);

/**
 * Dates that cannot be true (born after the facts, facts in the future) are refused with every offending field
 * named, so the form can mark them and keep what was typed. `today` is the date in France.
 */
export function checkCaseDates(
  today: string,
  birth: BirthInClear,
  profile: Partial<Profile>,
  identity?: Identity,
): void {
  const errors: FieldError[] = [];
  const future = (path: string, value: string | null | undefined) => {
    if (value && value > today) errors.push({ path, message: "Cette date est dans le futur." });
  };
  const birthStart =
    identity?.birthDate ??
    (birth.birthYear !== null ? `${birth.birthYear}-${String(birth.birthMonth ?? 1).padStart(2, "0")}` : null);
  const beforeBirth = (path: string, value: string | null | undefined) => {
    if (!value || !birthStart) return;
    const tooEarly = identity?.birthDate ? value < identity.birthDate : yearMonth(value) < birthStart.slice(0, 7);
    if (tooEarly) errors.push({ path, message: "Cette date précède la naissance." });
  };
  if (identity) {
    future("identity.birthDate", identity.birthDate);
    future("identity.ageEstimate.estimatedOn", identity.ageEstimate?.estimatedOn);
    const oldest = `${Number(today.slice(0, 4)) - MAX_AGE_YEARS}${today.slice(4)}`;
    if (identity.birthDate && identity.birthDate < oldest) {
      errors.push({ path: "identity.birthDate", message: `Repère suit des jeunes de moins de ${MAX_AGE_YEARS} ans.` });
    }
  }
  const prefix = "profile.";
  future(`${prefix}firstFactsOn`, profile.firstFactsOn);
  beforeBirth(`${prefix}firstFactsOn`, profile.firstFactsOn);
  profile.exploitations?.forEach((e, i) => {
    future(`${prefix}exploitations.${i}.startedOn`, e.startedOn);
    future(`${prefix}exploitations.${i}.endedOn`, e.endedOn);
    beforeBirth(`${prefix}exploitations.${i}.startedOn`, e.startedOn);
  });
  if (errors.length > 0) throw new AppError("invalid_case_dates", 400, undefined, errors);
}

export function checkNotFuture(today: string, path: string, value: string): void {
  if (value > today)
    throw new AppError("invalid_case_dates", 400, undefined, [{ path, message: "Cette date est dans le futur." }]);
}

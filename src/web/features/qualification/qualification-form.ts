import { QualificationInput } from "@shared/qualification/qualification-input.ts";
import { RULE_SETS } from "@shared/qualification/rule-sets.ts";
import { type Act, type Circumstance, type Means, PURPOSES, type Purpose } from "@shared/qualification/vocabulary.ts";
import type { ZodError } from "zod";
import type { FormErrors } from "../../components/form-errors.ts";

/** What the qualification form holds while the user types: the age stays text until it is submitted. */
export interface QualificationFormState {
  ageText: string;
  ageUncertain: boolean;
  acts: Act[];
  means: Means[];
  purposes: Purpose[];
  circumstances: Circumstance[];
  factsDate: string;
}

export const EMPTY_QUALIFICATION_FORM: QualificationFormState = {
  ageText: "",
  ageUncertain: false,
  acts: [],
  means: [],
  purposes: [],
  circumstances: [],
  factsDate: "",
};

// The shared schema names its fields in contract spelling (« ageAtFacts »); the form speaks of what the user sees.
const FIELD_MESSAGES: Partial<Record<string, string>> = {
  ageAtFacts:
    "Indiquez l'âge en années, un nombre entier entre 0 et 120, ou laissez le champ vide si l'âge est inconnu.",
  ageUncertain: "Un âge inconnu est un âge incertain : cochez « L'âge est incertain » ou indiquez l'âge.",
  factsDate: "Indiquez une date des faits valide, ou laissez le champ vide.",
};

/** The API's contract shape, before validation: an unparsable age becomes NaN so the shared schema rejects it. */
export function toRawQualificationInput(state: QualificationFormState): Record<string, unknown> {
  const ageText = state.ageText.trim();
  return {
    ageAtFacts: ageText === "" ? null : Number(ageText),
    ageUncertain: state.ageUncertain,
    acts: state.acts,
    means: state.means,
    purposes: state.purposes,
    circumstances: state.circumstances,
    ...(state.factsDate === "" ? {} : { factsDate: state.factsDate }),
  };
}

function withFormWording(fields: FormErrors["fields"]): FormErrors["fields"] {
  return Object.fromEntries(
    Object.entries(fields).map(([field, message]) => [field, FIELD_MESSAGES[field] ?? message]),
  );
}

export function qualificationFormErrors(errors: FormErrors): FormErrors {
  return { ...errors, fields: withFormWording(errors.fields) };
}

export type ParsedQualificationForm =
  | { success: true; input: QualificationInput }
  | { success: false; error: ZodError };

export function parseQualificationForm(state: QualificationFormState): ParsedQualificationForm {
  const parsed = QualificationInput.safeParse(toRawQualificationInput(state));
  return parsed.success ? { success: true, input: parsed.data } : { success: false, error: parsed.error };
}

/** True when the person counts as a minor for the means rule: the engine decides, this only adapts the form's hint. */
export function looksLikeMinor(state: QualificationFormState): boolean {
  const age = Number(state.ageText.trim());
  return state.ageUncertain || (state.ageText.trim() !== "" && Number.isInteger(age) && age < 18);
}

const latestRuleSet = RULE_SETS.at(-1);

/** Purposes the law in force does not list yet (Directive (EU) 2024/1712), shown apart with the rule set's note. */
export const PENDING_PURPOSES: readonly Purpose[] = PURPOSES.filter(
  (purpose) => latestRuleSet?.unrecognisedPurposeNotes[purpose] !== undefined,
);
export const RECOGNISED_PURPOSES: readonly Purpose[] = PURPOSES.filter(
  (purpose) => !PENDING_PURPOSES.includes(purpose),
);

/** "recruter" → "Recruter": the vocabulary's labels are written to sit inside a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}

/** Reads the age a screening hands over (`?age=16&ageIncertain=1`). */
export function initialFormFromSearch(search: URLSearchParams): QualificationFormState {
  const age = search.get("age") ?? "";
  return {
    ...EMPTY_QUALIFICATION_FORM,
    ageText: /^\d{1,3}$/.test(age) ? age : "",
    ageUncertain: search.get("ageIncertain") === "1",
  };
}

import { toParisIsoDate } from "@shared/qualification/calendar-date.ts";
import type { GridDefinition, GridItem } from "@shared/screening/grid-definition.ts";
import type { ItemValue, ScreeningLevel, ScreeningMode, SourceType } from "@shared/screening/screening-levels.ts";
import { ScreeningOverride, ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import type { ZodError } from "zod";
import type { FieldErrors, FormErrors } from "../../components/form-errors.ts";

/** One item as the form holds it: source and date are kept while the value flips, and dropped on submit. */
export interface AnswerDraft {
  value: ItemValue;
  sourceType: SourceType | "";
  date: string;
}

export interface ScreeningFormState {
  mode: ScreeningMode;
  ageText: string;
  ageUncertain: boolean;
  screenedOn: string;
  answers: Readonly<Record<string, AnswerDraft>>;
  redFlags: readonly string[];
}

export function emptyScreeningForm(today: Date = new Date()): ScreeningFormState {
  return {
    mode: "full",
    ageText: "",
    ageUncertain: false,
    screenedOn: toParisIsoDate(today),
    answers: {},
    redFlags: [],
  };
}

/** The grid's own scale (indicators.md § 3.1): "Unknown" stays distinct from 0 for data quality. */
export const ITEM_VALUE_LABELS: Record<string, string> = {
  "0": "0 — Non observé",
  "1": "1 — Possible",
  "2": "2 — Avéré",
  unknown: "Inconnu",
};

export function itemValueFromInput(raw: string): ItemValue {
  if (raw === "0") return 0;
  if (raw === "1") return 1;
  if (raw === "2") return 2;
  return "unknown";
}

export const isScored = (value: ItemValue | undefined): value is 1 | 2 => value === 1 || value === 2;

export function itemsInScope(grid: GridDefinition, mode: ScreeningMode): GridItem[] {
  return grid.domains.flatMap((domain) => domain.items.filter((item) => mode === "full" || item.inBrief));
}

/** The submission's contract shape, before validation: out-of-scope answers are left out, not refused. */
export function toRawSubmission(grid: GridDefinition, state: ScreeningFormState): Record<string, unknown> {
  const ageText = state.ageText.trim();
  const answers = itemsInScope(grid, state.mode).flatMap((item): Record<string, unknown>[] => {
    const draft = state.answers[item.id];
    if (draft === undefined) return [];
    if (!isScored(draft.value)) return [{ itemId: item.id, value: draft.value }];
    return [
      {
        itemId: item.id,
        value: draft.value,
        ...(draft.sourceType === "" ? {} : { sourceType: draft.sourceType }),
        ...(draft.date === "" ? {} : { date: draft.date }),
      },
    ];
  });
  return {
    gridVersion: grid.version,
    mode: state.mode,
    ageAtScreening: ageText === "" ? null : Number(ageText),
    ageUncertain: state.ageUncertain,
    screenedOn: state.screenedOn,
    answers,
    redFlags: state.redFlags,
  };
}

/** Field key of an item's source or date in FormErrors, so each message sits under its own input. */
export const answerField = (itemId: string, part: "value" | "sourceType" | "date") => `${itemId}.${part}`;

// The shared schema names contract fields (« ageAtScreening », « answers.3.date »); the form names what the user sees.
const FIELD_MESSAGES: Partial<Record<string, string>> = {
  ageAtScreening:
    "Indiquez l'âge en années, un nombre entier entre 0 et 120, ou laissez le champ vide si l'âge est inconnu.",
  ageUncertain: "Un âge inconnu est un âge incertain : cochez « L'âge est incertain » ou indiquez l'âge.",
  screenedOn: "Indiquez la date du repérage.",
};
const ANSWER_MESSAGES: Record<string, string> = {
  sourceType: "Indiquez la source de l'information : elle est obligatoire pour un item coté 1 ou 2.",
  date: "Indiquez une date valide : elle est obligatoire pour un item coté 1 ou 2.",
};

export function screeningFormErrors(error: ZodError, raw: Record<string, unknown>): FormErrors {
  const answers = Array.isArray(raw.answers) ? (raw.answers as { itemId: string }[]) : [];
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const [head, index, part] = issue.path;
    const itemId = head === "answers" && typeof index === "number" ? answers[index]?.itemId : undefined;
    const key =
      itemId !== undefined && (part === "sourceType" || part === "date" || part === "value")
        ? answerField(itemId, part)
        : String(head ?? "");
    const wording = itemId !== undefined ? ANSWER_MESSAGES[String(part)] : FIELD_MESSAGES[key];
    fields[key] ??= wording ?? issue.message;
  }
  return { title: "Certaines réponses sont incomplètes ou invalides.", fields };
}

export type ParsedScreeningForm =
  | { success: true; submission: ScreeningSubmission }
  | { success: false; errors: FormErrors };

export function parseScreeningForm(grid: GridDefinition, state: ScreeningFormState): ParsedScreeningForm {
  const raw = toRawSubmission(grid, state);
  const parsed = ScreeningSubmission.safeParse(raw);
  return parsed.success
    ? { success: true, submission: parsed.data }
    : { success: false, errors: screeningFormErrors(parsed.error, raw) };
}

const OVERRIDE_MESSAGES: Record<string, string> = {
  level: "Choisissez le niveau que vous retenez.",
  reason: "Expliquez par écrit pourquoi vous modifiez le niveau : le motif est obligatoire.",
};

export type ParsedOverride = { success: true; override: ScreeningOverride } | { success: false; errors: FormErrors };

/** Professional judgement may replace the computed level, never silently: the schema demands a written reason. */
export function parseOverride(level: ScreeningLevel | undefined, reason: string): ParsedOverride {
  const parsed = ScreeningOverride.safeParse({ level, reason });
  if (parsed.success) return { success: true, override: parsed.data };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "");
    fields[field] ??= OVERRIDE_MESSAGES[field] ?? issue.message;
  }
  return { success: false, errors: { fields } };
}

import type { ZodError } from "zod";
import { ApiProblem } from "../api.ts";

/** First message per top-level field name, as DSFR fields show one message each. */
export type FieldErrors = Partial<Record<string, string>>;

export interface FormErrors {
  /** The problem's French title, shown in an alert above the form. */
  title?: string;
  detail?: string;
  fields: FieldErrors;
}

export const NO_ERRORS: FormErrors = { fields: {} };

function fieldOf(path: string | readonly PropertyKey[]): string {
  const first = typeof path === "string" ? path.split(".")[0] : path[0];
  return first === undefined ? "" : String(first);
}

function firstMessages(issues: { path: string | readonly PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    fields[field] ??= issue.message;
  }
  return fields;
}

export function formErrorsFromZod(error: ZodError): FormErrors {
  return { fields: firstMessages(error.issues) };
}

export function formErrorsFromUnknown(error: unknown): FormErrors {
  if (error instanceof ApiProblem) {
    return { title: error.problem.title, detail: error.problem.detail, fields: firstMessages(error.fieldErrors) };
  }
  return { title: "Une erreur inattendue est survenue. Réessayez.", fields: {} };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.title !== undefined || Object.keys(errors.fields).length > 0;
}

/** Props for a DSFR field: the message is linked to the input through aria-describedby by the component. */
export function fieldState(errors: FormErrors, field: string): { state?: "error"; stateRelatedMessage?: string } {
  const message = errors.fields[field];
  return message ? { state: "error", stateRelatedMessage: message } : {};
}

export function isInvalid(errors: FormErrors, field: string): boolean {
  return errors.fields[field] !== undefined;
}

/** The DSFR PasswordInput takes a list of messages (linked to the input by aria-describedby) instead of a state. */
export function passwordMessages(errors: FormErrors, field: string) {
  const message = errors.fields[field];
  return message ? { messages: [{ severity: "error" as const, message }] } : {};
}

import type { ZodError } from "zod";
import { ApiProblem } from "../../api.ts";
import type { FormErrors } from "../../components/form-errors.ts";

// The case forms are nested (identity.surname, profile.exploitations.0.subtype): errors keep their whole path, where
// the shared helpers keep only the first segment.

const CLIENT_TITLE = "Certaines informations sont invalides. Corrigez les champs signalés.";

function byPath(issues: { path: string | readonly PropertyKey[]; message: string }[]): FormErrors["fields"] {
  const fields: FormErrors["fields"] = {};
  for (const issue of issues) {
    const path = typeof issue.path === "string" ? issue.path : issue.path.map(String).join(".");
    fields[path] ??= issue.message;
  }
  return fields;
}

export function nestedErrorsFromZod(error: ZodError, prefix = ""): FormErrors {
  const fields = byPath(error.issues.map((issue) => ({ ...issue, path: [...prefixPath(prefix), ...issue.path] })));
  return { title: CLIENT_TITLE, fields };
}

function prefixPath(prefix: string): string[] {
  return prefix ? prefix.split(".") : [];
}

export function nestedErrorsFromUnknown(error: unknown): FormErrors {
  if (error instanceof ApiProblem) {
    return { title: error.problem.title, detail: error.problem.detail, fields: byPath(error.fieldErrors) };
  }
  return { title: "Une erreur inattendue est survenue. Réessayez.", fields: {} };
}

/** The first message at `path` or below it: "identity.aliases" also shows an error on "identity.aliases.2". */
export function errorAt(errors: FormErrors, path: string): string | undefined {
  const exact = errors.fields[path];
  if (exact) return exact;
  const below = Object.keys(errors.fields).find((key) => key.startsWith(`${path}.`));
  return below ? errors.fields[below] : undefined;
}

/** DSFR field props for `path`, plus the aria-invalid the focus management looks for. */
export function fieldStateAt(errors: FormErrors, path: string) {
  const message = errorAt(errors, path);
  return message ? { state: "error" as const, stateRelatedMessage: message } : {};
}

export function invalidAt(errors: FormErrors, path: string): boolean {
  return errorAt(errors, path) !== undefined;
}

import type { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED_LABELS: Record<string, string> = {
  number: "un nombre",
  int: "un nombre entier",
  boolean: "un booléen (true ou false)",
  array: "un tableau",
  object: "un objet JSON",
  string: "une chaîne de caractères",
  null: "null",
};

function describeInput(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "un tableau";
  if (typeof input === "string") return `« ${input} »`;
  if (typeof input === "object") return "un objet";
  return String(input);
}

export interface FieldErrorHints {
  /** Replaces the generic type description, e.g. "un nombre entier entre 0 et 120, ou null". */
  expected?: string;
  /** For an object: the keys it accepts, listed when an unknown key is sent. */
  allowedKeys?: readonly string[];
}

/**
 * Builds a zod error customiser that answers in French and names the field, so every consumer (CLI, API
 * problem+json, forms) shows the same message without a translation layer of its own.
 */
export function frenchFieldError(field: string, hints: FieldErrorHints = {}) {
  return (issue: RawIssue): string => {
    const quoted = `« ${field} »`;
    // A missing key reaches zod as undefined whatever the schema (an enum reports it as a bad value).
    if (issue.input === undefined && issue.code !== "unrecognized_keys") return `Le champ ${quoted} est obligatoire.`;
    switch (issue.code) {
      case "invalid_type": {
        const expected = hints.expected ?? EXPECTED_LABELS[String(issue.expected)] ?? String(issue.expected);
        return `Le champ ${quoted} doit être ${expected} (reçu : ${describeInput(issue.input)}).`;
      }
      case "invalid_value": {
        const allowed = (issue.values ?? []).map(String).join(", ");
        return `Le champ ${quoted} contient une valeur inconnue : ${describeInput(issue.input)}. Valeurs admises : ${allowed}.`;
      }
      case "invalid_format":
        return `Le champ ${quoted} doit être ${hints.expected ?? "au format attendu"} (reçu : ${describeInput(issue.input)}).`;
      case "too_small":
      case "too_big":
        return `Le champ ${quoted} doit être ${hints.expected ?? "dans les limites admises"} (reçu : ${describeInput(issue.input)}).`;
      case "unrecognized_keys": {
        const keys = (issue.keys ?? []).map((key) => `« ${key} »`).join(", ");
        const allowed = hints.allowedKeys ? ` Champs admis : ${hints.allowedKeys.join(", ")}.` : "";
        return `Champ(s) inconnu(s) dans ${quoted} : ${keys}.${allowed}`;
      }
      default:
        return `Le champ ${quoted} est invalide.`;
    }
  };
}

/** One line per issue, each already naming its field; used by the CLI on stderr. */
export function formatIssuesInFrench(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => issue.message).join("\n");
}

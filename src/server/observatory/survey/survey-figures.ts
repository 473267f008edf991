import {
  SURVEY_FIGURE_KEYS,
  SURVEY_SPLITS,
  type SurveyFigures,
  SurveyFigures as SurveyFiguresSchema,
} from "@shared/observatory.ts";
import type { FieldError } from "@shared/problem.ts";

const SPLIT_LABELS = { sex: "sexe", age: "âge", form: "forme d'exploitation" } as const;

/** Each split (sex, age, form) must add up to the total declared. */
export function checkSurveyFigures(figures: SurveyFigures): FieldError[] {
  return (Object.entries(SURVEY_SPLITS) as [keyof typeof SURVEY_SPLITS, readonly (keyof SurveyFigures)[]][]).flatMap(
    ([split, keys]) => {
      const sum = keys.reduce((total, key) => total + figures[key], 0);
      return sum === figures.total
        ? []
        : [
            {
              path: `figures.${keys[0]}`,
              message: `La répartition par ${SPLIT_LABELS[split]} (${sum}) diffère du total (${figures.total}).`,
            },
          ];
    },
  );
}

/**
 * The CSV form of a response, for associations that keep their figures in a spreadsheet: two columns
 * `categorie,effectif`, one line per survey category (SURVEY_FIGURE_KEYS), in any order.
 */
export function parseSurveyCsv(text: string): { figures: SurveyFigures | null; errors: FieldError[] } {
  const lines = text
    .replace(/^\ufeff/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  const errors: FieldError[] = [];
  if (lines[0]?.trim().replace(/;/g, ",") !== "categorie,effectif") {
    return { figures: null, errors: [{ path: "ligne 1", message: "En-tête attendu : categorie,effectif" }] };
  }
  const values: Record<string, number> = {};
  lines.slice(1).forEach((line, index) => {
    const [key = "", value = ""] = line.split(/[,;]/).map((field) => field.trim());
    if (!(SURVEY_FIGURE_KEYS as readonly string[]).includes(key)) {
      errors.push({ path: `ligne ${index + 2}`, message: `Catégorie inconnue : « ${key} ».` });
    } else if (!/^\d{1,6}$/.test(value)) {
      errors.push({ path: `ligne ${index + 2}`, message: "Nombre entier positif attendu." });
    } else if (key in values) {
      errors.push({ path: `ligne ${index + 2}`, message: `Catégorie « ${key} » déjà donnée.` });
    } else values[key] = Number(value);
  });
  for (const key of SURVEY_FIGURE_KEYS) {
    if (!(key in values) && errors.length === 0) errors.push({ path: key, message: `Catégorie « ${key} » manquante.` });
  }
  if (errors.length > 0) return { figures: null, errors };
  const parsed = SurveyFiguresSchema.safeParse(values);
  return parsed.success
    ? { figures: parsed.data, errors: [] }
    : { figures: null, errors: [{ path: "", message: "Valeurs invalides." }] };
}

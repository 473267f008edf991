import { SURVEY_FIGURE_LABELS, SURVEY_SPLITS, type SurveyFigureKey, type SurveyFigures } from "@shared/observatory.ts";

const SPLIT_NAMES: Record<keyof typeof SURVEY_SPLITS, string> = {
  sex: "par sexe",
  age: "par tranche d'âge",
  form: "par forme d'exploitation",
};

/**
 * Errors keyed by figure: a split that does not add up to the total is reported on its first field, so the user
 * sees it where the numbers are typed (the server refuses it too, with survey_figures_inconsistent).
 */
export function splitErrorsOf(figures: SurveyFigures): Partial<Record<SurveyFigureKey, string>> {
  const errors: Partial<Record<SurveyFigureKey, string>> = {};
  for (const [split, keys] of Object.entries(SURVEY_SPLITS) as [keyof typeof SURVEY_SPLITS, SurveyFigureKey[]][]) {
    const sum = keys.reduce((total, key) => total + figures[key], 0);
    const [first] = keys;
    if (first && sum !== figures.total) {
      errors[first] =
        `La répartition ${SPLIT_NAMES[split]} fait ${sum}, le total déclaré est ${figures.total} (« ${SURVEY_FIGURE_LABELS.total} »).`;
    }
  }
  return errors;
}

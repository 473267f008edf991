import { z } from "zod";
import { frenchFieldError } from "./french-errors";
import { ACTS, CIRCUMSTANCES, MEANS, PURPOSES } from "./vocabulary";

function vocabularyArray<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  const error = frenchFieldError(field, { expected: "un tableau de valeurs (éventuellement vide)" });
  return z.array(z.enum(values, { error }), { error });
}

const AGE_EXPECTED = "un nombre entier entre 0 et 120, ou null";
const ageError = frenchFieldError("ageAtFacts", { expected: AGE_EXPECTED });

const shape = {
  ageAtFacts: z
    .number({ error: ageError })
    .int({ error: ageError })
    .min(0, { error: ageError })
    .max(120, { error: ageError })
    .nullable(),
  ageUncertain: z.boolean({ error: frenchFieldError("ageUncertain") }),
  acts: vocabularyArray("acts", ACTS),
  means: vocabularyArray("means", MEANS),
  purposes: vocabularyArray("purposes", PURPOSES),
  circumstances: vocabularyArray("circumstances", CIRCUMSTANCES),
  factsDate: z.iso
    .date({ error: frenchFieldError("factsDate", { expected: "une date valide au format AAAA-MM-JJ" }) })
    .optional(),
};

/**
 * Facts submitted to the qualification engine. There is deliberately no consent field (rule L7): the victim's
 * consent is not an element of the offence and must never be asked as a criterion.
 */
export const QualificationInput = z
  .strictObject(shape, {
    error: frenchFieldError("entrée de qualification", { expected: "un objet JSON", allowedKeys: Object.keys(shape) }),
  })
  .superRefine((input, ctx) => {
    if (input.ageAtFacts === null && !input.ageUncertain) {
      ctx.addIssue({
        code: "custom",
        path: ["ageUncertain"],
        message:
          "Le champ « ageUncertain » doit valoir true lorsque « ageAtFacts » est null : un âge inconnu est un âge incertain.",
      });
    }
  });
export type QualificationInput = z.infer<typeof QualificationInput>;

import { z } from "zod";
import { frenchFieldError } from "../qualification/french-errors";
import { findGrid, listGridItems } from "./grid-registry";
import { ITEM_VALUES, SCREENING_LEVELS, SCREENING_MODES, SOURCE_TYPES } from "./screening-levels";

const DATE_EXPECTED = "une date valide au format AAAA-MM-JJ";

const itemValue = z.union(
  ITEM_VALUES.map((value) => z.literal(value)),
  { error: frenchFieldError("value", { expected: '0, 1, 2 ou "unknown"' }) },
);

export const ScreeningAnswer = z.strictObject(
  {
    itemId: z.string({ error: frenchFieldError("itemId") }),
    value: itemValue,
    sourceType: z.enum(SOURCE_TYPES, { error: frenchFieldError("sourceType") }).optional(),
    date: z.iso.date({ error: frenchFieldError("date", { expected: DATE_EXPECTED }) }).optional(),
    note: z
      .string({ error: frenchFieldError("note") })
      .max(2000, { error: "Le champ « note » ne doit pas dépasser 2000 caractères." })
      .optional(),
  },
  { error: frenchFieldError("answers", { allowedKeys: ["itemId", "value", "sourceType", "date", "note"] }) },
);
export type ScreeningAnswer = z.infer<typeof ScreeningAnswer>;

/** Professional judgement prevails over the computed level, but only with a written reason. */
export const ScreeningOverride = z.strictObject(
  {
    level: z.enum(SCREENING_LEVELS, { error: frenchFieldError("override.level") }),
    reason: z
      .string({ error: frenchFieldError("override.reason") })
      .trim()
      .min(1, {
        error: "Le champ « override.reason » est obligatoire : expliquez par écrit pourquoi vous modifiez le niveau.",
      })
      .max(2000, { error: "Le champ « override.reason » ne doit pas dépasser 2000 caractères." }),
  },
  { error: frenchFieldError("override", { allowedKeys: ["level", "reason"] }) },
);
export type ScreeningOverride = z.infer<typeof ScreeningOverride>;

const ageError = frenchFieldError("ageAtScreening", { expected: "un nombre entier entre 0 et 120, ou null" });

const shape = {
  gridVersion: z.string({ error: frenchFieldError("gridVersion") }),
  mode: z.enum(SCREENING_MODES, { error: frenchFieldError("mode") }),
  ageAtScreening: z
    .number({ error: ageError })
    .int({ error: ageError })
    .min(0, { error: ageError })
    .max(120, { error: ageError })
    .nullable(),
  /** There are reasons to believe the person may be a minor whatever the stated age. */
  ageUncertain: z.boolean({ error: frenchFieldError("ageUncertain") }),
  screenedOn: z.iso.date({ error: frenchFieldError("screenedOn", { expected: DATE_EXPECTED }) }),
  answers: z.array(ScreeningAnswer, { error: frenchFieldError("answers", { expected: "un tableau de réponses" }) }),
  redFlags: z.array(z.string({ error: frenchFieldError("redFlags") }), {
    error: frenchFieldError("redFlags", { expected: "un tableau d'identifiants (éventuellement vide)" }),
  }),
  override: ScreeningOverride.optional(),
};

/**
 * A completed grid as submitted by the professional. Checked against the grid it names: item and red-flag ids
 * must exist, brief mode accepts only brief items, and a non-zero item needs its source type and date.
 */
export const ScreeningSubmission = z
  .strictObject(shape, {
    error: frenchFieldError("repérage", { expected: "un objet JSON", allowedKeys: Object.keys(shape) }),
  })
  .superRefine((submission, ctx) => {
    if (submission.ageAtScreening === null && !submission.ageUncertain) {
      ctx.addIssue({
        code: "custom",
        path: ["ageUncertain"],
        message: "Le champ « ageUncertain » doit valoir true lorsque « ageAtScreening » est null.",
      });
    }
    const grid = findGrid(submission.gridVersion);
    if (grid === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["gridVersion"],
        message: `Le champ « gridVersion » désigne une grille inconnue : « ${submission.gridVersion} ».`,
      });
      return;
    }
    const itemsById = new Map(listGridItems(grid).map((item) => [item.id, item]));
    const seenItems = new Set<string>();
    submission.answers.forEach((answer, index) => {
      const path = ["answers", index];
      const item = itemsById.get(answer.itemId);
      if (item === undefined) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "itemId"],
          message: `Item inconnu dans la grille ${grid.version} : « ${answer.itemId} ».`,
        });
        return;
      }
      if (seenItems.has(answer.itemId)) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "itemId"],
          message: `L'item « ${answer.itemId} » est renseigné deux fois.`,
        });
      }
      seenItems.add(answer.itemId);
      if (submission.mode === "brief" && !item.inBrief) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "itemId"],
          message: `L'item « ${answer.itemId} » ne fait pas partie du repérage bref : passez en repérage complet pour le coter.`,
        });
      }
      if (answer.value === 1 || answer.value === 2) {
        if (answer.sourceType === undefined) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "sourceType"],
            message: `Le champ « sourceType » est obligatoire pour l'item « ${answer.itemId} » coté ${answer.value}.`,
          });
        }
        if (answer.date === undefined) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "date"],
            message: `Le champ « date » est obligatoire pour l'item « ${answer.itemId} » coté ${answer.value}.`,
          });
        }
      }
    });
    const redFlagIds = new Set(grid.redFlags.map((redFlag) => redFlag.id));
    const seenFlags = new Set<string>();
    submission.redFlags.forEach((id, index) => {
      if (!redFlagIds.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["redFlags", index],
          message: `Signal d'alerte inconnu dans la grille ${grid.version} : « ${id} ».`,
        });
      } else if (seenFlags.has(id)) {
        ctx.addIssue({
          code: "custom",
          path: ["redFlags", index],
          message: `Le signal d'alerte « ${id} » est coché deux fois.`,
        });
      }
      seenFlags.add(id);
    });
  });
export type ScreeningSubmission = z.infer<typeof ScreeningSubmission>;

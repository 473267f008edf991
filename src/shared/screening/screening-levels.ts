/** Outcome of a screening: a level of concern, never "victim / not victim". */
export const SCREENING_LEVELS = ["none", "possible", "clear"] as const;
export type ScreeningLevel = (typeof SCREENING_LEVELS)[number];

export const SCREENING_LEVEL_LABELS: Record<ScreeningLevel, string> = {
  none: "Pas de préoccupation identifiée",
  possible: "Préoccupation possible",
  clear: "Préoccupation avérée",
};

export const SCREENING_MODES = ["brief", "full"] as const;
export type ScreeningMode = (typeof SCREENING_MODES)[number];

export const SCREENING_MODE_LABELS: Record<ScreeningMode, string> = {
  brief: "Repérage bref",
  full: "Repérage complet",
};

export const ITEM_VALUES = [0, 1, 2, "unknown"] as const;
export type ItemValue = (typeof ITEM_VALUES)[number];

export const SOURCE_TYPES = ["observed", "disclosed", "third_party", "document"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  observed: "Observé",
  disclosed: "Confié par la personne",
  third_party: "Rapporté par un tiers",
  document: "Document",
};

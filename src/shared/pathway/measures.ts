import { ASE_PLACEMENT_TYPES } from "../cases/vocabulary.ts";

/** Protection measures of issue 6 §4, each followed with its provider, dates and status. */
export const MEASURE_KINDS = [
  "placement",
  "acse_referral",
  "ad_hoc_administrator",
  "lawyer",
  "health",
  "psychological_care",
  "schooling_training",
  "care_leaver_housing",
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  placement: "Placement",
  acse_referral: "Orientation vers le dispositif Ac.Sé",
  ad_hoc_administrator: "Administrateur ad hoc",
  lawyer: "Avocat ou avocate",
  health: "Santé",
  psychological_care: "Soins psychologiques",
  schooling_training: "Scolarité ou formation",
  care_leaver_housing: "Logement jeune majeur",
};

export const MEASURE_STATUSES = ["planned", "in_progress", "not_executed", "ended", "cancelled"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: "Prévue",
  in_progress: "En cours",
  not_executed: "Non exécutée",
  ended: "Terminée",
  cancelled: "Annulée",
};

/** Measures still to be carried or being carried: what a hand-over lists. */
export const OPEN_MEASURE_STATUSES: readonly MeasureStatus[] = ["planned", "in_progress", "not_executed"];

/** Where a measure may go next; a measure ended or cancelled stays so (a new one is recorded instead). */
export const MEASURE_STATUS_TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  planned: ["in_progress", "not_executed", "cancelled"],
  in_progress: ["ended", "not_executed"],
  not_executed: ["in_progress", "cancelled"],
  ended: [],
  cancelled: [],
};

export const PLACEMENT_TYPES = ASE_PLACEMENT_TYPES;

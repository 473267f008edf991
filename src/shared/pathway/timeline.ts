/**
 * Entries the pathway adds to a case's timeline; the case domain's TIMELINE_ENTRY_KINDS (shared/cases/vocabulary.ts)
 * lists them with the same labels.
 */
export const PATHWAY_TIMELINE_KINDS = [
  "pathway_step",
  "pathway_deadline_alert",
  "pathway_review_decided",
  "pathway_measure",
  "pathway_plan",
  "pathway_transfer",
] as const;
export type PathwayTimelineKind = (typeof PATHWAY_TIMELINE_KINDS)[number];

export const PATHWAY_TIMELINE_KIND_LABELS: Record<PathwayTimelineKind, string> = {
  pathway_step: "Étape du parcours de protection",
  pathway_deadline_alert: "Alerte d'échéance",
  pathway_review_decided: "Examen pluridisciplinaire conclu",
  pathway_measure: "Mesure de protection",
  pathway_plan: "Plan de protection",
  pathway_transfer: "Transfert entre départements",
};

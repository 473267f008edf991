/** What a multi-agency presumed-victim review may conclude (procedure.md §8.2, like the UK "reasonable grounds"). */
export const REVIEW_OUTCOMES = ["presumed_victim", "not_victim", "no_conclusion"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  presumed_victim: "Victime présumée",
  not_victim: "Pas victime de traite",
  no_conclusion: "Pas de conclusion : nouvel examen à prévoir",
};

export const REVIEW_STATUSES = ["scheduled", "decided", "cancelled"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A panel needs members of at least this many organisations, present and free of any declared conflict. */
export const REVIEW_MIN_ORGANISATIONS = 2;
export const REVIEW_MIN_QUORUM = 2;

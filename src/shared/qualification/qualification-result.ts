import type { LegalAction } from "./legal-actions";
import type { TraffickingArticle } from "./rule-sets";
import type { Act, Circumstance, Element, Means, Purpose } from "./vocabulary";

/** One conclusion of the engine: the rule that produced it, the input facts it rests on, and its French wording. */
export interface Finding {
  /** "L1"…"L7", an article ("225-4-2 II", "225-7"…) or "rule_set". */
  rule: string;
  /** The input facts used, in contract spelling ("ageAtFacts: 16", "purposes: proxenetisme"). */
  facts: string[];
  text: string;
}

export interface RelatedOffence {
  article: string;
  label: string;
  /** Input facts in contract spelling. */
  facts: string[];
  /** The same facts in French, for display. */
  reasons: string[];
}

/** The input after normalisation: duplicates removed, vocabulary order, factsDate resolved. */
export interface QualificationFacts {
  ageAtFacts: number | null;
  ageUncertain: boolean;
  acts: Act[];
  means: Means[];
  purposes: Purpose[];
  circumstances: Circumstance[];
  factsDate: string;
}

export interface QualificationResult {
  trafficking: boolean;
  /** False for a minor (or a person presumed minor): 225-4-1 II needs no means. */
  meansRequired: boolean;
  missing: Element[];
  /** The most specific trafficking text that applies, or null when trafficking is not established. */
  article: TraffickingArticle | null;
  articleLabel: string | null;
  /** Penalty of `article` alone: 225-4-5 and the related offences' own penalties are not merged in. */
  maxPrisonYears: number | "life" | null;
  maxFineEuros: number | null;
  offenceClass: "delit" | "crime" | null;
  treatedAsMinor: boolean;
  /** Every aggravated trafficking text whose conditions hold, most severe first (the first one is `article`). */
  aggravations: TraffickingArticle[];
  /** Article numbers the facts point to, listed even when trafficking is not established. */
  relatedOffences: string[];
  relatedOffenceDetails: RelatedOffence[];
  explanation: string[];
  findings: Finding[];
  /** Actions implied by the qualification alone; on a case, the screening and the profile add theirs. */
  actions: LegalAction[];
  facts: QualificationFacts;
  ruleSet: { id: string; validFrom: string; label: string; coversFactsDate: boolean };
}

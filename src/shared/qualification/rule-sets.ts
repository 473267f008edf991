import type { Circumstance, Means, Purpose } from "./vocabulary";

export const TRAFFICKING_ARTICLES = [
  "225-4-1 I",
  "225-4-1 II",
  "225-4-2 I",
  "225-4-2 II",
  "225-4-3",
  "225-4-4",
] as const;
export type TraffickingArticle = (typeof TRAFFICKING_ARTICLES)[number];

export interface PenaltyText {
  article: TraffickingArticle;
  label: string;
  maxPrisonYears: number | "life";
  maxFineEuros: number;
  /** A crime carries réclusion criminelle and goes to the cour d'assises (or cour criminelle); a délit does not. */
  offenceClass: "delit" | "crime";
}

/**
 * A condition token for related offences: a means or circumstance of the input, or the victim's age band
 * ("minor" includes a person treated as a minor because the age is uncertain; "under_15" needs a known age).
 */
export type ConditionToken = Means | Circumstance | "minor" | "under_15";

export interface RelatedOffenceRule {
  article: string;
  label: string;
  /** The facts point to the offence when one of these purposes is present… */
  purposes: readonly Purpose[];
  /** …and every one of these conditions holds… */
  requiresAllOf?: readonly ConditionToken[];
  /** …and, if listed, at least one of these holds. */
  requiresAnyOf?: readonly ConditionToken[];
}

/**
 * The law applicable to facts committed from `validFrom` on. A change of law (e.g. the transposition of
 * Directive (EU) 2024/1712) is a new rule set appended to RULE_SETS, so past facts keep their qualification.
 */
export interface RuleSet {
  id: string;
  validFrom: string;
  label: string;
  /** Age under which no means is required (225-4-1 II) and the minor rules apply. */
  majorityAge: number;
  /** Exploitation purposes listed by 225-4-1 in this version. */
  recognisedPurposes: readonly Purpose[];
  /** Purposes known to the vocabulary but absent from French law in this version, with the reason shown. */
  unrecognisedPurposeNotes: Readonly<Partial<Record<Purpose, string>>>;
  /** The "supplementary circumstances" of 225-4-2 I (also aggravating for minors under 225-4-2 II). */
  aggravatingCircumstances: readonly Circumstance[];
  organisedGangCircumstance: Circumstance;
  tortureCircumstance: Circumstance;
  penalties: Readonly<Record<TraffickingArticle, PenaltyText>>;
  relatedOffences: readonly RelatedOffenceRule[];
}

const EU_2024_NOTE =
  "ajoutée par la directive (UE) 2024/1712, mais absente de la liste des finalités de l'article 225-4-1 du Code pénal tant que la directive n'est pas transposée en droit français";

const ADULT_225_7_CIRCUMSTANCES: readonly ConditionToken[] = [
  "minor",
  "abuse_of_vulnerability",
  "several_victims",
  "outside_france_or_on_arrival",
  "ascendant_or_authority",
  "author_public_duty",
  "threat_constraint_violence_fraud",
  "electronic_network_contact",
];

/** CP 225-15-1 deems minors and persons exploited on arrival in France vulnerable or dependent for 225-13 and 225-14. */
const VULNERABLE_OR_DEPENDENT: readonly ConditionToken[] = [
  "minor",
  "abuse_of_vulnerability",
  "ascendant_or_authority",
  "outside_france_or_on_arrival",
];

const LABOUR_PURPOSES: readonly Purpose[] = ["forced_labour_services", "servitude", "undignified_work_or_housing"];

/** Code pénal as rewritten by law 2013-711 of 5 August 2013 (JO 6 August 2013); penalties unchanged since. */
export const FR_CP_2013: RuleSet = {
  id: "fr-cp-2013-08-07",
  validFrom: "2013-08-07",
  label: "Code pénal, articles 225-4-1 à 225-4-4, rédaction issue de la loi n° 2013-711 du 5 août 2013",
  majorityAge: 18,
  recognisedPurposes: [
    "proxenetisme",
    "sexual_assault_or_abuse",
    "slavery",
    "forced_labour_services",
    "servitude",
    "organ_removal",
    "begging_exploitation",
    "undignified_work_or_housing",
    "forced_criminality",
  ],
  unrecognisedPurposeNotes: {
    forced_marriage: EU_2024_NOTE,
    illegal_adoption: EU_2024_NOTE,
    surrogacy_exploitation: EU_2024_NOTE,
  },
  aggravatingCircumstances: [
    "several_victims",
    "outside_france_or_on_arrival",
    "electronic_network_contact",
    "danger_of_death",
    "violence_itt_over_8_days",
    "author_public_duty",
    "serious_situation",
  ],
  organisedGangCircumstance: "organised_gang",
  tortureCircumstance: "torture_barbarity",
  penalties: {
    "225-4-1 I": {
      article: "225-4-1 I",
      label: "traite des êtres humains",
      maxPrisonYears: 7,
      maxFineEuros: 150_000,
      offenceClass: "delit",
    },
    "225-4-1 II": {
      article: "225-4-1 II",
      label: "traite des êtres humains à l'égard d'un mineur",
      maxPrisonYears: 10,
      maxFineEuros: 1_500_000,
      offenceClass: "delit",
    },
    "225-4-2 I": {
      article: "225-4-2 I",
      label: "traite des êtres humains aggravée",
      maxPrisonYears: 10,
      maxFineEuros: 1_500_000,
      offenceClass: "delit",
    },
    "225-4-2 II": {
      article: "225-4-2 II",
      label: "traite des êtres humains aggravée à l'égard d'un mineur",
      maxPrisonYears: 15,
      maxFineEuros: 1_500_000,
      offenceClass: "crime",
    },
    "225-4-3": {
      article: "225-4-3",
      label: "traite des êtres humains en bande organisée",
      maxPrisonYears: 20,
      maxFineEuros: 3_000_000,
      offenceClass: "crime",
    },
    "225-4-4": {
      article: "225-4-4",
      label: "traite des êtres humains avec tortures ou actes de barbarie",
      maxPrisonYears: "life",
      maxFineEuros: 4_500_000,
      offenceClass: "crime",
    },
  },
  relatedOffences: [
    { article: "225-5", label: "proxénétisme", purposes: ["proxenetisme"] },
    {
      article: "225-7",
      label:
        "proxénétisme aggravé (mineur, personne vulnérable, plusieurs personnes, contrainte, réseau électronique…)",
      purposes: ["proxenetisme"],
      requiresAnyOf: ADULT_225_7_CIRCUMSTANCES,
    },
    {
      article: "225-7-1",
      label: "proxénétisme à l'égard d'un mineur de moins de 15 ans",
      purposes: ["proxenetisme"],
      requiresAllOf: ["under_15"],
    },
    {
      article: "225-8",
      label: "proxénétisme en bande organisée",
      purposes: ["proxenetisme"],
      requiresAllOf: ["organised_gang"],
    },
    {
      article: "225-9",
      label: "proxénétisme avec tortures ou actes de barbarie",
      purposes: ["proxenetisme"],
      requiresAllOf: ["torture_barbarity"],
    },
    {
      article: "225-12-1",
      label: "recours à la prostitution d'un mineur (client)",
      purposes: ["proxenetisme"],
      requiresAllOf: ["minor"],
    },
    {
      article: "225-12-2",
      label:
        "recours à la prostitution d'un mineur aggravé (moins de 15 ans, plusieurs mineurs, contact par réseau électronique, mise en danger ou violences)",
      purposes: ["proxenetisme"],
      requiresAllOf: ["minor"],
      requiresAnyOf: [
        "under_15",
        "several_victims",
        "electronic_network_contact",
        "danger_of_death",
        "violence_itt_over_8_days",
      ],
    },
    { article: "225-12-5", label: "exploitation de la mendicité", purposes: ["begging_exploitation"] },
    {
      article: "225-12-6",
      label: "exploitation de la mendicité aggravée (mineur, personne vulnérable, contrainte…)",
      purposes: ["begging_exploitation"],
      requiresAnyOf: [
        "minor",
        "abuse_of_vulnerability",
        "several_victims",
        "outside_france_or_on_arrival",
        "ascendant_or_authority",
        "threat_constraint_violence_fraud",
      ],
    },
    {
      article: "225-12-7",
      label: "exploitation de la mendicité en bande organisée",
      purposes: ["begging_exploitation"],
      requiresAllOf: ["organised_gang"],
    },
    {
      article: "225-13",
      label: "obtention de services non rétribués d'une personne vulnérable ou dépendante",
      purposes: ["forced_labour_services", "servitude"],
      requiresAnyOf: VULNERABLE_OR_DEPENDENT,
    },
    {
      article: "225-14",
      label: "conditions de travail ou d'hébergement contraires à la dignité",
      purposes: ["undignified_work_or_housing"],
      requiresAnyOf: VULNERABLE_OR_DEPENDENT,
    },
    { article: "225-14-1", label: "travail forcé", purposes: ["forced_labour_services"] },
    { article: "225-14-2", label: "réduction en servitude", purposes: ["servitude"] },
    {
      article: "225-15",
      label: "aggravation des articles 225-13 à 225-14-2 (plusieurs victimes, victime mineure)",
      purposes: LABOUR_PURPOSES,
      requiresAnyOf: ["minor", "several_victims"],
    },
    { article: "224-1 A", label: "réduction en esclavage", purposes: ["slavery"] },
    {
      article: "227-21",
      label: "provocation d'un mineur à commettre un crime ou un délit",
      purposes: ["forced_criminality"],
      requiresAllOf: ["minor"],
    },
  ],
};

/** Every rule set, oldest first. */
export const RULE_SETS: readonly RuleSet[] = [FR_CP_2013];

export interface RuleSetSelection {
  ruleSet: RuleSet;
  /** False when the facts predate every modelled rule set: the oldest one is used and the result must be checked. */
  coversFactsDate: boolean;
}

/** The rule set in force on the date of the facts (ISO dates compare as strings). */
export function selectRuleSet(factsDate: string, ruleSets: readonly RuleSet[] = RULE_SETS): RuleSetSelection {
  const sorted = [...ruleSets].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const oldest = sorted[0];
  if (oldest === undefined) throw new Error("no qualification rule set is defined");
  const inForce = sorted.filter((ruleSet) => ruleSet.validFrom <= factsDate).at(-1);
  return inForce === undefined
    ? { ruleSet: oldest, coversFactsDate: false }
    : { ruleSet: inForce, coversFactsDate: true };
}

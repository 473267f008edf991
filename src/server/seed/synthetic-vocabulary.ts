/**
 * Every category value a synthetic case can carry, in the English identifiers of glossary.md and data-standard.md
 * §3 (and, where the case vocabulary under src/shared/cases already names a value, that same spelling), so the
 * mapping onto the case tables is one-to-one. Only values the generator actually emits are listed.
 */

export const AGE_GROUPS = ["minor", "young_adult"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** data-standard.md §3 `profile.*`: ASE placement, MNA status and care-leaver status folded into one kind. */
export const PROFILES = ["ase_placed", "unaccompanied_minor", "care_leaver", "family"] as const;
export type Profile = (typeof PROFILES)[number];

export const GENDERS = ["female", "male", "trans_non_binary"] as const;
export type Gender = (typeof GENDERS)[number];

/** legal.md §3: the six families of exploitation. */
export const EXPLOITATION_FAMILIES = ["sexual", "labour", "domestic", "criminal", "begging", "other"] as const;
export type ExploitationFamily = (typeof EXPLOITATION_FAMILIES)[number];

/** legal.md §3 and data-standard.md §3: the legal purpose or typical activity inside each family. */
export const EXPLOITATION_SUBTYPES = {
  sexual: ["proxenetisme", "sexual_images", "online_sexual_exploitation", "sexual_assault_or_abuse"],
  labour: ["forced_labour_services", "servitude", "undignified_work_or_housing"],
  domestic: ["domestic_servitude", "slavery", "undignified_work_or_housing"],
  criminal: ["drug_dealing", "theft", "fraud", "other_offences"],
  begging: ["begging_exploitation"],
  other: ["organ_removal", "forced_marriage", "illegal_adoption", "other"],
} as const satisfies Record<ExploitationFamily, readonly string[]>;
export type ExploitationSubtype = (typeof EXPLOITATION_SUBTYPES)[ExploitationFamily][number];

export const RECRUITMENT_CHANNELS = [
  "in_person",
  "social_network",
  "messaging_app",
  "ads_website",
  "family",
  "peer",
  "partner",
  "school",
  "street",
  "other",
] as const;
export type RecruitmentChannel = (typeof RECRUITMENT_CHANNELS)[number];

export const EXPLOITER_RELATIONSHIPS = [
  "network",
  "partner",
  "family",
  "peer",
  "employer",
  "acquaintance",
  "stranger",
  "unknown",
] as const;
export type ExploiterRelationship = (typeof EXPLOITER_RELATIONSHIPS)[number];

export const PLACE_TYPES = ["hotel", "short_term_rental", "flat", "street", "workplace", "online", "other"] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

/** Victim statuses in the order a case can climb them (data-standard.md §3 `victimStatus`). */
export const VICTIM_STATUSES = ["possible", "presumed", "identified_le", "recognised_court"] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];

/** Who recorded a victim status (HTCDS `vic_TraffickingStatusDecisionMakingOrg`, French institutions). */
export const VICTIM_STATUS_DECIDERS = [
  "ase",
  "crip",
  "association",
  "police",
  "court",
  "multi_agency",
  "other",
] as const;
export type VictimStatusDecider = (typeof VICTIM_STATUS_DECIDERS)[number];

export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSURE_REASONS = [
  "not_trafficking",
  "protected_stable",
  "reached_21",
  "lost_contact",
  "refused_support",
  "transferred",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** How the birth date on file is known. */
export const AGE_ESTIMATION_METHODS = ["declaration", "documents", "age_assessment_interview", "bone_xray"] as const;
export type AgeEstimationMethod = (typeof AGE_ESTIMATION_METHODS)[number];

export const ASE_PLACEMENT_TYPES = [
  "establishment",
  "foster_family",
  "hotel",
  "lieu_de_vie",
  "trusted_third_party",
  "semi_independent_housing",
  "other",
] as const;
export type AsePlacementType = (typeof ASE_PLACEMENT_TYPES)[number];

export const ASE_LEGAL_BASES = ["administrative", "judicial", "emergency_placement_order"] as const;
export type AseLegalBasis = (typeof ASE_LEGAL_BASES)[number];

/** MNA age assessment (glossary: `age_assessment`). */
export const AGE_ASSESSMENT_STATUSES = [
  "pending",
  "minority_recognised",
  "contested",
  "appeal",
  "adult_declared",
] as const;
export type AgeAssessmentStatus = (typeof AGE_ASSESSMENT_STATUSES)[number];

export const CARE_LEAVER_STATUSES = ["young_adult_contract", "without_contract"] as const;
export type CareLeaverStatus = (typeof CARE_LEAVER_STATUSES)[number];

/**
 * The nationality groups of figures.md §6 that the generator draws from; each resolves to ISO 3166 alpha-2 codes.
 * They are generation groups, not the statistical groups the observatory publishes (data-standard.md §3).
 */
export const NATIONALITY_GROUPS = [
  "france",
  "eu",
  "sub_saharan_africa",
  "west_africa",
  "maghreb",
  "balkans_eastern_europe",
  "asia",
  "americas",
  "other",
] as const;
export type NationalityGroup = (typeof NATIONALITY_GROUPS)[number];

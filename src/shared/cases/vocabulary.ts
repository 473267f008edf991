/**
 * Closed vocabularies of a young person's case, with the French labels the UI shows. Codes are stored in the
 * database and sent by the API: never rename one, only add. Categories follow data-standard.md §3 where it defines them.
 */

export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: "Suivi en cours", closed: "Dossier clos" };

export const CLOSURE_REASONS = [
  "not_trafficking",
  "protected_stable",
  "reached_21",
  "lost_contact",
  "deceased",
  "refused_support",
  "transferred",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  not_trafficking: "Pas de situation de traite",
  protected_stable: "Jeune protégé·e, situation stabilisée",
  reached_21: "A atteint 21 ans",
  lost_contact: "Perte de contact",
  deceased: "Décès",
  refused_support: "Refus de l'accompagnement",
  transferred: "Suivi confié à un service hors de Repère",
};

/** HTCDS `prs_Gender`, merged as data-standard.md §3 proposes. */
export const GENDERS = ["female", "male", "trans_non_binary", "unknown"] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = {
  female: "Féminin",
  male: "Masculin",
  trans_non_binary: "Trans ou non binaire",
  unknown: "Non renseigné",
};

/** The bands Repère publishes (data-standard.md §3): finer ages never leave the case file. */
export const AGE_BANDS = ["under_13", "13_14", "15_17", "18_21", "over_21"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_13: "Moins de 13 ans",
  "13_14": "13 à 14 ans",
  "15_17": "15 à 17 ans",
  "18_21": "18 à 21 ans",
  over_21: "Plus de 21 ans",
};

export function ageBandOf(age: number): AgeBand {
  if (age < 13) return "under_13";
  if (age < 15) return "13_14";
  if (age < 18) return "15_17";
  if (age <= 21) return "18_21";
  return "over_21";
}

export const AGE_ESTIMATION_METHODS = [
  "declaration",
  "documents",
  "age_assessment_interview",
  "bone_xray",
  "professional_estimate",
] as const;
export type AgeEstimationMethod = (typeof AGE_ESTIMATION_METHODS)[number];
export const AGE_ESTIMATION_METHOD_LABELS: Record<AgeEstimationMethod, string> = {
  declaration: "Déclaration du ou de la jeune",
  documents: "Documents d'état civil",
  age_assessment_interview: "Évaluation de minorité (entretiens)",
  bone_xray: "Examen radiologique osseux (sur décision judiciaire)",
  professional_estimate: "Estimation par un professionnel",
};

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
export const ASE_PLACEMENT_TYPE_LABELS: Record<AsePlacementType, string> = {
  establishment: "Foyer ou MECS",
  foster_family: "Famille d'accueil",
  hotel: "Hôtel",
  lieu_de_vie: "Lieu de vie et d'accueil",
  trusted_third_party: "Tiers digne de confiance",
  semi_independent_housing: "Logement autonome ou semi-autonome",
  other: "Autre",
};

export const ASE_LEGAL_BASES = ["administrative", "judicial", "emergency_placement_order"] as const;
export type AseLegalBasis = (typeof ASE_LEGAL_BASES)[number];
export const ASE_LEGAL_BASIS_LABELS: Record<AseLegalBasis, string> = {
  administrative: "Accueil administratif",
  judicial: "Placement judiciaire",
  emergency_placement_order: "Ordonnance de placement provisoire (OPP)",
};

export const AGE_ASSESSMENT_STATUSES = [
  "pending",
  "minority_recognised",
  "contested",
  "appeal",
  "adult_declared",
] as const;
export type AgeAssessmentStatus = (typeof AGE_ASSESSMENT_STATUSES)[number];
export const AGE_ASSESSMENT_STATUS_LABELS: Record<AgeAssessmentStatus, string> = {
  pending: "Évaluation de minorité en cours",
  minority_recognised: "Minorité reconnue",
  contested: "Minorité contestée",
  appeal: "Recours devant le juge des enfants",
  adult_declared: "Déclaré·e majeur·e",
};

/** While the assessment is pending the young person is presumed a minor and protected as one (CASF L221-2-4). */
export function isPresumedMinor(status: AgeAssessmentStatus | null): boolean {
  return status === "pending";
}

export const CARE_LEAVER_STATUSES = ["young_adult_contract", "without_contract"] as const;
export type CareLeaverStatus = (typeof CARE_LEAVER_STATUSES)[number];
export const CARE_LEAVER_STATUS_LABELS: Record<CareLeaverStatus, string> = {
  young_adult_contract: "Contrat jeune majeur",
  without_contract: "Sans contrat jeune majeur",
};

export const SCHOOLING_STATUSES = [
  "in_school",
  "vocational_training",
  "not_in_school",
  "dropped_out",
  "unknown",
] as const;
export type SchoolingStatus = (typeof SCHOOLING_STATUSES)[number];
export const SCHOOLING_STATUS_LABELS: Record<SchoolingStatus, string> = {
  in_school: "Scolarisé·e",
  vocational_training: "Apprentissage ou formation",
  not_in_school: "Non scolarisé·e",
  dropped_out: "Décrochage scolaire",
  unknown: "Inconnu",
};

export const VULNERABILITY_FACTORS = [
  "runaway_history",
  "prior_sexual_violence",
  "family_violence",
  "disability",
  "substance_use",
  "no_family_support",
  "irregular_stay",
  "homelessness",
  "pregnancy_or_parent",
  "debt",
  "online_exposure",
] as const;
export type VulnerabilityFactor = (typeof VULNERABILITY_FACTORS)[number];
export const VULNERABILITY_FACTOR_LABELS: Record<VulnerabilityFactor, string> = {
  runaway_history: "Fugues répétées",
  prior_sexual_violence: "Violences sexuelles antérieures",
  family_violence: "Violences intrafamiliales",
  disability: "Handicap",
  substance_use: "Consommation de produits",
  no_family_support: "Isolement, absence de soutien familial",
  irregular_stay: "Séjour irrégulier",
  homelessness: "Sans hébergement",
  pregnancy_or_parent: "Grossesse ou parentalité",
  debt: "Dette",
  online_exposure: "Forte exposition en ligne",
};

/** The six families of legal.md §3; the legal purpose or typical activity is kept as a sub-type. */
export const EXPLOITATION_FAMILIES = ["sexual", "labour", "domestic", "criminal", "begging", "other"] as const;
export type ExploitationFamily = (typeof EXPLOITATION_FAMILIES)[number];
export const EXPLOITATION_FAMILY_LABELS: Record<ExploitationFamily, string> = {
  sexual: "Exploitation sexuelle",
  labour: "Exploitation par le travail",
  domestic: "Exploitation domestique",
  criminal: "Contrainte à commettre des délits",
  begging: "Mendicité forcée",
  other: "Autres formes",
};

export const EXPLOITATION_SUBTYPES = {
  sexual: ["proxenetisme", "sexual_images", "online_sexual_exploitation", "sexual_assault_or_abuse"],
  labour: ["forced_labour_services", "servitude", "undignified_work_or_housing"],
  domestic: ["domestic_servitude", "slavery", "undignified_work_or_housing"],
  criminal: ["drug_dealing", "theft", "fraud", "other_offences"],
  begging: ["begging_exploitation"],
  other: ["organ_removal", "forced_marriage", "illegal_adoption", "surrogacy_exploitation", "other"],
} as const satisfies Record<ExploitationFamily, readonly string[]>;
export type ExploitationSubtype = (typeof EXPLOITATION_SUBTYPES)[ExploitationFamily][number];
export const EXPLOITATION_SUBTYPE_LABELS: Record<ExploitationSubtype, string> = {
  proxenetisme: "Prostitution, y compris annonces d'escorte",
  sexual_images: "Images ou vidéos à caractère sexuel",
  online_sexual_exploitation: "Exploitation sexuelle en ligne",
  sexual_assault_or_abuse: "Agressions ou atteintes sexuelles",
  forced_labour_services: "Travail ou services forcés",
  servitude: "Servitude",
  undignified_work_or_housing: "Conditions de travail ou d'hébergement indignes",
  domestic_servitude: "Servitude domestique",
  slavery: "Esclavage",
  drug_dealing: "Trafic de stupéfiants, guet",
  theft: "Vols",
  fraud: "Escroqueries",
  other_offences: "Autres délits",
  begging_exploitation: "Exploitation de la mendicité",
  organ_removal: "Prélèvement d'organe",
  forced_marriage: "Mariage forcé",
  illegal_adoption: "Adoption illégale",
  surrogacy_exploitation: "Exploitation de la gestation pour autrui",
  other: "Autre",
};

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
export const RECRUITMENT_CHANNEL_LABELS: Record<RecruitmentChannel, string> = {
  in_person: "Rencontre en personne",
  social_network: "Réseau social",
  messaging_app: "Messagerie",
  ads_website: "Site d'annonces",
  family: "Famille",
  peer: "Ami·e ou pair",
  partner: "Petit ami ou partenaire",
  school: "Établissement scolaire",
  street: "Rue",
  other: "Autre",
};

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
export const EXPLOITER_RELATIONSHIP_LABELS: Record<ExploiterRelationship, string> = {
  network: "Réseau",
  partner: "Petit ami ou partenaire (« lover boy »)",
  family: "Famille",
  peer: "Pair",
  employer: "Employeur",
  acquaintance: "Connaissance",
  stranger: "Inconnu",
  unknown: "Non renseigné",
};

export const PLACE_TYPES = [
  "hotel",
  "short_term_rental",
  "flat",
  "street",
  "workplace",
  "placement",
  "online",
  "other",
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];
export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  hotel: "Hôtel",
  short_term_rental: "Location de courte durée",
  flat: "Appartement",
  street: "Rue",
  workplace: "Lieu de travail",
  placement: "Lieu de placement",
  online: "En ligne uniquement",
  other: "Autre",
};

/** Kept apart from each other: a professional's assessment is not an identification, nor a court's recognition. */
export const VICTIM_STATUSES = ["possible", "presumed", "identified_le", "recognised_court"] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];
export const VICTIM_STATUS_LABELS: Record<VictimStatus, string> = {
  possible: "Victime possible (repérage)",
  presumed: "Victime présumée (évaluation pluridisciplinaire)",
  identified_le: "Victime identifiée par les forces de l'ordre",
  recognised_court: "Victime reconnue par une juridiction",
};

/** HTCDS `vic_TraffickingStatusDecisionMakingOrg`, in French institutional terms. */
export const VICTIM_STATUS_DECIDERS = [
  "ase",
  "crip",
  "association",
  "police",
  "prosecutor",
  "court",
  "multi_agency",
  "other",
] as const;
export type VictimStatusDecider = (typeof VICTIM_STATUS_DECIDERS)[number];
export const VICTIM_STATUS_DECIDER_LABELS: Record<VictimStatusDecider, string> = {
  ase: "Aide sociale à l'enfance",
  crip: "CRIP",
  association: "Association",
  police: "Police ou gendarmerie",
  prosecutor: "Parquet",
  court: "Juridiction",
  multi_agency: "Réunion pluridisciplinaire",
  other: "Autre",
};

/** Sections of a case a share may open. */
export const CASE_SECTIONS = ["identity", "profile", "timeline", "screenings"] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];
export const CASE_SECTION_LABELS: Record<CaseSection, string> = {
  identity: "Identité",
  profile: "Profil et situation",
  timeline: "Chronologie et notes",
  screenings: "Repérages",
};

export const SHARE_PURPOSES = [
  "joint_support",
  "protection_assessment",
  "investigation",
  "judicial_decision",
  "referral",
  "other",
] as const;
export type SharePurpose = (typeof SHARE_PURPOSES)[number];
export const SHARE_PURPOSE_LABELS: Record<SharePurpose, string> = {
  joint_support: "Accompagnement conjoint",
  protection_assessment: "Évaluation de la situation de danger",
  investigation: "Enquête",
  judicial_decision: "Décision judiciaire",
  referral: "Orientation",
  other: "Autre",
};

export const SHARE_LEGAL_BASES = [
  "shared_professional_secrecy",
  "judicial_request",
  "consent",
  "concern_report",
  "prosecutor_report",
] as const;
export type ShareLegalBasis = (typeof SHARE_LEGAL_BASES)[number];
export const SHARE_LEGAL_BASIS_LABELS: Record<ShareLegalBasis, string> = {
  shared_professional_secrecy: "Secret partagé (CASF L226-2-2)",
  judicial_request: "Réquisition ou demande judiciaire",
  consent: "Consentement de la personne",
  concern_report: "Information préoccupante",
  prosecutor_report: "Signalement au procureur",
};

/** Why holders of parental authority were not told of a share under secret partagé (CASF L226-2-2 allows it). */
export const PARENTAL_NOT_INFORMED_REASONS = [
  "contrary_to_child_interest",
  "parents_involved_in_exploitation",
  "parents_unreachable",
  "no_parental_authority_in_france",
  "young_adult",
] as const;
export type ParentalNotInformedReason = (typeof PARENTAL_NOT_INFORMED_REASONS)[number];
export const PARENTAL_NOT_INFORMED_REASON_LABELS: Record<ParentalNotInformedReason, string> = {
  contrary_to_child_interest: "Contraire à l'intérêt de l'enfant",
  parents_involved_in_exploitation: "Parents mis en cause dans l'exploitation",
  parents_unreachable: "Parents injoignables",
  no_parental_authority_in_france: "Pas de titulaire de l'autorité parentale en France",
  young_adult: "Jeune majeur·e",
};

export const TIMELINE_ENTRY_KINDS = [
  "created",
  "note",
  "profile_updated",
  "identity_updated",
  "assigned",
  "victim_status_recorded",
  "closed",
  "reopened",
  "share_granted",
  "share_revoked",
  "transferred",
  "emergency_access",
  "link_confirmed",
  "screening_recorded",
  "qualification_recorded",
  "action_updated",
  "signalement_generated",
  "pathway_step",
  "pathway_deadline_alert",
  "pathway_review_decided",
  "pathway_measure",
  "pathway_plan",
  "pathway_transfer",
] as const;
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];
export const TIMELINE_ENTRY_KIND_LABELS: Record<TimelineEntryKind, string> = {
  created: "Dossier créé",
  note: "Note",
  profile_updated: "Profil modifié",
  identity_updated: "Identité modifiée",
  assigned: "Référent désigné",
  victim_status_recorded: "Statut de victime enregistré",
  closed: "Dossier clos",
  reopened: "Dossier rouvert",
  share_granted: "Partage accordé",
  share_revoked: "Partage révoqué",
  transferred: "Dossier transféré",
  emergency_access: "Accès d'urgence",
  link_confirmed: "Rapprochement confirmé",
  screening_recorded: "Repérage enregistré",
  qualification_recorded: "Qualification juridique enregistrée",
  action_updated: "Action requise mise à jour",
  signalement_generated: "Signalement au parquet généré",
  pathway_step: "Étape du parcours de protection",
  pathway_deadline_alert: "Alerte d'échéance",
  pathway_review_decided: "Examen pluridisciplinaire conclu",
  pathway_measure: "Mesure de protection",
  pathway_plan: "Plan de protection",
  pathway_transfer: "Transfert entre départements",
};

/** Which blind-index keys two cases had in common; the only thing a link proposal discloses. */
export const MATCH_KEYS = ["full_name", "name_tokens", "birth_date", "birth_year"] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];
export const MATCH_KEY_LABELS: Record<MatchKey, string> = {
  full_name: "nom complet",
  name_tokens: "nom",
  birth_date: "date de naissance",
  birth_year: "année de naissance",
};

export const LINK_PROPOSAL_STATUSES = ["pending", "confirmed", "rejected"] as const;
export type LinkProposalStatus = (typeof LINK_PROPOSAL_STATUSES)[number];

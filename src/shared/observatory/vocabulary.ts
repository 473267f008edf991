import regions from "@etalab/decoupage-administratif/data/regions.json";
import {
  EXPLOITATION_FAMILIES,
  EXPLOITATION_FAMILY_LABELS,
  EXPLOITER_RELATIONSHIP_LABELS,
  EXPLOITER_RELATIONSHIPS,
  RECRUITMENT_CHANNEL_LABELS,
  RECRUITMENT_CHANNELS,
  VICTIM_STATUSES,
} from "../cases/vocabulary.ts";
import { DEPARTMENTS } from "../departments.ts";

/**
 * The observatory's closed vocabularies: dimensions a table may cross, the categories of each and their French
 * labels. Every person falls in exactly one category of each dimension (so margins add up, which disclosure control
 * needs): a case with several exploitation forms, channels or relationships counts in "multiple", and with none in
 * "unknown". Codes travel in URLs and exports: never rename one, only add.
 */

export const OBSERVATORY_DIMENSIONS = [
  "year",
  "department",
  "region",
  "exploitation_family",
  "sex",
  "age_band",
  "profile",
  "nationality_group",
  "recruitment_channel",
  "exploiter_relationship",
] as const;
export type ObservatoryDimension = (typeof OBSERVATORY_DIMENSIONS)[number];
export const OBSERVATORY_DIMENSION_LABELS: Record<ObservatoryDimension, string> = {
  year: "Année",
  department: "Département",
  region: "Région",
  exploitation_family: "Forme d'exploitation",
  sex: "Sexe",
  age_band: "Tranche d'âge",
  profile: "Profil",
  nationality_group: "Nationalité",
  recruitment_channel: "Canal de recrutement",
  exploiter_relationship: "Lien avec l'exploiteur",
};

/** A person with more than one value of a multi-valued attribute. */
export const MULTIPLE = "multiple";
export const UNKNOWN = "unknown";

export const OBSERVATORY_EXPLOITATION_CATEGORIES = [...EXPLOITATION_FAMILIES, MULTIPLE, UNKNOWN] as const;
export const OBSERVATORY_EXPLOITATION_LABELS: Record<string, string> = {
  ...EXPLOITATION_FAMILY_LABELS,
  multiple: "Plusieurs formes",
  unknown: "Non renseignée",
  /** Rare forms merged to keep a national table publishable. */
  merged: "Autres formes (regroupées)",
};

/** D4: sex F/M only; "trans or non-binary" and "not stated" are merged so that no rare value stands alone. */
export const SEX_CATEGORIES = ["female", "male", "other_or_unknown"] as const;
export const SEX_LABELS: Record<(typeof SEX_CATEGORIES)[number], string> = {
  female: "Féminin",
  male: "Masculin",
  other_or_unknown: "Autre ou non renseigné",
};

/** D4's coarse bands, on the age at the year of identification. */
export const OBSERVATORY_AGE_BANDS = ["under_15", "15_17", "18_21", UNKNOWN] as const;
export const OBSERVATORY_AGE_BAND_LABELS: Record<(typeof OBSERVATORY_AGE_BANDS)[number], string> = {
  under_15: "Moins de 15 ans",
  "15_17": "15 à 17 ans",
  "18_21": "18 à 21 ans",
  unknown: "Âge inconnu",
};

/**
 * One profile per person, first match wins: an unaccompanied minor (an age assessment recorded), else placed at
 * the ASE, else a care leaver (18–21), else other.
 */
export const PROFILES = ["mna", "ase_placed", "care_leaver", "other"] as const;
export const PROFILE_LABELS: Record<(typeof PROFILES)[number], string> = {
  mna: "Mineur non accompagné",
  ase_placed: "Confié·e à l'ASE",
  care_leaver: "Jeune majeur·e sortant de l'ASE",
  other: "Autre situation",
};

/** data-standard.md §3 groups, coarse enough for D4; dual nationals holding French nationality count as French. */
export const OBSERVATORY_NATIONALITY_GROUPS = [
  "france",
  "european_union",
  "other_europe",
  "north_africa",
  "sub_saharan_africa",
  "asia",
  "americas",
  "other",
  UNKNOWN,
] as const;
export const NATIONALITY_GROUP_LABELS: Record<(typeof OBSERVATORY_NATIONALITY_GROUPS)[number], string> = {
  france: "France",
  european_union: "Union européenne",
  other_europe: "Autre Europe",
  north_africa: "Afrique du Nord",
  sub_saharan_africa: "Afrique subsaharienne",
  asia: "Asie",
  americas: "Amériques",
  other: "Autre ou apatride",
  unknown: "Non renseignée",
};

export const OBSERVATORY_RECRUITMENT_CATEGORIES = [...RECRUITMENT_CHANNELS, MULTIPLE, UNKNOWN] as const;
export const OBSERVATORY_RELATIONSHIP_CATEGORIES = [
  ...EXPLOITER_RELATIONSHIPS.filter((relationship) => relationship !== "unknown"),
  MULTIPLE,
  UNKNOWN,
] as const;

/** Regions of the 101 départements (metropolitan and overseas), by INSEE code. */
export const REGIONS = regions
  .filter((region) => DEPARTMENTS.some((department) => department.regionCode === region.code))
  .map((region) => ({ code: region.code, name: region.nom }));
export const REGION_CODES = REGIONS.map((region) => region.code);

const departmentNames = new Map(DEPARTMENTS.map((department) => [department.code, department.name]));
const regionNames = new Map(REGIONS.map((region) => [region.code, region.name]));

/** Every category of a dimension, in display order (years come from the query). */
export function categoriesOf(dimension: Exclude<ObservatoryDimension, "year">): readonly string[] {
  switch (dimension) {
    case "department":
      return DEPARTMENTS.map((department) => department.code);
    case "region":
      return REGION_CODES;
    case "exploitation_family":
      return OBSERVATORY_EXPLOITATION_CATEGORIES;
    case "sex":
      return SEX_CATEGORIES;
    case "age_band":
      return OBSERVATORY_AGE_BANDS;
    case "profile":
      return PROFILES;
    case "nationality_group":
      return OBSERVATORY_NATIONALITY_GROUPS;
    case "recruitment_channel":
      return OBSERVATORY_RECRUITMENT_CATEGORIES;
    case "exploiter_relationship":
      return OBSERVATORY_RELATIONSHIP_CATEGORIES;
  }
}

/** French label of a category; folded geographic groups carry their own label in the table. */
export function categoryLabel(dimension: ObservatoryDimension, code: string): string {
  const generic: Record<string, string> = { multiple: "Plusieurs", unknown: "Non renseigné" };
  switch (dimension) {
    case "year":
      return code;
    case "department":
      return departmentNames.get(code) ?? code;
    case "region":
      return regionNames.get(code) ?? code;
    case "exploitation_family":
      return OBSERVATORY_EXPLOITATION_LABELS[code] ?? code;
    case "sex":
      return SEX_LABELS[code as keyof typeof SEX_LABELS] ?? code;
    case "age_band":
      return OBSERVATORY_AGE_BAND_LABELS[code as keyof typeof OBSERVATORY_AGE_BAND_LABELS] ?? code;
    case "profile":
      return PROFILE_LABELS[code as keyof typeof PROFILE_LABELS] ?? code;
    case "nationality_group":
      return NATIONALITY_GROUP_LABELS[code as keyof typeof NATIONALITY_GROUP_LABELS] ?? code;
    case "recruitment_channel":
      return RECRUITMENT_CHANNEL_LABELS[code as keyof typeof RECRUITMENT_CHANNEL_LABELS] ?? generic[code] ?? code;
    case "exploiter_relationship":
      return EXPLOITER_RELATIONSHIP_LABELS[code as keyof typeof EXPLOITER_RELATIONSHIP_LABELS] ?? generic[code] ?? code;
  }
}

export const OBSERVATORY_MEASURES = ["count", "share", "rate_per_10000_minors", "rate_per_1000_ase"] as const;
export type ObservatoryMeasure = (typeof OBSERVATORY_MEASURES)[number];
export const OBSERVATORY_MEASURE_LABELS: Record<ObservatoryMeasure, string> = {
  count: "Nombre de personnes",
  share: "Part du total (%)",
  rate_per_10000_minors: "Taux pour 10 000 mineurs",
  rate_per_1000_ase: "Taux pour 1 000 enfants confiés à l'ASE",
};

/**
 * The victim status a table counts. Levels are never added together silently: a query names one, and counts the
 * persons who reached at least that level (a person identified by the police was first presumed a victim).
 */
export const VICTIM_STATUS_BASES = VICTIM_STATUSES;
export type VictimStatusBasis = (typeof VICTIM_STATUS_BASES)[number];
export const VICTIM_STATUS_BASIS_LABELS: Record<VictimStatusBasis, string> = {
  possible: "Victimes possibles ou plus (repérage préoccupant, ou statut au moins « possible »)",
  presumed: "Victimes présumées ou plus (évaluation pluridisciplinaire, identification, reconnaissance)",
  identified_le: "Victimes identifiées par les forces de l'ordre ou reconnues par une juridiction",
  recognised_court: "Victimes reconnues par une juridiction",
};

/** Label every view and export carries when the database holds synthetic cases. */
export const SYNTHETIC_LABEL = "Données synthétiques : ces chiffres ne décrivent aucune personne réelle.";

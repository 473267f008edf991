import type {
  AgeAssessmentStatus,
  AgeEstimationMethod,
  AseLegalBasis,
  AsePlacementType,
  CareLeaverStatus,
  CaseProfileView,
  ExploitationFamily,
  ExploiterRelationship,
  Gender,
  IdentityInput,
  IdentityView,
  PlaceType,
  ProfileInput,
  RecruitmentChannel,
  SchoolingStatus,
  VulnerabilityFactor,
} from "@shared/cases.ts";
import { newFormKey } from "./form-key.ts";

// What the case forms hold while the user types: strings for every field ("" meaning "not given"), rows with a key
// for React. The *InputOf functions turn a draft into what the shared zod schemas validate.

export type BirthMode = "date" | "estimate" | "unknown";

export interface IdentityDraft {
  surname: string;
  firstNames: string;
  /** One per line. */
  aliases: string;
  birthMode: BirthMode;
  birthDate: string;
  estimatedAge: string;
  estimatedOn: string;
  estimationMethod: AgeEstimationMethod | "";
  /** One per line. */
  phones: string;
  placementAddress: string;
}

export interface ExploitationRow {
  key: string;
  family: ExploitationFamily | "";
  subtype: string;
  startedOn: string;
  endedOn: string;
}

export interface PlaceRow {
  key: string;
  communeCode: string;
  type: PlaceType | "";
}

export interface ProfileDraft {
  gender: Gender;
  nationalities: string[];
  firstFactsOn: string;
  asePlacementType: AsePlacementType | "";
  aseLegalBasis: AseLegalBasis | "";
  aseDepartmentCode: string;
  aseEstablishmentId: string;
  ageAssessmentStatus: AgeAssessmentStatus | "";
  careLeaverStatus: CareLeaverStatus | "";
  schooling: SchoolingStatus;
  vulnerabilityFactors: VulnerabilityFactor[];
  exploitations: ExploitationRow[];
  recruitmentChannels: RecruitmentChannel[];
  exploiterRelationships: ExploiterRelationship[];
  places: PlaceRow[];
}

export const EMPTY_IDENTITY_DRAFT: IdentityDraft = {
  surname: "",
  firstNames: "",
  aliases: "",
  birthMode: "unknown",
  birthDate: "",
  estimatedAge: "",
  estimatedOn: "",
  estimationMethod: "",
  phones: "",
  placementAddress: "",
};

export const EMPTY_PROFILE_DRAFT: ProfileDraft = {
  gender: "unknown",
  nationalities: [],
  firstFactsOn: "",
  asePlacementType: "",
  aseLegalBasis: "",
  aseDepartmentCode: "",
  aseEstablishmentId: "",
  ageAssessmentStatus: "",
  careLeaverStatus: "",
  schooling: "unknown",
  vulnerabilityFactors: [],
  exploitations: [],
  recruitmentChannels: [],
  exploiterRelationships: [],
  places: [],
};

export function newExploitationRow(): ExploitationRow {
  return { key: newFormKey(), family: "", subtype: "", startedOn: "", endedOn: "" };
}

export function newPlaceRow(): PlaceRow {
  return { key: newFormKey(), communeCode: "", type: "" };
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function identityInputOf(draft: IdentityDraft): IdentityInput {
  return {
    surname: draft.surname,
    firstNames: draft.firstNames,
    aliases: lines(draft.aliases),
    birthDate: draft.birthMode === "date" ? draft.birthDate : null,
    ageEstimate:
      draft.birthMode === "estimate"
        ? {
            // An empty age must fail as "Âge invalide.", not pass as 0.
            age: draft.estimatedAge.trim() === "" ? Number.NaN : Number(draft.estimatedAge),
            estimatedOn: draft.estimatedOn,
            method: draft.estimationMethod as AgeEstimationMethod,
          }
        : null,
    phones: lines(draft.phones),
    placementAddress: orNull(draft.placementAddress),
  };
}

export function identityDraftOf(view: IdentityView): IdentityDraft {
  return {
    surname: view.surname,
    firstNames: view.firstNames,
    aliases: view.aliases.join("\n"),
    birthMode: view.birthDate ? "date" : view.ageEstimate ? "estimate" : "unknown",
    birthDate: view.birthDate ?? "",
    estimatedAge: view.ageEstimate ? String(view.ageEstimate.age) : "",
    estimatedOn: view.ageEstimate?.estimatedOn ?? "",
    estimationMethod: view.ageEstimate?.method ?? "",
    phones: view.phones.join("\n"),
    placementAddress: view.placementAddress ?? "",
  };
}

export function profileInputOf(draft: ProfileDraft): ProfileInput {
  return {
    gender: draft.gender,
    nationalities: draft.nationalities,
    firstFactsOn: orNull(draft.firstFactsOn),
    // Any ASE field given means a placement: the schema then asks for the missing ones instead of dropping them.
    asePlacement:
      draft.asePlacementType || draft.aseLegalBasis || draft.aseDepartmentCode || draft.aseEstablishmentId.trim()
        ? {
            type: draft.asePlacementType as AsePlacementType,
            legalBasis: draft.aseLegalBasis as AseLegalBasis,
            departmentCode: draft.aseDepartmentCode,
            establishmentOrganisationId: orNull(draft.aseEstablishmentId),
          }
        : null,
    ageAssessmentStatus: draft.ageAssessmentStatus || null,
    careLeaverStatus: draft.careLeaverStatus || null,
    schooling: draft.schooling,
    vulnerabilityFactors: draft.vulnerabilityFactors,
    exploitations: draft.exploitations.map((row) => ({
      family: row.family as ExploitationFamily,
      subtype: row.subtype || null,
      startedOn: orNull(row.startedOn),
      endedOn: orNull(row.endedOn),
    })),
    recruitmentChannels: draft.recruitmentChannels,
    exploiterRelationships: draft.exploiterRelationships,
    places: draft.places.map((row) => ({ communeCode: row.communeCode, type: row.type as PlaceType })),
  };
}

export function profileDraftOf(view: CaseProfileView): ProfileDraft {
  return {
    gender: view.gender,
    nationalities: view.nationalities,
    firstFactsOn: view.firstFactsOn ?? "",
    asePlacementType: view.asePlacement?.type ?? "",
    aseLegalBasis: view.asePlacement?.legalBasis ?? "",
    aseDepartmentCode: view.asePlacement?.departmentCode ?? "",
    aseEstablishmentId: view.asePlacement?.establishment?.id ?? "",
    ageAssessmentStatus: view.ageAssessmentStatus ?? "",
    careLeaverStatus: view.careLeaverStatus ?? "",
    schooling: view.schooling,
    vulnerabilityFactors: view.vulnerabilityFactors,
    exploitations: view.exploitations.map((exploitation) => ({
      key: newFormKey(),
      family: exploitation.family,
      subtype: exploitation.subtype ?? "",
      startedOn: exploitation.startedOn ?? "",
      endedOn: exploitation.endedOn ?? "",
    })),
    recruitmentChannels: view.recruitmentChannels,
    exploiterRelationships: view.exploiterRelationships,
    places: view.places.map((place) => ({ key: newFormKey(), ...place })),
  };
}

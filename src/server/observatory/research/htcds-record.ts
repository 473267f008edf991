import type { ExportRecord } from "../disclosure/k-anonymity.ts";

/** HTCDS v2.0 field names of the research export; htcds-record.test.ts checks each against the standard's list. */
export const HTCDS_EXPORT_FIELDS = [
  "vic_AgeWhenTrafficked",
  "prs_Gender",
  "prs_Citizenship",
  "vic_LocationOfExploitation",
  "cas_IncomingReferralDate",
  "vic_TypeOfExploitation",
  "vic_TraffickingStatus",
  "vic_TraffickingStatusDecisionMakingOrg",
  "vic_MethodOfRecruitment",
  "vic_RelationshipToTrafficker",
] as const;
export type HtcdsExportField = (typeof HTCDS_EXPORT_FIELDS)[number];

/** Repère's six families in HTCDS `vic_TypeOfExploitation` codes (data-standard.md §3); criminal has no code. */
export const HTCDS_EXPLOITATION: Record<string, string> = {
  sexual: "SexualExploitation",
  labour: "ForcedLabour",
  domestic: "Servitude",
  criminal: "Other",
  begging: "ForcedBegging",
  other: "Other",
};

export const HTCDS_GENDER: Record<string, string> = {
  female: "Feminine",
  male: "Masculine",
  other_or_unknown: "NonSpecifiedUnknown",
};

export const HTCDS_RECRUITMENT: Record<string, string> = {
  social_network: "ThroughOnlineSocialNetworks",
  messaging_app: "ThroughOnlineSocialNetworks",
  ads_website: "ThroughAnOnlineAdvertisement",
  family: "ThroughFamilyOrFamilyEvents",
  peer: "ThroughFriendsOrSocialEvents",
  partner: "ThroughFriendsOrSocialEvents",
  school: "AtAnEducationalInstitution",
  in_person: "Other",
  street: "Other",
  other: "Other",
};

export const HTCDS_RELATIONSHIP: Record<string, string> = {
  family: "Familial",
  partner: "Acquainted",
  peer: "Acquainted",
  employer: "Acquainted",
  acquaintance: "Acquainted",
  network: "Unaquainted",
  stranger: "Unaquainted",
};

export interface PersonFactsForExport {
  year: number | null;
  departmentCode: string;
  sex: string;
  birthYear: number | null;
  ageAtFirstFacts: number | null;
  exploitationFamilies: string[];
  nationalities: string[];
  recruitmentChannel: string;
  exploiterRelationship: string;
  yearPresumed: number | null;
  yearIdentified: number | null;
  yearRecognised: number | null;
}

/** One person as an HTCDS record; the strongest status reached decides the status and the deciding body. */
export function toHtcdsRecord(person: PersonFactsForExport): ExportRecord {
  const age =
    person.year !== null && person.birthYear !== null ? person.year - person.birthYear : person.ageAtFirstFacts;
  const types = [...new Set(person.exploitationFamilies.map((family) => HTCDS_EXPLOITATION[family] ?? "Other"))].sort();
  const decidedBy =
    person.yearRecognised !== null
      ? "CourtOrProsecution"
      : person.yearIdentified !== null
        ? "Police"
        : person.yearPresumed !== null
          ? "NonPoliceGovernmentalOrganization"
          : null;
  return {
    vic_AgeWhenTrafficked: age,
    prs_Gender: HTCDS_GENDER[person.sex] ?? "NonSpecifiedUnknown",
    prs_Citizenship: person.nationalities[0] ?? null,
    vic_LocationOfExploitation: person.departmentCode,
    cas_IncomingReferralDate: person.year === null ? null : String(person.year),
    vic_TypeOfExploitation: types.length > 0 ? types.join(";") : null,
    vic_TraffickingStatus: decidedBy === null ? "PossibleVictimOfTrafficking" : "ActualVictimOfTrafficking",
    vic_TraffickingStatusDecisionMakingOrg: decidedBy,
    vic_MethodOfRecruitment: HTCDS_RECRUITMENT[person.recruitmentChannel] ?? null,
    vic_RelationshipToTrafficker: HTCDS_RELATIONSHIP[person.exploiterRelationship] ?? null,
  };
}

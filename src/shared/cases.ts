import type { Action } from "./actions.ts";
import { DepartmentCode } from "./admin.ts";
import { isCountryCode } from "./cases/countries.ts";
import {
  AGE_ASSESSMENT_STATUSES,
  AGE_BANDS,
  AGE_ESTIMATION_METHODS,
  type AgeAssessmentStatus,
  type AgeBand,
  type AgeEstimationMethod,
  ASE_LEGAL_BASES,
  ASE_PLACEMENT_TYPES,
  type AseLegalBasis,
  type AsePlacementType,
  CARE_LEAVER_STATUSES,
  CASE_SECTIONS,
  CASE_STATUSES,
  type CareLeaverStatus,
  type CaseSection,
  type CaseStatus,
  CLOSURE_REASONS,
  type ClosureReason,
  EXPLOITATION_FAMILIES,
  EXPLOITATION_SUBTYPES,
  EXPLOITER_RELATIONSHIPS,
  type ExploitationFamily,
  type ExploitationSubtype,
  type ExploiterRelationship,
  GENDERS,
  type Gender,
  type LinkProposalStatus,
  type MatchKey,
  PARENTAL_NOT_INFORMED_REASONS,
  type ParentalNotInformedReason,
  PLACE_TYPES,
  type PlaceType,
  RECRUITMENT_CHANNELS,
  type RecruitmentChannel,
  SCHOOLING_STATUSES,
  type SchoolingStatus,
  SHARE_LEGAL_BASES,
  SHARE_PURPOSES,
  type ShareLegalBasis,
  type SharePurpose,
  type TimelineEntryKind,
  VICTIM_STATUS_DECIDERS,
  VICTIM_STATUSES,
  type VictimStatus,
  type VictimStatusDecider,
  VULNERABILITY_FACTORS,
  type VulnerabilityFactor,
} from "./cases/vocabulary.ts";
import type { OrganisationType, Role } from "./roles.ts";
import { z } from "./zod-fr.ts";

export { countryLabel, isCountryCode } from "./cases/countries.ts";
export * from "./cases/vocabulary.ts";

/** Free-text notes are capped so that one paste cannot fill the database or a screen. */
export const NOTE_MAX_LENGTH = 10_000;

const IsoDate = z.iso.date("Date invalide (AAAA-MM-JJ).");
const Uuid = z.uuid("Identifiant invalide.");
const PersonName = z.string().trim().min(1, "Ce champ est obligatoire.").max(200, "200 caractères au plus.");
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `${max} éléments au plus.`)
    .refine((items) => new Set(items).size === items.length, "Une valeur est répétée.");

/** Case number: département, year, sequence ("93-2026-000123"). Used on every screen, export and log line. */
export const CASE_NUMBER_PATTERN = /^(\d{2}|2[AB]|97\d)-\d{4}-\d{6}$/;
export const CaseNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(CASE_NUMBER_PATTERN, "Numéro de dossier invalide (ex. 93-2026-000123).");

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Code pays inconnu (ISO 3166 à deux lettres, ex. FR, NG, MA).");

/** INSEE commune code: five characters, the first two (or 2A/2B, 97x) naming the département. */
export const CommuneCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, "Code commune INSEE invalide (5 caractères, ex. 93066).");

export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .-]{5,22}$/, "Numéro de téléphone invalide.");

export const AgeEstimate = z.strictObject({
  age: z.int("Âge invalide.").min(0, "Âge invalide.").max(30, "Âge invalide."),
  estimatedOn: IsoDate,
  method: z.enum(AGE_ESTIMATION_METHODS, "Méthode d'estimation inconnue."),
});
export type AgeEstimate = z.infer<typeof AgeEstimate>;

/** Identity: encrypted at rest, never in lists, shown only through an audited reveal. */
export const IdentityInput = z
  .strictObject({
    surname: PersonName,
    firstNames: z.string().trim().max(200, "200 caractères au plus.").default(""),
    aliases: uniqueList(PersonName, 20).default([]),
    birthDate: IsoDate.nullable().default(null),
    ageEstimate: AgeEstimate.nullable().default(null),
    phones: uniqueList(PhoneNumber, 10).default([]),
    placementAddress: z.string().trim().max(500, "500 caractères au plus.").nullable().default(null),
  })
  .refine((identity) => !(identity.birthDate && identity.ageEstimate), {
    message: "Indiquez la date de naissance ou un âge estimé, pas les deux.",
    path: ["ageEstimate"],
  });
export type IdentityInput = z.input<typeof IdentityInput>;
export type Identity = z.output<typeof IdentityInput>;

export const AsePlacementInput = z.strictObject({
  type: z.enum(ASE_PLACEMENT_TYPES, "Type de placement inconnu."),
  legalBasis: z.enum(ASE_LEGAL_BASES, "Cadre juridique inconnu."),
  departmentCode: DepartmentCode,
  /** The establishment in Repère where the young person lives: its educators see the case. */
  establishmentOrganisationId: Uuid.nullable().default(null),
});

export const ExploitationInput = z
  .strictObject({
    family: z.enum(EXPLOITATION_FAMILIES, "Forme d'exploitation inconnue."),
    subtype: z.string().nullable().default(null),
    startedOn: IsoDate.nullable().default(null),
    endedOn: IsoDate.nullable().default(null),
  })
  .refine((e) => e.subtype === null || (EXPLOITATION_SUBTYPES[e.family] as readonly string[]).includes(e.subtype), {
    message: "Sous-type inconnu pour cette forme d'exploitation.",
    path: ["subtype"],
  })
  .refine((e) => !e.startedOn || !e.endedOn || e.startedOn <= e.endedOn, {
    message: "La fin ne peut pas précéder le début.",
    path: ["endedOn"],
  });

export const PlaceInput = z.strictObject({
  communeCode: CommuneCode,
  type: z.enum(PLACE_TYPES, "Type de lieu inconnu."),
});

/** The non-identifying profile: plain columns, so lists can filter and the observatory can count. */
export const ProfileInput = z.strictObject({
  gender: z.enum(GENDERS, "Valeur inconnue.").default("unknown"),
  nationalities: uniqueList(CountryCode, 5).default([]),
  firstFactsOn: IsoDate.nullable().default(null),
  asePlacement: AsePlacementInput.nullable().default(null),
  /** Null when the young person is not an unaccompanied minor. */
  ageAssessmentStatus: z.enum(AGE_ASSESSMENT_STATUSES, "Statut d'évaluation inconnu.").nullable().default(null),
  careLeaverStatus: z.enum(CARE_LEAVER_STATUSES, "Valeur inconnue.").nullable().default(null),
  schooling: z.enum(SCHOOLING_STATUSES, "Valeur inconnue.").default("unknown"),
  vulnerabilityFactors: uniqueList(
    z.enum(VULNERABILITY_FACTORS, "Facteur inconnu."),
    VULNERABILITY_FACTORS.length,
  ).default([]),
  exploitations: z.array(ExploitationInput).max(20, "20 formes au plus.").default([]),
  recruitmentChannels: uniqueList(z.enum(RECRUITMENT_CHANNELS, "Canal inconnu."), RECRUITMENT_CHANNELS.length).default(
    [],
  ),
  exploiterRelationships: uniqueList(
    z.enum(EXPLOITER_RELATIONSHIPS, "Valeur inconnue."),
    EXPLOITER_RELATIONSHIPS.length,
  ).default([]),
  places: z.array(PlaceInput).max(50, "50 lieux au plus.").default([]),
});
export type ProfileInput = z.input<typeof ProfileInput>;
export type Profile = z.output<typeof ProfileInput>;

export const CreateCaseInput = z.strictObject({
  /** The département of the case; by default the creator's. */
  departmentCode: DepartmentCode.optional(),
  identity: IdentityInput,
  profile: ProfileInput.default(ProfileInput.parse({})),
});
export type CreateCaseInput = z.input<typeof CreateCaseInput>;

/** Header carrying a client-generated key so that a double submit creates one case. */
export const IDEMPOTENCY_HEADER = "idempotency-key";
export const IdempotencyKey = z
  .string()
  .trim()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "Clé d'idempotence invalide.");

const Version = z.int("Version invalide.").min(1, "Version invalide.");

/** Each profile field given replaces the stored one; fields left out stay as they are. */
/**
 * A profile edit names only the fields it changes. `.partial()` alone would keep the create form's defaults and fill
 * every missing field with them, silently erasing what is stored: the defaults are removed first.
 */
const profileShape = ProfileInput.shape;
type ProfilePatchShape = {
  [K in keyof typeof profileShape]: z.ZodOptional<z.ZodType<z.output<(typeof profileShape)[K]>>>;
};
const ProfilePatch = z.strictObject(
  Object.fromEntries(
    Object.entries(profileShape).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : (schema as z.ZodType)).optional(),
    ]),
  ) as ProfilePatchShape,
);
export const UpdateCaseInput = z.strictObject({ version: Version, profile: ProfilePatch });
export type UpdateCaseInput = z.input<typeof UpdateCaseInput>;

export const UpdateIdentityInput = z.strictObject({ version: Version, identity: IdentityInput });
export type UpdateIdentityInput = z.input<typeof UpdateIdentityInput>;

export const CloseCaseInput = z.strictObject({
  version: Version,
  reason: z.enum(CLOSURE_REASONS, "Motif de clôture inconnu."),
});
export type CloseCaseInput = z.infer<typeof CloseCaseInput>;

export const ReopenCaseInput = z.strictObject({ version: Version });
export type ReopenCaseInput = z.infer<typeof ReopenCaseInput>;

export const AssignCaseInput = z.strictObject({ version: Version, userId: Uuid.nullable() });
export type AssignCaseInput = z.infer<typeof AssignCaseInput>;

export const RecordVictimStatusInput = z.strictObject({
  status: z.enum(VICTIM_STATUSES, "Statut inconnu."),
  decidedBy: z.enum(VICTIM_STATUS_DECIDERS, "Valeur inconnue."),
  decidedOn: IsoDate,
});
export type RecordVictimStatusInput = z.infer<typeof RecordVictimStatusInput>;

export const AddNoteInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "La note est vide.")
    .max(NOTE_MAX_LENGTH, `La note est trop longue (${NOTE_MAX_LENGTH} caractères au plus).`),
});
export type AddNoteInput = z.infer<typeof AddNoteInput>;

export const CreateShareInput = z
  .strictObject({
    organisationId: Uuid.nullable().default(null),
    userId: Uuid.nullable().default(null),
    purpose: z.enum(SHARE_PURPOSES, "Finalité inconnue."),
    legalBasis: z.enum(SHARE_LEGAL_BASES, "Fondement juridique inconnu."),
    sections: uniqueList(z.enum(CASE_SECTIONS, "Rubrique inconnue."), CASE_SECTIONS.length).refine(
      (s) => s.length > 0,
      "Choisissez au moins une rubrique.",
    ),
    expiresOn: IsoDate,
    parentalAuthorityInformed: z.boolean().nullable().default(null),
    parentalNotInformedReason: z.enum(PARENTAL_NOT_INFORMED_REASONS, "Motif inconnu.").nullable().default(null),
  })
  .refine((s) => (s.organisationId === null) !== (s.userId === null), {
    message: "Partagez avec une organisation ou avec une personne.",
    path: ["organisationId"],
  })
  .refine((s) => s.legalBasis !== "shared_professional_secrecy" || s.parentalAuthorityInformed !== null, {
    message: "Indiquez si les titulaires de l'autorité parentale ont été informés.",
    path: ["parentalAuthorityInformed"],
  })
  .refine((s) => s.parentalAuthorityInformed !== false || s.parentalNotInformedReason !== null, {
    message: "Indiquez pourquoi les titulaires de l'autorité parentale n'ont pas été informés.",
    path: ["parentalNotInformedReason"],
  });
export type CreateShareInput = z.input<typeof CreateShareInput>;

export const TransferCaseInput = z.strictObject({ version: Version, organisationId: Uuid });
export type TransferCaseInput = z.infer<typeof TransferCaseInput>;

/** The kinds of organisation a case may be transferred to (active, in a département, not the owner). */
export const TRANSFER_DESTINATION_TYPES: readonly OrganisationType[] = [
  "ase_service",
  "crip",
  "establishment",
  "association",
];

/** The roles a person needs to receive a share: those who work on cases (not administrators nor analysts). */
export const SHARE_RECIPIENT_ROLES: readonly Role[] = [
  "educator",
  "ase_referent",
  "ase_manager",
  "crip_officer",
  "association_worker",
  "prosecutor",
  "juvenile_judge",
  "police_liaison",
];

export const EmergencyAccessInput = z.strictObject({
  caseNumber: CaseNumber,
  reason: z
    .string()
    .trim()
    .min(20, "Expliquez en quelques phrases pourquoi cet accès est urgent (20 caractères au moins).")
    .max(2000),
});
export type EmergencyAccessInput = z.infer<typeof EmergencyAccessInput>;

export const CASE_SORTS = ["created", "updated"] as const;

export const CaseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  departmentCode: DepartmentCode.optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  exploitationFamily: z.enum(EXPLOITATION_FAMILIES).optional(),
  victimStatus: z.enum(VICTIM_STATUSES).optional(),
  ageAssessmentStatus: z.enum(AGE_ASSESSMENT_STATUSES).optional(),
  asePlacementType: z.enum(ASE_PLACEMENT_TYPES).optional(),
  nationality: CountryCode.optional(),
  /** "me", or a user's id. */
  assignedTo: z.union([z.literal("me"), Uuid]).optional(),
  /** A case number or its beginning ("93-2026"). */
  number: z
    .string()
    .trim()
    .toUpperCase()
    .max(20)
    .regex(/^[0-9AB-]+$/, "Numéro de dossier invalide.")
    .optional(),
  /** Names, matched through the blind index: never by decrypting. Every name given must match. */
  name: z.string().trim().min(2).max(200).optional(),
  birthDate: IsoDate.optional(),
  sort: z.enum(CASE_SORTS).default("updated"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

export interface OrganisationRef {
  id: string;
  name: string;
  type: OrganisationType;
  departmentCode: string | null;
}

export interface UserRef {
  id: string;
  displayName: string;
}

export interface VictimStatusView {
  status: VictimStatus;
  decidedBy: VictimStatusDecider;
  decidedOn: string;
  recordedAt: string;
  recordedBy: UserRef | null;
}

export interface ExploitationView {
  family: ExploitationFamily;
  subtype: ExploitationSubtype | null;
  startedOn: string | null;
  endedOn: string | null;
}

export interface CaseProfileView {
  gender: Gender;
  nationalities: string[];
  firstFactsOn: string | null;
  /** Birth year and month are kept in clear (as the OLINPE national flow does); the exact date is sealed. */
  birthYear: number | null;
  /** Completed years, counting a birthday in the birth month as not yet reached: never older than the truth. */
  ageToday: number | null;
  ageBandToday: AgeBand | null;
  ageAtFirstFacts: number | null;
  ageBandAtFirstFacts: AgeBand | null;
  isAgeEstimated: boolean;
  ageEstimationMethod: AgeEstimationMethod | null;
  asePlacement: {
    type: AsePlacementType;
    legalBasis: AseLegalBasis;
    departmentCode: string;
    establishment: OrganisationRef | null;
  } | null;
  ageAssessmentStatus: AgeAssessmentStatus | null;
  isUnaccompaniedMinor: boolean;
  isPresumedMinor: boolean;
  careLeaverStatus: CareLeaverStatus | null;
  schooling: SchoolingStatus;
  vulnerabilityFactors: VulnerabilityFactor[];
  exploitations: ExploitationView[];
  recruitmentChannels: RecruitmentChannel[];
  exploiterRelationships: ExploiterRelationship[];
  places: { communeCode: string; type: PlaceType }[];
}

/** How the caller reaches the case: their own work, a share (some sections only), or an emergency access. */
export type CaseAccess = "full" | "shared" | "emergency";

/** One case as the API returns it. Identity is never here: see POST /api/cases/:id/identity/reveal. */
export interface CaseView {
  id: string;
  number: string;
  status: CaseStatus;
  closureReason: ClosureReason | null;
  closedAt: string | null;
  departmentCode: string;
  ownerOrganisation: OrganisationRef;
  assignedUser: UserRef | null;
  access: CaseAccess;
  sections: CaseSection[];
  /** Null when the caller's share does not include the profile. */
  profile: CaseProfileView | null;
  victimStatus: VictimStatusView | null;
  victimStatusHistory: VictimStatusView[];
  hasIdentity: boolean;
  anonymisedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** What the caller may do on this case, for the UI to hide buttons; the server decides anyway. */
  can: Action[];
}

export interface CaseCreatedView extends CaseView {
  /** How many possible duplicates in other organisations were found (details: GET /api/cases/link-proposals). */
  linkProposalCount: number;
}

export interface CaseSummaryView {
  id: string;
  number: string;
  status: CaseStatus;
  departmentCode: string;
  ownerOrganisation: OrganisationRef;
  assignedUser: UserRef | null;
  access: CaseAccess;
  /** Null when the caller's share does not include the profile. */
  gender: Gender | null;
  ageBandToday: AgeBand | null;
  exploitationFamilies: ExploitationFamily[] | null;
  victimStatus: VictimStatus | null;
  createdAt: string;
  updatedAt: string;
}

export interface CasePage {
  items: CaseSummaryView[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface IdentityView {
  caseId: string;
  caseNumber: string;
  surname: string;
  firstNames: string;
  aliases: string[];
  birthDate: string | null;
  ageEstimate: AgeEstimate | null;
  phones: string[];
  placementAddress: string | null;
}

export interface TimelineEntryView {
  id: string;
  kind: TimelineEntryKind;
  occurredAt: string;
  author: UserRef | null;
  authorOrganisation: OrganisationRef | null;
  /** Note text; null for other kinds, and once the case has been anonymised. */
  text: string | null;
  /** Codes and ids only (a closure reason, a share's sections…). */
  details: Record<string, unknown>;
}

export interface ShareView {
  id: string;
  organisation: OrganisationRef | null;
  user: (UserRef & { organisation: OrganisationRef }) | null;
  purpose: SharePurpose;
  legalBasis: ShareLegalBasis;
  sections: CaseSection[];
  expiresAt: string;
  parentalAuthorityInformed: boolean | null;
  parentalNotInformedReason: ParentalNotInformedReason | null;
  grantedBy: UserRef | null;
  createdAt: string;
  revokedAt: string | null;
  isActive: boolean;
}

export interface EmergencyAccessView {
  id: string;
  caseId: string;
  caseNumber: string;
  user: UserRef;
  organisation: OrganisationRef;
  /** The written reason: shown to the reviewers only. */
  reason: string | null;
  createdAt: string;
  expiresAt: string;
  reviewedAt: string | null;
  reviewedBy: UserRef | null;
}

export interface EmergencyAccessGrantView {
  id: string;
  caseId: string;
  caseNumber: string;
  expiresAt: string;
}

/** A possible duplicate: only which keys agreed, and who holds the other case in broad terms. */
export interface LinkProposalView {
  id: string;
  status: LinkProposalStatus;
  myCase: { id: string; number: string };
  otherCase: { organisationType: OrganisationType; departmentCode: string };
  matchedKeys: MatchKey[];
  myDecision: "confirmed" | "rejected" | null;
  otherDecision: "confirmed" | "rejected" | null;
  createdAt: string;
}

export interface SubjectAccessCase {
  case: CaseView;
  identity: IdentityView | null;
  timeline: TimelineEntryView[];
  shares: ShareView[];
  emergencyAccesses: EmergencyAccessView[];
}

/** Everything Repère holds on one person: the case asked for and the cases confirmed as the same person. */
export interface SubjectAccessExport {
  generatedAt: string;
  cases: SubjectAccessCase[];
}

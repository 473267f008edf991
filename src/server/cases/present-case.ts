import {
  type AgeAssessmentStatus,
  type AgeEstimationMethod,
  type AseLegalBasis,
  type AsePlacementType,
  type CareLeaverStatus,
  type CaseProfileView,
  type CaseStatus,
  type CaseSummaryView,
  type CaseView,
  type ClosureReason,
  type ExploitationFamily,
  type ExploitationView,
  type ExploiterRelationship,
  type Gender,
  isPresumedMinor,
  type OrganisationRef,
  type PlaceType,
  type Profile,
  type RecruitmentChannel,
  type SchoolingStatus,
  type VictimStatus,
  type VictimStatusDecider,
  type VictimStatusView,
  type VulnerabilityFactor,
} from "@shared/cases.ts";
import type { OrganisationType } from "@shared/roles.ts";
import type { Actor } from "../policy/actor.ts";
import { type CaseTarget, caseAccessOf, caseActionsOn } from "../policy/policy.ts";
import { ageBandOrNull, ageFromYearMonth } from "./case-age.ts";
import type { CaseRecord, CaseSummaryRecord, listVictimStatuses } from "./cases.queries.ts";

type CaseRow = CaseRecord["case"];
type VictimStatusRows = Awaited<ReturnType<typeof listVictimStatuses>>;

export function caseTarget(
  row: Pick<CaseRow, "id" | "departmentCode" | "ownerOrganisationId" | "placementOrganisationId" | "assignedUserId">,
  facts: {
    shares: { caseId: string; organisationId: string | null; userId: string | null; sections: string[] }[];
    emergencies: { caseId: string; userId: string }[];
  },
): CaseTarget {
  return {
    kind: "case",
    id: row.id,
    departmentCode: row.departmentCode,
    ownerOrganisationId: row.ownerOrganisationId,
    placementOrganisationId: row.placementOrganisationId,
    assignedUserId: row.assignedUserId,
    activeShares: facts.shares
      .filter((s) => s.caseId === row.id)
      .map((s) => ({
        organisationId: s.organisationId,
        userId: s.userId,
        sections: s.sections as CaseTarget["activeShares"][number]["sections"],
      })),
    activeEmergencyUserIds: facts.emergencies.filter((e) => e.caseId === row.id).map((e) => e.userId),
  };
}

export const organisationRef = (o: {
  id: string;
  name: string;
  type: string;
  departmentCode: string | null;
}): OrganisationRef => ({
  id: o.id,
  name: o.name,
  type: o.type as OrganisationType,
  departmentCode: o.departmentCode,
});

/** The profile as stored, in input shape: the base an edit is merged onto. */
export function storedProfile(row: CaseRow): Profile {
  return {
    gender: row.gender as Gender,
    nationalities: row.nationalities,
    firstFactsOn: row.firstFactsOn,
    asePlacement:
      row.asePlacementType && row.aseLegalBasis && row.aseDepartmentCode
        ? {
            type: row.asePlacementType as AsePlacementType,
            legalBasis: row.aseLegalBasis as AseLegalBasis,
            departmentCode: row.aseDepartmentCode,
            establishmentOrganisationId: row.placementOrganisationId,
          }
        : null,
    ageAssessmentStatus: row.ageAssessmentStatus as AgeAssessmentStatus | null,
    careLeaverStatus: row.careLeaverStatus as CareLeaverStatus | null,
    schooling: row.schooling as SchoolingStatus,
    vulnerabilityFactors: row.vulnerabilityFactors as VulnerabilityFactor[],
    exploitations: row.exploitations as Profile["exploitations"],
    recruitmentChannels: row.recruitmentChannels as RecruitmentChannel[],
    exploiterRelationships: row.exploiterRelationships as ExploiterRelationship[],
    places: row.places as Profile["places"],
  };
}

function ageToday(row: Pick<CaseRow, "birthYear" | "birthMonth">, today: string): number | null {
  return row.birthYear === null ? null : ageFromYearMonth(row.birthYear, row.birthMonth, today);
}

function presentProfile(record: CaseRecord, today: string): CaseProfileView {
  const row = record.case;
  const profile = storedProfile(row);
  const age = ageToday(row, today);
  return {
    gender: profile.gender,
    nationalities: profile.nationalities,
    firstFactsOn: profile.firstFactsOn,
    birthYear: row.birthYear,
    ageToday: age,
    ageBandToday: ageBandOrNull(age),
    ageAtFirstFacts: row.ageAtFirstFacts,
    ageBandAtFirstFacts: ageBandOrNull(row.ageAtFirstFacts),
    isAgeEstimated: row.isAgeEstimated,
    ageEstimationMethod: row.ageEstimationMethod as AgeEstimationMethod | null,
    asePlacement: profile.asePlacement
      ? {
          type: profile.asePlacement.type,
          legalBasis: profile.asePlacement.legalBasis,
          departmentCode: profile.asePlacement.departmentCode,
          establishment: record.placement ? organisationRef(record.placement) : null,
        }
      : null,
    ageAssessmentStatus: profile.ageAssessmentStatus,
    isUnaccompaniedMinor: profile.ageAssessmentStatus !== null,
    isPresumedMinor: isPresumedMinor(profile.ageAssessmentStatus),
    careLeaverStatus: profile.careLeaverStatus,
    schooling: profile.schooling,
    vulnerabilityFactors: profile.vulnerabilityFactors,
    exploitations: profile.exploitations as ExploitationView[],
    recruitmentChannels: profile.recruitmentChannels,
    exploiterRelationships: profile.exploiterRelationships,
    places: profile.places as { communeCode: string; type: PlaceType }[],
  };
}

function presentVictimStatuses(rows: VictimStatusRows): VictimStatusView[] {
  return rows.map(({ status, recordedBy }) => ({
    status: status.status as VictimStatus,
    decidedBy: status.decidedBy as VictimStatusDecider,
    decidedOn: status.decidedOn,
    recordedAt: status.recordedAt.toISOString(),
    recordedBy: recordedBy ? { id: recordedBy.id, displayName: recordedBy.displayName } : null,
  }));
}

export function presentCase(
  actor: Actor,
  record: CaseRecord,
  target: CaseTarget,
  victimStatuses: VictimStatusRows,
  extra: { today: string; hasIdentity: boolean },
): CaseView {
  const row = record.case;
  const reach = caseAccessOf(actor, target);
  if (!reach) throw new Error("presenting a case the actor cannot read");
  const seesProfile = reach.sections.includes("profile");
  const history = seesProfile ? presentVictimStatuses(victimStatuses) : [];
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    closureReason: row.closureReason as ClosureReason | null,
    closedAt: row.closedAt?.toISOString() ?? null,
    departmentCode: row.departmentCode,
    ownerOrganisation: organisationRef(record.owner),
    assignedUser: record.assignee ? { id: record.assignee.id, displayName: record.assignee.displayName } : null,
    access: reach.access,
    sections: reach.sections,
    profile: seesProfile ? presentProfile(record, extra.today) : null,
    victimStatus: history.at(-1) ?? null,
    victimStatusHistory: history,
    hasIdentity: extra.hasIdentity,
    anonymisedAt: row.anonymisedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    can: caseActionsOn(actor, target),
  };
}

export function presentCaseSummary(
  actor: Actor,
  record: CaseSummaryRecord,
  target: CaseTarget,
  today: string,
): CaseSummaryView | null {
  const row = record.case;
  const reach = caseAccessOf(actor, target);
  if (!reach) return null;
  const seesProfile = reach.sections.includes("profile");
  return {
    id: row.id,
    number: row.number,
    status: row.status as CaseStatus,
    departmentCode: row.departmentCode,
    ownerOrganisation: organisationRef(record.owner),
    assignedUser: record.assignee ? { id: record.assignee.id, displayName: record.assignee.displayName } : null,
    access: reach.access,
    gender: seesProfile ? (row.gender as Gender) : null,
    ageBandToday: seesProfile ? ageBandOrNull(ageToday(row, today)) : null,
    exploitationFamilies: seesProfile ? (row.exploitationFamilies as ExploitationFamily[]) : null,
    victimStatus: seesProfile ? (row.victimStatus as VictimStatus | null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

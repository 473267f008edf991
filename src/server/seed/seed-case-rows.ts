/**
 * Turns one synthetic case into the rows the case service would have written over the case's life: the case with
 * its profile, the sealed identity and its blind index (through the service's own functions), victim statuses, the
 * timeline, and shares with the partners of the département. Pure: ids are drawn here, numbers come later.
 */

import type { DeadlineOverrides } from "@shared/calendar/deadline-rules.ts";
import type {
  CaseSection,
  Identity,
  ParentalNotInformedReason,
  ShareLegalBasis,
  SharePurpose,
  TimelineEntryKind,
  VulnerabilityFactor,
} from "@shared/cases.ts";
import { blindIndexEntries } from "../cases/blind-index.ts";
import { ageAtFirstFacts, birthInClear, exactAge } from "../cases/case-age.ts";
import { sealIdentity } from "../cases/case-identity.ts";
import type { CaseInsert } from "../cases/cases.queries.ts";
import type {
  caseBlindIndex,
  caseIdentities,
  caseShares,
  caseTimelineEntries,
  caseVictimStatuses,
} from "../db/schema.ts";
import type { KeyRing } from "../keys/key-ring.ts";
import { SEED_INDEX_KEY, SEED_RUN_KEY } from "./seed-bulk.queries.ts";
import { seedId } from "./seed-ids.ts";
import type { SeedAuthor, SeedDepartmentRefs } from "./seed-organisations.ts";
import { buildSeedPathwayRows, type SeedPathwayRows } from "./seed-pathway-rows.ts";
import type { SyntheticCase } from "./synthetic-person.ts";

// case-age.ts `parisDate` builds its formatter on each call, which a million cases cannot afford; same format.
const PARIS_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const parisDate = (instant: Date) => PARIS_DATE.format(instant);

export interface SeedCaseRows {
  /** Where the case number comes from: département and year of creation, in France. */
  departmentCode: string;
  numberYear: number;
  caseRow: CaseInsert;
  identity: typeof caseIdentities.$inferInsert;
  blindIndex: (typeof caseBlindIndex.$inferInsert)[];
  statuses: (typeof caseVictimStatuses.$inferInsert)[];
  timeline: (typeof caseTimelineEntries.$inferInsert)[];
  shares: (typeof caseShares.$inferInsert)[];
  /** Screening, tracks, steps, deadlines, measure and plan; their timeline entries are in `timeline`. */
  pathway: SeedPathwayRows;
}

/** The identity as a professional would have typed it: a birth date, or an age estimate after an assessment. */
export function identityOf(synthetic: SyntheticCase): Identity {
  const { identity, profile } = synthetic;
  const assessed =
    identity.ageEstimationMethod === "age_assessment_interview" || identity.ageEstimationMethod === "bone_xray";
  const estimatedOn = profile.ageAssessment?.decidedOn ?? synthetic.createdAt.slice(0, 10);
  const address = identity.address;
  return {
    surname: identity.surname,
    firstNames: identity.firstNames.join(" "),
    aliases: identity.alias ? [identity.alias] : [],
    birthDate: assessed ? null : identity.birthDate,
    ageEstimate: assessed
      ? { age: exactAge(identity.birthDate, estimatedOn), estimatedOn, method: identity.ageEstimationMethod }
      : null,
    phones: [...new Set(identity.phones)],
    placementAddress: address
      ? [address.street, [address.postalCode, address.communeName].filter(Boolean).join(" ")].join(", ")
      : null,
  };
}

function vulnerabilityFactorsOf(synthetic: SyntheticCase): VulnerabilityFactor[] {
  // Only what the generator models so far; each later capability adds its own factors.
  return synthetic.runaways.length >= 2 ? ["runaway_history"] : [];
}

interface PlannedShare {
  partner: keyof SeedDepartmentRefs["partners"];
  purpose: SharePurpose;
  legalBasis: ShareLegalBasis;
  sections: CaseSection[];
}

// Who a case is opened to as its victim status climbs: the association that supports the young person once the
// assessment presumes trafficking, investigators once identified, the juvenile court once recognised.
const SHARES_BY_STATUS: Partial<Record<string, PlannedShare[]>> = {
  presumed: [
    {
      partner: "association",
      purpose: "joint_support",
      legalBasis: "shared_professional_secrecy",
      sections: ["profile", "timeline"],
    },
  ],
  identified_le: [
    {
      partner: "police_unit",
      purpose: "investigation",
      legalBasis: "judicial_request",
      sections: ["identity", "profile"],
    },
    {
      partner: "court_prosecution",
      purpose: "investigation",
      legalBasis: "prosecutor_report",
      sections: ["identity", "profile", "timeline"],
    },
  ],
  recognised_court: [
    {
      partner: "court_juvenile",
      purpose: "judicial_decision",
      legalBasis: "judicial_request",
      sections: ["identity", "profile", "timeline"],
    },
  ],
};

/** Open cases keep their shares this long after the seed's `now`, so partners see current work. */
const SHARE_DAYS_AFTER_NOW = 180;
const DAY_MS = 86_400_000;

function parentalReasonOf(synthetic: SyntheticCase): ParentalNotInformedReason {
  if (synthetic.ageGroup === "young_adult") return "young_adult";
  if (synthetic.profile.kind === "unaccompanied_minor") return "no_parental_authority_in_france";
  return synthetic.exploiterRelationship === "family"
    ? "parents_involved_in_exploitation"
    : "contrary_to_child_interest";
}

export interface SeedRowContext {
  keys: KeyRing;
  refs: SeedDepartmentRefs;
  runKey: string;
  now: Date;
  /** The département's deadline overrides, as startDeadline would read them. */
  overrides?: DeadlineOverrides;
}

export function buildSeedCaseRows(synthetic: SyntheticCase, context: SeedRowContext): SeedCaseRows {
  const { refs, keys } = context;
  const id = seedId();
  const identity = identityOf(synthetic);
  const birth = birthInClear(identity);
  const createdAt = new Date(synthetic.createdAt);
  const profile = synthetic.profile;
  // The ASE holds the cases of young people in its care; the CRIP those it is still assessing (families).
  const author: SeedAuthor = profile.kind === "family" ? refs.crip : refs.ase;
  const isAse = author === refs.ase;
  const firstFactsOn = synthetic.exploitations[0]?.startedOn ?? null;
  const placement = profile.placement;
  const history = synthetic.victimStatusHistory;
  const lastStatus = history.at(-1);

  const timeline: SeedCaseRows["timeline"] = [];
  const entry = (kind: TimelineEntryKind, at: Date, details: Record<string, unknown>) =>
    timeline.push({
      id: seedId(),
      caseId: id,
      kind,
      occurredAt: at,
      authorUserId: author.userId,
      authorOrganisationId: author.organisationId,
      textEnc: null,
      details,
    });
  entry("created", createdAt, { number: "", [SEED_RUN_KEY]: context.runKey, [SEED_INDEX_KEY]: synthetic.index });
  if (isAse) entry("assigned", new Date(createdAt.getTime() + 1), { userId: author.userId });

  const statuses: SeedCaseRows["statuses"] = history.map((change) => {
    const at = new Date(change.at);
    const decidedOn = parisDate(at);
    entry("victim_status_recorded", at, { status: change.status, decidedBy: change.decidedBy, decidedOn });
    return {
      id: seedId(),
      caseId: id,
      status: change.status,
      decidedBy: change.decidedBy,
      decidedOn,
      recordedByUserId: author.userId,
      recordedAt: at,
    };
  });

  const shares: SeedCaseRows["shares"] = [];
  if (!synthetic.closure) {
    const expiresAt = new Date(context.now.getTime() + SHARE_DAYS_AFTER_NOW * DAY_MS);
    for (const change of history) {
      for (const plan of SHARES_BY_STATUS[change.status] ?? []) {
        const organisationId = refs.partners[plan.partner];
        if (!organisationId) continue;
        const shareId = seedId();
        const secrecy = plan.legalBasis === "shared_professional_secrecy";
        const at = new Date(change.at);
        shares.push({
          id: shareId,
          caseId: id,
          organisationId,
          userId: null,
          purpose: plan.purpose,
          legalBasis: plan.legalBasis,
          sections: plan.sections,
          expiresAt,
          parentalAuthorityInformed: secrecy ? false : null,
          parentalNotInformedReason: secrecy ? parentalReasonOf(synthetic) : null,
          grantedByUserId: author.userId,
          createdAt: at,
          revokedAt: null,
          revokedByUserId: null,
        });
        entry("share_granted", at, {
          shareId,
          organisationId,
          userId: null,
          purpose: plan.purpose,
          legalBasis: plan.legalBasis,
          sections: plan.sections,
          expiresOn: parisDate(new Date(expiresAt.getTime() - DAY_MS)),
          parentalAuthorityInformed: secrecy ? false : null,
        });
      }
    }
  }
  const pathway = buildSeedPathwayRows(synthetic, {
    caseId: id,
    keys,
    refs,
    author,
    now: context.now,
    birthYear: birth.birthYear,
    birthMonth: birth.birthMonth,
    overrides: context.overrides,
  });
  timeline.push(...pathway.timeline);
  if (synthetic.closure) entry("closed", new Date(synthetic.closure.at), { reason: synthetic.closure.reason });

  const updatedAt = new Date(Math.max(...timeline.map((t) => t.occurredAt.getTime())));
  const caseRow: CaseInsert = {
    id,
    number: "",
    personId: id,
    departmentCode: synthetic.departmentCode,
    ownerOrganisationId: author.organisationId,
    assignedUserId: isAse ? author.userId : null,
    placementOrganisationId: placement?.type === "establishment" ? refs.foyerOrganisationId : null,
    status: synthetic.status,
    closureReason: synthetic.closure?.reason ?? null,
    closedAt: synthetic.closure ? new Date(synthetic.closure.at) : null,
    createdByUserId: author.userId,
    idempotencyKey: null,
    gender: synthetic.gender,
    nationalities: [synthetic.nationality],
    ...birth,
    ageAtFirstFacts: ageAtFirstFacts(identity, birth, firstFactsOn),
    firstFactsOn,
    asePlacementType: placement?.type ?? null,
    aseLegalBasis: placement?.legalBasis ?? null,
    aseDepartmentCode: placement?.departmentCode ?? null,
    // A former MNA now a care leaver is no longer an unaccompanied minor: the status belongs to minors only.
    ageAssessmentStatus: profile.kind === "unaccompanied_minor" ? (profile.ageAssessment?.status ?? null) : null,
    careLeaverStatus: profile.careLeaverStatus,
    schooling: "unknown",
    vulnerabilityFactors: vulnerabilityFactorsOf(synthetic),
    exploitations: synthetic.exploitations.map((e) => ({
      family: e.family,
      subtype: e.subtype,
      startedOn: e.startedOn,
      endedOn: e.endedOn,
    })),
    exploitationFamilies: [...new Set(synthetic.exploitations.map((e) => e.family))],
    recruitmentChannels: [synthetic.recruitmentChannel],
    exploiterRelationships: [synthetic.exploiterRelationship],
    // Online-only exploitation has no commune, and a case's places are communes.
    places: synthetic.exploitations.flatMap((e) =>
      e.places.flatMap((p) => (p.communeCode ? [{ communeCode: p.communeCode, type: p.type }] : [])),
    ),
    victimStatus: lastStatus?.status ?? null,
    anonymisedAt: null,
    version: 1,
    createdAt,
    updatedAt,
  };

  return {
    departmentCode: synthetic.departmentCode,
    numberYear: Number(parisDate(createdAt).slice(0, 4)),
    caseRow,
    identity: { caseId: id, ...sealIdentity(keys.data, id, identity), updatedAt: createdAt },
    blindIndex: blindIndexEntries(keys.blindIndex, identity).map((e) => ({ caseId: id, ...e })),
    statuses,
    timeline,
    shares,
    pathway,
  };
}

/** Gives the case its number, in the row and in its "created" entry, once the batch has reserved it. */
export function assignCaseNumber(rows: SeedCaseRows, number: string) {
  rows.caseRow.number = number;
  const created = rows.timeline[0];
  if (created) created.details = { ...created.details, number };
}

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { Sealed } from "../cases/sealed.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    departmentCode: text("department_code"),
    isActive: boolean("is_active").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "organisations_type_check",
      sql`${t.type} in ('ase_service', 'crip', 'establishment', 'association', 'court_prosecution', 'court_juvenile', 'police_unit', 'national_coordination')`,
    ),
    check(
      "organisations_department_check",
      sql`(${t.type} = 'national_coordination') = (${t.departmentCode} is null)`,
    ),
    index("organisations_department_idx").on(t.departmentCode),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles").array().notNull(),
    /** For administrators: the département they administer; null means national. */
    adminDepartmentCode: text("admin_department_code"),
    isActive: boolean("is_active").notNull().default(true),
    /** TOTP secrets are encrypted with the data key, like identity fields. */
    totpSecretEnc: text("totp_secret_enc"),
    totpPendingSecretEnc: text("totp_pending_secret_enc"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step, so a code cannot be replayed within its window. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("users_organisation_idx").on(t.organisationId)],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per e-mail address, whether or not an account has it: locking unknown addresses the same way
 * as real ones means the lockout message never tells whether an account exists.
 */
export const loginThrottle = pgTable("login_throttle", {
  emailHash: text("email_hash").primaryKey(),
  failedCount: integer("failed_count").notNull().default(0),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    stage: text("stage").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: text("user_agent"),
  },
  (t) => [
    check(
      "sessions_stage_check",
      sql`${t.stage} in ('totp_required', 'totp_enrollment_required', 'password_change_required', 'active')`,
    ),
    index("sessions_user_idx").on(t.userId),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    shard: smallint("shard").notNull(),
    position: bigint("position", { mode: "number" }).notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorOrganisationId: uuid("actor_organisation_id"),
    action: text("action").notNull(),
    outcome: text("outcome").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    caseId: uuid("case_id"),
    departmentCode: text("department_code"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    keyId: text("key_id").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    unique("audit_events_chain_position").on(t.shard, t.position),
    check("audit_events_outcome_check", sql`${t.outcome} in ('success', 'denied', 'failure')`),
    index("audit_events_department_idx").on(t.departmentCode, t.id),
    index("audit_events_actor_idx").on(t.actorUserId, t.id),
    index("audit_events_target_idx").on(t.targetId, t.id),
    index("audit_events_case_idx").on(t.caseId, t.id),
  ],
);

/** The last entry of each audit chain. Writers lock one shard's row, so they queue only behind that shard. */
export const auditChainHeads = pgTable("audit_chain_heads", {
  shard: smallint("shard").primaryKey(),
  position: bigint("position", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/** Signed snapshots of every chain head, also written to the log and downloadable, to detect a cut tail. */
export const auditAnchors = pgTable("audit_anchors", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
  heads: jsonb("heads").$type<AnchorHead[]>().notNull(),
  keyId: text("key_id").notNull(),
  mac: text("mac").notNull(),
});

export interface AnchorHead {
  shard: number;
  position: number;
  hash: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Young people's cases. Identity lives apart, sealed; everything else is plain, non-identifying and queryable.

/** One counter per département and year, moved forward atomically, for case numbers like 93-2026-000123. */
export const caseCounters = pgTable(
  "case_counters",
  {
    departmentCode: text("department_code").notNull(),
    year: smallint("year").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentCode, t.year] })],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    /** Shared by cases confirmed to be the same young person, so the observatory counts them once. */
    personId: uuid("person_id").notNull(),
    departmentCode: text("department_code").notNull(),
    ownerOrganisationId: uuid("owner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    assignedUserId: uuid("assigned_user_id").references(() => users.id),
    /** The establishment where the young person is placed: its educators see the case. */
    placementOrganisationId: uuid("placement_organisation_id").references(() => organisations.id),
    status: text("status").notNull().default("open"),
    closureReason: text("closure_reason"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    idempotencyKey: text("idempotency_key"),
    gender: text("gender").notNull().default("unknown"),
    nationalities: text("nationalities").array().notNull().default(sql`'{}'`),
    birthYear: smallint("birth_year"),
    birthMonth: smallint("birth_month"),
    isAgeEstimated: boolean("is_age_estimated").notNull().default(false),
    ageEstimationMethod: text("age_estimation_method"),
    firstFactsOn: date("first_facts_on", { mode: "string" }),
    ageAtFirstFacts: smallint("age_at_first_facts"),
    asePlacementType: text("ase_placement_type"),
    aseLegalBasis: text("ase_legal_basis"),
    aseDepartmentCode: text("ase_department_code"),
    ageAssessmentStatus: text("age_assessment_status"),
    careLeaverStatus: text("care_leaver_status"),
    schooling: text("schooling").notNull().default("unknown"),
    vulnerabilityFactors: text("vulnerability_factors").array().notNull().default(sql`'{}'`),
    exploitationFamilies: text("exploitation_families").array().notNull().default(sql`'{}'`),
    exploitations: jsonb("exploitations").$type<CaseExploitation[]>().notNull().default([]),
    recruitmentChannels: text("recruitment_channels").array().notNull().default(sql`'{}'`),
    exploiterRelationships: text("exploiter_relationships").array().notNull().default(sql`'{}'`),
    places: jsonb("places").$type<CasePlace[]>().notNull().default([]),
    victimStatus: text("victim_status"),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("cases_status_check", sql`${t.status} in ('open', 'closed')`),
    check("cases_closed_check", sql`(${t.status} = 'closed') = (${t.closureReason} is not null)`),
    unique("cases_idempotency_unique").on(t.createdByUserId, t.idempotencyKey),
    index("cases_owner_idx").on(t.ownerOrganisationId),
    index("cases_department_idx").on(t.departmentCode, t.status),
    index("cases_assigned_idx").on(t.assignedUserId),
    index("cases_placement_idx").on(t.placementOrganisationId),
    index("cases_person_idx").on(t.personId),
    index("cases_updated_idx").on(t.updatedAt, t.id),
    index("cases_created_idx").on(t.createdAt, t.id),
    index("cases_closed_at_idx").on(t.closedAt),
    index("cases_exploitation_families_idx").using("gin", t.exploitationFamilies),
  ],
);

export interface CaseExploitation {
  family: string;
  subtype: string | null;
  startedOn: string | null;
  endedOn: string | null;
}

export interface CasePlace {
  communeCode: string;
  type: string;
}

/** Identity fields, each sealed with the data key and bound to its column and case (aad "case_identities.<column>:<caseId>"). */
export const caseIdentities = pgTable("case_identities", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  surnameEnc: text("surname_enc").$type<Sealed>().notNull(),
  firstNamesEnc: text("first_names_enc").$type<Sealed>().notNull(),
  aliasesEnc: text("aliases_enc").$type<Sealed>().notNull(),
  birthDateEnc: text("birth_date_enc").$type<Sealed>().notNull(),
  ageEstimateEnc: text("age_estimate_enc").$type<Sealed>().notNull(),
  phonesEnc: text("phones_enc").$type<Sealed>().notNull(),
  placementAddressEnc: text("placement_address_enc").$type<Sealed>().notNull(),
  updatedAt: updatedAt(),
});

/** Keyed hashes (HMAC with the blind-index key) of normalised names and birth data: equality search, no plaintext. */
export const caseBlindIndex = pgTable(
  "case_blind_index",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    digest: text("digest").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.kind, t.digest] }),
    check("case_blind_index_kind_check", sql`${t.kind} in ('name', 'full_name', 'birth_date', 'birth_year')`),
    index("case_blind_index_lookup_idx").on(t.kind, t.digest),
  ],
);

export const caseVictimStatuses = pgTable(
  "case_victim_statuses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    status: text("status").notNull(),
    decidedBy: text("decided_by").notNull(),
    decidedOn: date("decided_on", { mode: "string" }).notNull(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    check(
      "case_victim_statuses_status_check",
      sql`${t.status} in ('possible', 'presumed', 'identified_le', 'recognised_court')`,
    ),
    index("case_victim_statuses_case_idx").on(t.caseId, t.recordedAt),
  ],
);

/** One ordered feed per case; note text is identifying data and is sealed. */
export const caseTimelineEntries = pgTable(
  "case_timeline_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id),
    authorOrganisationId: uuid("author_organisation_id").references(() => organisations.id),
    textEnc: text("text_enc").$type<Sealed>(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("case_timeline_case_idx").on(t.caseId, t.occurredAt, t.id)],
);

export const caseShares = pgTable(
  "case_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    userId: uuid("user_id").references(() => users.id),
    purpose: text("purpose").notNull(),
    legalBasis: text("legal_basis").notNull(),
    sections: text("sections").array().notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    parentalAuthorityInformed: boolean("parental_authority_informed"),
    parentalNotInformedReason: text("parental_not_informed_reason"),
    grantedByUserId: uuid("granted_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedByUserId: uuid("revoked_by_user_id").references(() => users.id),
  },
  (t) => [
    check("case_shares_recipient_check", sql`(${t.organisationId} is null) <> (${t.userId} is null)`),
    index("case_shares_case_idx").on(t.caseId),
    index("case_shares_organisation_idx").on(t.organisationId, t.expiresAt),
    index("case_shares_user_idx").on(t.userId, t.expiresAt),
  ],
);

/** Break-glass openings of a case outside one's scope: time-limited, with a sealed written reason, reviewed later. */
export const caseEmergencyAccesses = pgTable(
  "case_emergency_accesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    reasonEnc: text("reason_enc").$type<Sealed>(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id),
  },
  (t) => [index("case_emergency_user_idx").on(t.userId, t.expiresAt), index("case_emergency_case_idx").on(t.caseId)],
);

/** A possible duplicate across organisations; a pair is stored once (a < b), so a rejection is never proposed again. */
export const caseLinkProposals = pgTable(
  "case_link_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseAId: uuid("case_a_id")
      .notNull()
      .references(() => cases.id),
    caseBId: uuid("case_b_id")
      .notNull()
      .references(() => cases.id),
    matchedKeys: text("matched_keys").array().notNull(),
    status: text("status").notNull().default("pending"),
    aDecision: text("a_decision"),
    aDecidedByUserId: uuid("a_decided_by_user_id").references(() => users.id),
    bDecision: text("b_decision"),
    bDecidedByUserId: uuid("b_decided_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    unique("case_link_proposals_pair").on(t.caseAId, t.caseBId),
    check("case_link_proposals_order_check", sql`${t.caseAId} < ${t.caseBId}`),
    check("case_link_proposals_status_check", sql`${t.status} in ('pending', 'confirmed', 'rejected')`),
    index("case_link_proposals_b_idx").on(t.caseBId),
  ],
);

/** A screening before any case exists: no identity, only an organisation and a pseudonymous number. */
export const preCases = pgTable(
  "pre_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    caseId: uuid("case_id").references(() => cases.id),
    createdAt: createdAt(),
    convertedAt: timestamp("converted_at", { withTimezone: true }),
  },
  (t) => [index("pre_cases_organisation_idx").on(t.organisationId, t.createdAt)],
);

/**
 * A completed GRR grid. The computed result is kept as it was (a later grid version never changes it); the
 * submission, which may hold free-text notes and the override's reason, is sealed.
 */
export const screenings = pgTable(
  "screenings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").references(() => cases.id),
    preCaseId: uuid("pre_case_id").references(() => preCases.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    gridVersion: text("grid_version").notNull(),
    mode: text("mode").notNull(),
    screenedOn: text("screened_on").notNull(),
    computedLevel: text("computed_level").notNull(),
    level: text("level").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    submissionEnc: text("submission_enc").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("screenings_subject_check", sql`${t.caseId} is not null or ${t.preCaseId} is not null`),
    check("screenings_level_check", sql`${t.level} in ('none', 'possible', 'clear')`),
    index("screenings_case_idx").on(t.caseId, t.createdAt),
    index("screenings_pre_case_idx").on(t.preCaseId),
  ],
);

/** A legal qualification recorded on a case: abstract facts (no identity) and the engine's answer at that time. */
export const qualifications = pgTable(
  "qualifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    trafficking: boolean("trafficking").notNull(),
    article: text("article"),
    input: jsonb("input").$type<Record<string, unknown>>().notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("qualifications_case_idx").on(t.caseId, t.createdAt)],
);

/** What the law requires on a case (signalement, IP, Ac.Sé…), with its deadline and where it stands. */
export const caseActions = pgTable(
  "case_actions",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    code: text("code").notNull(),
    status: text("status").notNull().default("to_do"),
    sources: text("sources").array().notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }),
    doneOn: text("done_on"),
    /** Why an action does not apply: free text, sealed. */
    reasonEnc: text("reason_enc"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id),
    updatedAt: updatedAt(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.code] }),
    check("case_actions_status_check", sql`${t.status} in ('to_do', 'done', 'not_applicable')`),
    index("case_actions_due_idx").on(t.status, t.dueAt),
  ],
);

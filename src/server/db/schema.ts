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
  uniqueIndex,
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
    check("organisations_department_check", sql`(${t.type} = 'national_coordination') = (${t.departmentCode} is null)`),
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
    // The list's search by the beginning of a number ("93-2025") is a LIKE prefix: the unique index, in the
    // database's collation, cannot serve it.
    index("cases_number_prefix_idx").on(t.number.op("text_pattern_ops")),
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

// ---------------------------------------------------------------------------------------------------------------
// Protection pathway (issue 6): parallel tracks, their deadlines and alerts, reviews, measures, plans, transfers.

/** Where each track of a case stands; the row is locked while a step is recorded. */
export const pathwayTracks = pgTable(
  "pathway_tracks",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    track: text("track").notNull(),
    state: text("state").notNull(),
    stateSince: timestamp("state_since", { withTimezone: true, precision: 3 }).notNull(),
    /** Identification only: the case's victim status when this row was written, to notice statuses recorded since. */
    observedVictimStatus: text("observed_victim_status"),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.track] }),
    check("pathway_tracks_track_check", sql`${t.track} in ('civil_protection', 'identification', 'transition')`),
    index("pathway_tracks_state_idx").on(t.track, t.state),
  ],
);

/** Every step taken on a track, with who, when it happened and why (reason and reference sealed: free text). */
export const pathwayTransitions = pgTable(
  "pathway_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    track: text("track").notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorOrganisationId: uuid("actor_organisation_id").references(() => organisations.id),
    via: text("via").notNull().default("user"),
    reasonEnc: text("reason_enc").$type<Sealed>(),
    referenceEnc: text("reference_enc").$type<Sealed>(),
    trigger: jsonb("trigger").$type<Record<string, unknown>>(),
  },
  (t) => [
    check("pathway_transitions_via_check", sql`${t.via} in ('user', 'review', 'system')`),
    index("pathway_transitions_case_idx").on(t.caseId, t.track, t.recordedAt),
  ],
);

/** A deadline as computed when it started, in the département's calendar and time zone, and whether it was met. */
export const pathwayDeadlines = pgTable(
  "pathway_deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    code: text("code").notNull(),
    track: text("track"),
    /** The transfer whose acceptance this deadline times, if any. */
    transferId: uuid("transfer_id"),
    departmentCode: text("department_code").notNull(),
    timeZone: text("time_zone").notNull(),
    unit: text("unit").notNull(),
    amount: integer("amount").notNull(),
    startAt: timestamp("start_at", { withTimezone: true, precision: 3 }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true, precision: 3 }).notNull(),
    dueLocalDate: date("due_local_date", { mode: "string" }).notNull(),
    warnAt: timestamp("warn_at", { withTimezone: true, precision: 3 }),
    status: text("status").notNull().default("open"),
    metAt: timestamp("met_at", { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    check("pathway_deadlines_status_check", sql`${t.status} in ('open', 'met', 'cancelled')`),
    index("pathway_deadlines_case_idx").on(t.caseId, t.status),
    index("pathway_deadlines_due_idx").on(t.status, t.dueAt),
    index("pathway_deadlines_warn_idx").on(t.status, t.warnAt),
  ],
);

/** One row per deadline and kind of alert: the unique pair is what keeps several app servers from alerting twice. */
export const pathwayDeadlineAlerts = pgTable(
  "pathway_deadline_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deadlineId: uuid("deadline_id")
      .notNull()
      .references(() => pathwayDeadlines.id),
    kind: text("kind").notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    unique("pathway_deadline_alerts_once").on(t.deadlineId, t.kind),
    check("pathway_deadline_alerts_kind_check", sql`${t.kind} in ('warning', 'overdue')`),
  ],
);

/** A département's changes to the deadline catalogue, validated with the calendar's DeadlineOverrides schema. */
export const pathwayDeadlineOverrides = pgTable("pathway_deadline_overrides", {
  departmentCode: text("department_code").primaryKey(),
  overrides: jsonb("overrides").$type<Record<string, unknown>>().notNull(),
  updatedByUserId: uuid("updated_by_user_id").references(() => users.id),
  updatedAt: updatedAt(),
});

/** In-app notices for one user (an alert, a review's outcome): the inbox shows them until read. */
export const pathwayNotifications = pgTable(
  "pathway_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    /** Codes and ids only, never personal data: the label is built from them. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "pathway_notifications_kind_check",
      sql`${t.kind} in ('deadline_warning', 'deadline_overdue', 'review_outcome', 'transfer_decided')`,
    ),
    index("pathway_notifications_user_idx").on(t.userId, t.readAt),
  ],
);

/** E-mails waiting for the SMTP sender: case number and link only. Written in the same transaction as the event. */
export const pathwayMailOutbox = pgTable(
  "pathway_mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    notificationId: uuid("notification_id")
      .notNull()
      .references(() => pathwayNotifications.id),
    recipientUserId: uuid("recipient_user_id")
      .notNull()
      .references(() => users.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    unique("pathway_mail_outbox_once").on(t.notificationId),
    check("pathway_mail_outbox_status_check", sql`${t.status} in ('pending', 'sent', 'failed')`),
    index("pathway_mail_outbox_pending_idx").on(t.status, t.createdAt),
  ],
);

/** A multi-agency presumed-victim review; reasons and minutes are sealed. */
export const pathwayReviews = pgTable(
  "pathway_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    status: text("status").notNull().default("scheduled"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull(),
    chairUserId: uuid("chair_user_id")
      .notNull()
      .references(() => users.id),
    quorum: integer("quorum").notNull(),
    referringUserId: uuid("referring_user_id").references(() => users.id),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    outcome: text("outcome"),
    reasonsEnc: text("reasons_enc").$type<Sealed>(),
    minutesEnc: text("minutes_enc").$type<Sealed>(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check("pathway_reviews_status_check", sql`${t.status} in ('scheduled', 'decided', 'cancelled')`),
    check(
      "pathway_reviews_outcome_check",
      sql`(${t.status} = 'decided') = (${t.outcome} in ('presumed_victim', 'not_victim', 'no_conclusion'))`,
    ),
    index("pathway_reviews_case_idx").on(t.caseId),
    index("pathway_reviews_chair_idx").on(t.chairUserId, t.status),
  ],
);

export const pathwayReviewMembers = pgTable(
  "pathway_review_members",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => pathwayReviews.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    isChair: boolean("is_chair").notNull().default(false),
    hasConflict: boolean("has_conflict"),
    conflictNoteEnc: text("conflict_note_enc").$type<Sealed>(),
    declaredAt: timestamp("declared_at", { withTimezone: true }),
    isPresent: boolean("is_present"),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("pathway_review_members_user_idx").on(t.userId)],
);

export const pathwayMeasures = pgTable(
  "pathway_measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(),
    status: text("status").notNull(),
    providerOrganisationId: uuid("provider_organisation_id").references(() => organisations.id),
    providerName: text("provider_name"),
    startOn: date("start_on", { mode: "string" }),
    endOn: date("end_on", { mode: "string" }),
    placementType: text("placement_type"),
    isSecurePlacement: boolean("is_secure_placement"),
    isDistantPlacement: boolean("is_distant_placement"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "pathway_measures_status_check",
      sql`${t.status} in ('planned', 'in_progress', 'not_executed', 'ended', 'cancelled')`,
    ),
    check("pathway_measures_placement_check", sql`(${t.kind} = 'placement') = (${t.placementType} is not null)`),
    index("pathway_measures_case_idx").on(t.caseId),
  ],
);

/** The protection plan; goals and review notes are sealed (free text about the young person). */
export const pathwayPlans = pgTable(
  "pathway_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    status: text("status").notNull().default("active"),
    adoptedOn: date("adopted_on", { mode: "string" }).notNull(),
    goalsEnc: text("goals_enc").$type<Sealed>().notNull(),
    adoptedByUserId: uuid("adopted_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("pathway_plans_status_check", sql`${t.status} in ('active', 'ended')`),
    index("pathway_plans_case_idx").on(t.caseId, t.status),
  ],
);

export const pathwayPlanReviews = pgTable(
  "pathway_plan_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => pathwayPlans.id),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    notesEnc: text("notes_enc").$type<Sealed>(),
    reviewerUserId: uuid("reviewer_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("pathway_plan_reviews_plan_idx").on(t.planId, t.reviewedOn)],
);

/** A hand-over to another département's team; the sender keeps the case until the receiver accepts. */
export const pathwayTransfers = pgTable(
  "pathway_transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    fromOrganisationId: uuid("from_organisation_id")
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid("to_organisation_id")
      .notNull()
      .references(() => organisations.id),
    fromDepartmentCode: text("from_department_code").notNull(),
    toDepartmentCode: text("to_department_code").notNull(),
    status: text("status").notNull().default("requested"),
    requestedByUserId: uuid("requested_by_user_id")
      .notNull()
      .references(() => users.id),
    /** Summary and contacts, sealed; the snapshot of open measures, deadlines and tracks holds codes only. */
    handoverEnc: text("handover_enc").$type<Sealed>().notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true, precision: 3 }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    declineReasonEnc: text("decline_reason_enc").$type<Sealed>(),
  },
  (t) => [
    check("pathway_transfers_status_check", sql`${t.status} in ('requested', 'accepted', 'declined', 'withdrawn')`),
    // One hand-over in flight per case: a second request while the first waits would split the receivers.
    uniqueIndex("pathway_transfers_one_pending").on(t.caseId).where(sql`${t.status} = 'requested'`),
    index("pathway_transfers_to_idx").on(t.toOrganisationId, t.status),
  ],
);

// ——— Observatory (issue 7) ———

/**
 * A frozen copy of the persons the observatory counts. Every table, cache entry and differencing guard is bound to
 * one snapshot, so that what a user was shown stays comparable; a job takes a new one when the source data moved.
 */
export const observatorySnapshots = pgTable(
  "observatory_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Counts and latest change times of the source tables: a new snapshot is taken only when it differs. */
    sourceFingerprint: text("source_fingerprint").notNull(),
    personCount: integer("person_count").notNull(),
    /** Cases created by the synthetic generator (seed or demo): every view then says "données synthétiques". */
    syntheticCaseCount: integer("synthetic_case_count").notNull(),
    caseCount: integer("case_count").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("observatory_snapshots_created_idx").on(t.createdAt)],
);

/**
 * One row per person (cases confirmed as the same young person share `person_id`) and snapshot: the first year the
 * person reached each victim-status basis, and the categories of the person's observatory dimensions.
 */
export const observatoryPersonFacts = pgTable(
  "observatory_person_facts",
  {
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => observatorySnapshots.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    yearPossible: smallint("year_possible"),
    yearPresumed: smallint("year_presumed"),
    yearIdentified: smallint("year_identified"),
    yearRecognised: smallint("year_recognised"),
    departmentCode: text("department_code").notNull(),
    regionCode: text("region_code").notNull(),
    exploitationFamily: text("exploitation_family").notNull(),
    sex: text("sex").notNull(),
    birthYear: smallint("birth_year"),
    ageAtFirstFacts: smallint("age_at_first_facts"),
    profile: text("profile").notNull(),
    nationalityGroup: text("nationality_group").notNull(),
    recruitmentChannel: text("recruitment_channel").notNull(),
    exploiterRelationship: text("exploiter_relationship").notNull(),
    /** Kept for the research export only (HTCDS-compatible, k-anonymised before it leaves). */
    exploitationFamilies: text("exploitation_families").array().notNull(),
    nationalities: text("nationalities").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.snapshotId, t.personId] }),
    index("observatory_person_facts_possible_idx").on(t.snapshotId, t.yearPossible),
  ],
);

/** Protected tables already computed for a snapshot: dashboards reload them instead of re-running the protection. */
export const observatoryTableCache = pgTable(
  "observatory_table_cache",
  {
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => observatorySnapshots.id, { onDelete: "cascade" }),
    queryKey: text("query_key").notNull(),
    table: jsonb("table").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.queryKey] })],
);

/** D8: what each user has been shown in a snapshot, per frame of dimensions (the differencing guard's state). */
export const observatoryGuardStates = pgTable(
  "observatory_guard_states",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => observatorySnapshots.id, { onDelete: "cascade" }),
    frameKey: text("frame_key").notNull(),
    state: jsonb("state").$type<Record<string, unknown>>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.snapshotId, t.frameKey] })],
);

/** Per-département child-protection indicators, imported as CSV: denominators of rates and the saturation axis. */
export const departmentIndicators = pgTable(
  "department_indicators",
  {
    departmentCode: text("department_code").notNull(),
    year: smallint("year").notNull(),
    populationUnder18: integer("population_under_18"),
    childrenInAseCare: integer("children_in_ase_care"),
    aseRatePer1000Under21: text("ase_rate_per_1000_under_21"),
    unexecutedPlacementDecisions: integer("unexecuted_placement_decisions"),
    occupancyRate: text("occupancy_rate"),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    importedByUserId: uuid("imported_by_user_id").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.departmentCode, t.year] })],
);

/** The yearly survey of associations that do not keep their cases in Repère (MIPROF-style, aggregated figures). */
export const surveyCampaigns = pgTable(
  "survey_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: smallint("year").notNull().unique(),
    status: text("status").notNull().default("open"),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [check("survey_campaigns_status_check", sql`${t.status} in ('open', 'closed', 'consolidated')`)],
);

export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => surveyCampaigns.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    departmentCode: text("department_code").notNull(),
    status: text("status").notNull(),
    /** Aggregated counts only, in the survey's categories: never a person. */
    figures: jsonb("figures").$type<Record<string, number>>().notNull(),
    comment: text("comment"),
    correctionMessage: text("correction_message"),
    submittedByUserId: uuid("submitted_by_user_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (t) => [
    unique("survey_responses_one_per_organisation").on(t.campaignId, t.organisationId),
    check("survey_responses_status_check", sql`${t.status} in ('submitted', 'correction_requested', 'validated')`),
  ],
);

import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

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

import type { Role } from "@shared/roles.ts";
import { and, eq, gt, isNull, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import { auditEvents, caseEmergencyAccesses, caseShares, cases, organisations } from "../db/schema.ts";
import type { UserActor } from "./actor.ts";

// List queries are filtered in SQL by the same rules as policy.ts; policy.test.ts checks they agree on fixtures.

/** Organisations an administrator administers: all when national, else those of their département. */
export function organisationsInAdminScope(actor: UserActor): SQL {
  if (!actor.roles.includes("admin")) return sql`false`;
  if (actor.adminDepartmentCode === null) return sql`true`;
  return eq(organisations.departmentCode, actor.adminDepartmentCode);
}

/** Audit entries an administrator may browse: those of their département, or all for a national administrator. */
export function auditEventsInAdminScope(actor: UserActor): SQL {
  if (!actor.roles.includes("admin")) return sql`false`;
  if (actor.adminDepartmentCode === null) return sql`true`;
  return eq(auditEvents.departmentCode, actor.adminDepartmentCode);
}

const CASE_ROLES: readonly Role[] = [
  "educator",
  "ase_referent",
  "ase_manager",
  "crip_officer",
  "association_worker",
  "prosecutor",
  "juvenile_judge",
  "police_liaison",
];

/**
 * How a scope puts the actor's values into SQL: inline as parameters (the default), or as named placeholders, so that
 * a statement prepared once serves every actor whose scope has the same branches (see `readableCasesShape`).
 */
export interface ScopeValues {
  organisationId: string;
  userId: string;
  departmentCode: string | null;
  now: Date;
}
export type Bind = <K extends keyof ScopeValues>(name: K, value: ScopeValues[K]) => ScopeValues[K] | Placeholder;
const inline: Bind = (_name, value) => value;
export const asPlaceholder: Bind = (name) => sql.placeholder(name);

/** The branches of `casesWithFullAccess` an actor has, each with the condition it adds. */
function fullAccessBranches(actor: UserActor): { name: string; condition: (bind: Bind) => SQL }[] {
  if (!actor.isActive || !actor.roles.some((role) => CASE_ROLES.includes(role))) return [];
  const branches = [
    {
      name: "owner",
      condition: (bind: Bind) => eq(cases.ownerOrganisationId, bind("organisationId", actor.organisationId)),
    },
  ];
  if (actor.roles.includes("educator")) {
    branches.push({
      name: "placement",
      condition: (bind) => eq(cases.placementOrganisationId, bind("organisationId", actor.organisationId)),
    });
  }
  if (actor.roles.includes("ase_referent")) {
    branches.push({ name: "assigned", condition: (bind) => eq(cases.assignedUserId, bind("userId", actor.userId)) });
  }
  const departmentCode = actor.departmentCode;
  if (actor.roles.includes("ase_manager") && actor.organisationType === "ase_service" && departmentCode !== null) {
    branches.push({
      name: "department",
      condition: (bind) => eq(cases.departmentCode, bind("departmentCode", departmentCode) as string),
    });
  }
  return branches;
}

/** Cases the actor works on as their own (policy.ts `hasFullCaseAccess`). */
export function casesWithFullAccess(actor: UserActor, bind: Bind = inline): SQL {
  return or(...fullAccessBranches(actor).map((branch) => branch.condition(bind))) ?? sql`false`;
}

/** Cases the actor may read at `now` (policy.ts `caseAccessOf`): their own, shared with them, or opened in an emergency. */
export function readableCases(actor: UserActor, now: Date, bind: Bind = inline): SQL {
  const branches = fullAccessBranches(actor);
  if (branches.length === 0) return sql`false`;
  const shared = sql`exists (select 1 from ${caseShares} where ${and(
    eq(caseShares.caseId, cases.id),
    isNull(caseShares.revokedAt),
    gt(caseShares.expiresAt, bind("now", now)),
    sql`cardinality(${caseShares.sections}) > 0`,
    or(
      eq(caseShares.organisationId, bind("organisationId", actor.organisationId)),
      eq(caseShares.userId, bind("userId", actor.userId)),
    ),
  )})`;
  const emergency = sql`exists (select 1 from ${caseEmergencyAccesses} where ${and(
    eq(caseEmergencyAccesses.caseId, cases.id),
    eq(caseEmergencyAccesses.userId, bind("userId", actor.userId)),
    gt(caseEmergencyAccesses.expiresAt, bind("now", now)),
  )})`;
  return or(...branches.map((branch) => branch.condition(bind)), shared, emergency) ?? sql`false`;
}

/**
 * What the SQL of `readableCases` depends on besides the values it binds: two actors with the same shape get the
 * same statement text when bound with `asPlaceholder`.
 */
export function readableCasesShape(actor: UserActor): string {
  const branches = fullAccessBranches(actor);
  return branches.length === 0 ? "none" : branches.map((branch) => branch.name).join("+");
}

/** The values `readableCases` binds for this actor, by placeholder name. */
export function scopeValues(actor: UserActor, now: Date): ScopeValues {
  return {
    organisationId: actor.organisationId,
    userId: actor.userId,
    departmentCode: actor.departmentCode,
    now,
  };
}

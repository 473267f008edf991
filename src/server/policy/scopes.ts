import type { Role } from "@shared/roles.ts";
import { and, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
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

/** Cases the actor works on as their own (policy.ts `hasFullCaseAccess`). */
export function casesWithFullAccess(actor: UserActor): SQL {
  if (!actor.isActive || !actor.roles.some((role) => CASE_ROLES.includes(role))) return sql`false`;
  const conditions: SQL[] = [eq(cases.ownerOrganisationId, actor.organisationId)];
  if (actor.roles.includes("educator")) conditions.push(eq(cases.placementOrganisationId, actor.organisationId));
  if (actor.roles.includes("ase_referent")) conditions.push(eq(cases.assignedUserId, actor.userId));
  if (
    actor.roles.includes("ase_manager") &&
    actor.organisationType === "ase_service" &&
    actor.departmentCode !== null
  ) {
    conditions.push(eq(cases.departmentCode, actor.departmentCode));
  }
  return or(...conditions) ?? sql`false`;
}

/** Cases the actor may read at `now` (policy.ts `caseAccessOf`): their own, shared with them, or opened in an emergency. */
export function readableCases(actor: UserActor, now: Date): SQL {
  if (!actor.isActive || !actor.roles.some((role) => CASE_ROLES.includes(role))) return sql`false`;
  const shared = sql`exists (select 1 from ${caseShares} where ${and(
    eq(caseShares.caseId, cases.id),
    isNull(caseShares.revokedAt),
    gt(caseShares.expiresAt, now),
    sql`cardinality(${caseShares.sections}) > 0`,
    or(eq(caseShares.organisationId, actor.organisationId), eq(caseShares.userId, actor.userId)),
  )})`;
  const emergency = sql`exists (select 1 from ${caseEmergencyAccesses} where ${and(
    eq(caseEmergencyAccesses.caseId, cases.id),
    eq(caseEmergencyAccesses.userId, actor.userId),
    gt(caseEmergencyAccesses.expiresAt, now),
  )})`;
  return or(casesWithFullAccess(actor), shared, emergency) ?? sql`false`;
}

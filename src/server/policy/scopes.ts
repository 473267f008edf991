import { eq, type SQL, sql } from "drizzle-orm";
import { auditEvents, organisations } from "../db/schema.ts";
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

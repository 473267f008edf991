import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { organisations, users } from "../db/schema.ts";

export type OrganisationRow = typeof organisations.$inferSelect;

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

/** Users with their organisation, as a panel or a hand-over needs them. */
export function listUsersWithOrganisation(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      isActive: users.isActive,
      organisation: organisations,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(inArray(users.id, [...ids]));
}

/** Active professionals of a département's organisations: who may be asked to sit on a case's review panel. */
export function listActiveUsersOfDepartment(db: Executor, departmentCode: string) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      isActive: users.isActive,
      organisation: organisations,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(eq(organisations.departmentCode, departmentCode), eq(organisations.isActive, true), eq(users.isActive, true)),
    )
    .orderBy(asc(organisations.name), asc(users.displayName))
    .limit(500);
}

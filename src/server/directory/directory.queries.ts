import { DIRECTORY_PAGE_SIZE, type DirectoryOrganisationsQuery } from "@shared/directory.ts";
import type { Role } from "@shared/roles.ts";
import { and, asc, eq, ilike, ne, sql } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { escapeLike } from "../db/like.ts";
import { organisations, users } from "../db/schema.ts";

/** Active organisations a case can go to: every kind but the national coordination, which holds no cases. */
export async function listDirectoryOrganisations(db: Executor, filters: DirectoryOrganisationsQuery) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      departmentCode: organisations.departmentCode,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.isActive, true),
        ne(organisations.type, "national_coordination"),
        filters.q ? ilike(organisations.name, `%${escapeLike(filters.q)}%`) : undefined,
        filters.type ? eq(organisations.type, filters.type) : undefined,
        filters.departmentCode ? eq(organisations.departmentCode, filters.departmentCode) : undefined,
      ),
    )
    .orderBy(asc(organisations.departmentCode), asc(organisations.name))
    .limit(DIRECTORY_PAGE_SIZE);
}

export async function findDirectoryOrganisation(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organisations.id, type: organisations.type })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.isActive, true)));
  return row;
}

/** Active people of an organisation holding one of `roles`, by display name. */
export async function listOrganisationMembers(db: Executor, organisationId: string, roles: readonly Role[]) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.isActive, true),
        sql`${users.roles} && ${sql.param([...roles])}::text[]`,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(500);
}

import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { escapeLike } from "../db/like.ts";
import { loginThrottle, organisations, users } from "../db/schema.ts";

export async function listOrganisations(db: Executor, scope: SQL, filters: { q?: string; departmentCode?: string }) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      departmentCode: organisations.departmentCode,
      isActive: organisations.isActive,
      version: organisations.version,
      userCount: count(users.id),
    })
    .from(organisations)
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .where(
      and(
        scope,
        filters.q ? ilike(organisations.name, `%${escapeLike(filters.q)}%`) : undefined,
        filters.departmentCode ? eq(organisations.departmentCode, filters.departmentCode) : undefined,
      ),
    )
    .groupBy(organisations.id)
    .orderBy(asc(organisations.departmentCode), asc(organisations.name))
    .limit(500);
}

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisation(db: Executor, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error("organisation not inserted");
  return row;
}

/** Updates only when the version is still the one the editor saw; undefined means someone else saved first. */
export async function updateOrganisationVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning();
  return row;
}

// The lockout is kept per e-mail hash (see login_throttle); the same hash computed in SQL shows it beside the user.
const lockedUntil = sql<Date | null>`(
  select ${loginThrottle.lockedUntil} from ${loginThrottle}
  where ${loginThrottle.emailHash} = encode(sha256(convert_to('repere-login:' || ${users.email}, 'UTF8')), 'hex')
    and ${loginThrottle.lockedUntil} > now()
)`;

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  roles: users.roles,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  departmentCode: organisations.departmentCode,
  adminDepartmentCode: users.adminDepartmentCode,
  isActive: users.isActive,
  totpEnabledAt: users.totpEnabledAt,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  lockedUntil,
};

export async function listUsers(
  db: Executor,
  scope: SQL,
  filters: { q?: string; departmentCode?: string; organisationId?: string },
) {
  const q = filters.q ? `%${escapeLike(filters.q)}%` : undefined;
  return db
    .select(userColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        scope,
        q ? or(ilike(users.displayName, q), ilike(users.email, q)) : undefined,
        filters.departmentCode ? eq(organisations.departmentCode, filters.departmentCode) : undefined,
        filters.organisationId ? eq(users.organisationId, filters.organisationId) : undefined,
      ),
    )
    .orderBy(asc(organisations.name), asc(users.displayName))
    .limit(500);
}

export async function findUserRow(db: Executor, id: string) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return row;
}

export async function emailExists(db: Executor, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row !== undefined;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  if (!row) throw new Error("user not inserted");
  return row;
}

export async function updateUserVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return row;
}

export async function updateUser(db: Executor, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
}

import { randomBytes } from "node:crypto";
import { findDepartment } from "@shared/departments.ts";
import type { OrganisationType, Role } from "@shared/roles.ts";
import { and, asc, eq, inArray } from "drizzle-orm";
import { hashPassword } from "../auth/passwords.ts";
import type { Executor } from "../db/connection.ts";
import { organisations, users } from "../db/schema.ts";

/** An organisation seeded cases are recorded by, and the person who records them there. */
export interface SeedAuthor {
  organisationId: string;
  userId: string;
}

/** Who holds, hosts and receives the seeded cases of one département. */
export interface SeedDepartmentRefs {
  ase: SeedAuthor;
  crip: SeedAuthor;
  /** Where young people placed in an establishment live: its educators see their cases. */
  foyerOrganisationId: string;
  /** Partners that already exist in the département; cases are shared with them, never are they created. */
  partners: Partial<Record<"association" | "police_unit" | "court_prosecution" | "court_juvenile", string>>;
  /**
   * Accounts that already exist in those partners, who record the steps only they may take on the pathway (an OPP,
   * the juvenile judge's seisin). Never created: where a département has none, its seeded cases do not take them.
   */
  partnerUsers: Partial<Record<"prosecutor" | "judge" | "police", SeedAuthor>>;
}

export interface SeedOrganisationsResult {
  departments: Map<string, SeedDepartmentRefs>;
  organisationsCreated: number;
  usersCreated: number;
}

const PARTNER_TYPES = ["association", "police_unit", "court_prosecution", "court_juvenile"] as const;
const PARTNER_ROLES = [
  ["prosecutor", "court_prosecution", "prosecutor"],
  ["judge", "court_juvenile", "juvenile_judge"],
  ["police", "police_unit", "police_liaison"],
] as const satisfies readonly (readonly [
  keyof SeedDepartmentRefs["partnerUsers"],
  (typeof PARTNER_TYPES)[number],
  Role,
])[];

const NAMES: Record<"ase_service" | "crip" | "establishment", (label: string) => string> = {
  ase_service: (label) => `ASE — ${label}`,
  crip: (label) => `CRIP — ${label}`,
  establishment: (label) => `Foyer de l'enfance — ${label}`,
};

/** The oldest active organisation of each type per département: an existing one is always preferred. */
async function listExistingOrganisations(db: Executor, departmentCodes: readonly string[]) {
  const rows = await db
    .select({ id: organisations.id, type: organisations.type, departmentCode: organisations.departmentCode })
    .from(organisations)
    .where(and(inArray(organisations.departmentCode, [...departmentCodes]), eq(organisations.isActive, true)))
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
  const found = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.departmentCode}|${row.type}`;
    if (!found.has(key)) found.set(key, row.id);
  }
  return found;
}

/** The oldest active holder of each role per organisation, for all the organisations at once. */
async function listExistingAuthors(db: Executor, organisationIds: readonly string[], roles: readonly Role[]) {
  const found = new Map<string, string>();
  if (organisationIds.length === 0) return found;
  const rows = await db
    .select({ id: users.id, organisationId: users.organisationId, roles: users.roles })
    .from(users)
    .where(and(inArray(users.organisationId, [...organisationIds]), eq(users.isActive, true)))
    .orderBy(asc(users.createdAt), asc(users.id));
  for (const row of rows) {
    for (const role of roles) {
      const key = `${row.organisationId}|${role}`;
      if (row.roles.includes(role) && !found.has(key)) found.set(key, row.id);
    }
  }
  return found;
}

/**
 * Makes sure every département has an ASE service with a referent, a CRIP with an officer and a foyer, creating
 * only what is missing. Created accounts carry an unknown random password and must change it: nobody signs in
 * with them until an administrator resets it.
 */
export async function ensureSeedOrganisations(
  db: Executor,
  departmentCodes: readonly string[],
): Promise<SeedOrganisationsResult> {
  const existing = await listExistingOrganisations(db, departmentCodes);
  let organisationsCreated = 0;
  let usersCreated = 0;
  let passwordHash: string | undefined;

  const organisationOf = async (departmentCode: string, type: keyof typeof NAMES) => {
    const found = existing.get(`${departmentCode}|${type}`);
    if (found) return found;
    const label = `${findDepartment(departmentCode)?.name ?? departmentCode} (${departmentCode})`;
    const [row] = await db
      .insert(organisations)
      .values({ name: NAMES[type](label), type, departmentCode })
      .returning({ id: organisations.id });
    if (!row) throw new Error("organisation not inserted");
    organisationsCreated++;
    return row.id;
  };

  const userOf = async (organisationId: string, departmentCode: string, role: Role, title: string) => {
    const found = authors.get(`${organisationId}|${role}`);
    if (found) return found;
    passwordHash ??= await hashPassword(randomBytes(24).toString("base64url"));
    const [row] = await db
      .insert(users)
      .values({
        organisationId,
        email: `${role.replace("_", "-")}.${departmentCode.toLowerCase()}@seed.repere.invalid`,
        displayName: `${title} (${departmentCode})`,
        passwordHash,
        roles: [role],
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (!row) throw new Error("user not inserted");
    usersCreated++;
    return row.id;
  };

  const holders = new Map<string, { aseId: string; cripId: string; foyerId: string }>();
  for (const code of departmentCodes) {
    holders.set(code, {
      aseId: await organisationOf(code, "ase_service"),
      cripId: await organisationOf(code, "crip"),
      foyerId: await organisationOf(code, "establishment"),
    });
  }
  const authors = await listExistingAuthors(
    db,
    [...holders.values()].flatMap((h) => [h.aseId, h.cripId]),
    ["ase_referent", "crip_officer"],
  );

  const partnerIds = departmentCodes.flatMap((code) =>
    PARTNER_TYPES.flatMap((type) => existing.get(`${code}|${type}`) ?? []),
  );
  const partnerAuthors = await listExistingAuthors(db, partnerIds, ["prosecutor", "juvenile_judge", "police_liaison"]);

  const departments = new Map<string, SeedDepartmentRefs>();
  for (const [code, { aseId, cripId, foyerId }] of holders) {
    const partners: SeedDepartmentRefs["partners"] = {};
    for (const type of PARTNER_TYPES) {
      const id = existing.get(`${code}|${type satisfies OrganisationType}`);
      if (id) partners[type] = id;
    }
    const partnerUsers: SeedDepartmentRefs["partnerUsers"] = {};
    for (const [key, type, role] of PARTNER_ROLES) {
      const organisationId = partners[type];
      const userId = organisationId && partnerAuthors.get(`${organisationId}|${role}`);
      if (organisationId && userId) partnerUsers[key] = { organisationId, userId };
    }
    departments.set(code, {
      ase: { organisationId: aseId, userId: await userOf(aseId, code, "ase_referent", "Référent ASE") },
      crip: { organisationId: cripId, userId: await userOf(cripId, code, "crip_officer", "Agent CRIP") },
      foyerOrganisationId: foyerId,
      partners,
      partnerUsers,
    });
  }
  return { departments, organisationsCreated, usersCreated };
}

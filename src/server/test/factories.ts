import { randomUUID } from "node:crypto";
import { CreateCaseInput } from "@shared/cases.ts";
import { type OrganisationType, ROLES_BY_ORGANISATION_TYPE, type Role, requiresTotp } from "@shared/roles.ts";
import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/passwords.ts";
import { newTotpSecret, totpAad } from "../auth/totp.ts";
import { createCase } from "../cases/cases.service.ts";
import type { AppContext } from "../context.ts";
import { organisations, users } from "../db/schema.ts";
import { seal } from "../keys/secret-box.ts";
import type { UserActor } from "../policy/actor.ts";

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organisationId: string;
  departmentCode: string | null;
  roles: Role[];
  totpSecret: string | null;
}

export interface TestOrganisation {
  id: string;
  type: OrganisationType;
  departmentCode: string | null;
}

/** The natural home of each role, so `make.user({ roles: ["prosecutor"] })` lands in a court. */
const HOME_TYPE: Record<Role, OrganisationType> = {
  educator: "establishment",
  ase_referent: "ase_service",
  ase_manager: "ase_service",
  crip_officer: "crip",
  association_worker: "association",
  prosecutor: "court_prosecution",
  juvenile_judge: "court_juvenile",
  police_liaison: "police_unit",
  national_analyst: "national_coordination",
  admin: "ase_service",
};

// Hashing with argon2 costs ~30 ms: every test user shares one password hash.
const PASSWORD = "mot-de-passe-de-test-1";
let passwordHash: Promise<string> | undefined;

export function factories(ctx: AppContext) {
  const organisation = async (
    o: Partial<TestOrganisation> & { name?: string; isActive?: boolean } = {},
  ): Promise<TestOrganisation> => {
    const type = o.type ?? "ase_service";
    const departmentCode =
      type === "national_coordination" ? null : o.departmentCode === undefined ? "93" : o.departmentCode;
    const [row] = await ctx.db
      .insert(organisations)
      .values({
        name: o.name ?? `Organisation ${randomUUID().slice(0, 6)}`,
        type,
        departmentCode,
        isActive: o.isActive ?? true,
      })
      .returning();
    if (!row) throw new Error("organisation not created");
    return { id: row.id, type, departmentCode };
  };

  const user = async (
    u: {
      roles?: Role[];
      organisationId?: string;
      departmentCode?: string | null;
      adminDepartmentCode?: string | null;
      email?: string;
      isActive?: boolean;
      mustChangePassword?: boolean;
      withTotp?: boolean;
    } = {},
  ): Promise<TestUser> => {
    const roles = u.roles ?? ["ase_referent"];
    const firstRole = roles[0] ?? "ase_referent";
    let org: TestOrganisation;
    if (u.organisationId) {
      const [row] = await ctx.db.select().from(organisations).where(eq(organisations.id, u.organisationId));
      if (!row) throw new Error("no such organisation");
      org = { id: row.id, type: row.type as OrganisationType, departmentCode: row.departmentCode };
    } else {
      const type =
        roles.includes("admin") && u.departmentCode === null ? "national_coordination" : HOME_TYPE[firstRole];
      org = await organisation({ type, departmentCode: u.departmentCode });
    }
    if (!roles.every((r) => ROLES_BY_ORGANISATION_TYPE[org.type].includes(r))) {
      throw new Error(`roles ${roles} do not fit an organisation of type ${org.type}`);
    }
    passwordHash ??= hashPassword(PASSWORD);
    const id = randomUUID();
    const withTotp = u.withTotp ?? requiresTotp(roles);
    const totpSecret = withTotp ? newTotpSecret() : null;
    const email = u.email ?? `${firstRole}-${id.slice(0, 8)}@test.repere.local`;
    await ctx.db.insert(users).values({
      id,
      organisationId: org.id,
      email,
      displayName: `Agent ${id.slice(0, 4)}`,
      passwordHash: await passwordHash,
      roles,
      adminDepartmentCode: roles.includes("admin")
        ? u.adminDepartmentCode !== undefined
          ? u.adminDepartmentCode
          : org.departmentCode
        : null,
      isActive: u.isActive ?? true,
      mustChangePassword: u.mustChangePassword ?? false,
      totpSecretEnc: totpSecret ? seal(ctx.keys.data, totpSecret, totpAad(id)) : null,
      totpEnabledAt: totpSecret ? new Date() : null,
    });
    return {
      id,
      email,
      password: PASSWORD,
      organisationId: org.id,
      departmentCode: org.departmentCode,
      roles,
      totpSecret,
    };
  };

  /** The service's view of a test user, for calling services directly. */
  const actorFor = async (u: TestUser): Promise<UserActor> => {
    const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, u.organisationId));
    if (!org) throw new Error("no such organisation");
    return {
      kind: "user",
      userId: u.id,
      organisationId: u.organisationId,
      organisationType: org.type as OrganisationType,
      departmentCode: org.departmentCode,
      roles: u.roles,
      adminDepartmentCode: u.roles.includes("admin") ? org.departmentCode : null,
      isActive: true,
      sessionId: null,
      requestId: null,
    };
  };

  /** A case created through the service by `owner` (by default a new ASE referent in the 93). */
  const caseFile = async (
    c: {
      owner?: TestUser;
      departmentCode?: string;
      identity?: Partial<CreateCaseInput["identity"]>;
      profile?: CreateCaseInput["profile"];
    } = {},
  ) => {
    const owner = c.owner ?? (await user({ roles: ["ase_referent"], departmentCode: c.departmentCode ?? "93" }));
    const input = CreateCaseInput.parse({
      departmentCode: c.departmentCode,
      identity: {
        surname: `Nom${randomUUID().slice(0, 6)}`,
        firstNames: "Prénom",
        birthDate: "2010-05-14",
        ...c.identity,
      },
      profile: c.profile ?? {},
    });
    const { view } = await createCase(ctx, await actorFor(owner), input);
    return {
      id: view.id,
      number: view.number,
      version: view.version,
      owner,
      ownerOrganisationId: owner.organisationId,
      departmentCode: view.departmentCode,
    };
  };

  return { organisation, user, actorFor, case: caseFile };
}

export type Factories = ReturnType<typeof factories>;

import { randomBytes } from "node:crypto";
import type { OrganisationType, Role } from "@shared/roles.ts";
import { requiresTotp } from "@shared/roles.ts";
import { count } from "drizzle-orm";
import { recordAudit } from "../audit/record.ts";
import { hashPassword } from "../auth/passwords.ts";
import { newTotpSecret, totpAad, totpUri } from "../auth/totp.ts";
import type { AppContext } from "../context.ts";
import { organisations, users } from "../db/schema.ts";
import { seal } from "../keys/secret-box.ts";
import { systemActor } from "../policy/actor.ts";

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
  organisation: string;
  totpSecret: string | null;
  otpauthUri: string | null;
}

// The demo is set in Seine-Saint-Denis (93), with a second département (75) so that need-to-know is visible.
const DEMO_ORGANISATIONS: { key: string; name: string; type: OrganisationType; departmentCode: string | null }[] = [
  { key: "ase93", name: "ASE de Seine-Saint-Denis", type: "ase_service", departmentCode: "93" },
  { key: "crip93", name: "CRIP de Seine-Saint-Denis", type: "crip", departmentCode: "93" },
  { key: "foyer93", name: "Foyer Les Tilleuls (Montreuil)", type: "establishment", departmentCode: "93" },
  { key: "asso93", name: "Association Horizon Jeunes", type: "association", departmentCode: "93" },
  {
    key: "parquet93",
    name: "Parquet de Bobigny — section des mineurs",
    type: "court_prosecution",
    departmentCode: "93",
  },
  { key: "je93", name: "Tribunal pour enfants de Bobigny", type: "court_juvenile", departmentCode: "93" },
  { key: "police93", name: "Brigade de protection des familles (93)", type: "police_unit", departmentCode: "93" },
  {
    key: "national",
    name: "Coordination nationale de lutte contre la traite",
    type: "national_coordination",
    departmentCode: null,
  },
  { key: "ase75", name: "ASE de Paris", type: "ase_service", departmentCode: "75" },
];

const DEMO_USERS: { role: Role; org: string; email: string; name: string }[] = [
  { role: "educator", org: "foyer93", email: "educatrice@demo.repere.fr", name: "Nadia Benmoussa" },
  { role: "ase_referent", org: "ase93", email: "referent@demo.repere.fr", name: "Karim Diallo" },
  { role: "ase_manager", org: "ase93", email: "responsable@demo.repere.fr", name: "Hélène Marchand" },
  { role: "crip_officer", org: "crip93", email: "crip@demo.repere.fr", name: "Sophie Lefèvre" },
  { role: "association_worker", org: "asso93", email: "association@demo.repere.fr", name: "Awa Traoré" },
  { role: "prosecutor", org: "parquet93", email: "parquet@demo.repere.fr", name: "Inès Benali" },
  { role: "juvenile_judge", org: "je93", email: "juge@demo.repere.fr", name: "Claire Roux" },
  { role: "police_liaison", org: "police93", email: "police@demo.repere.fr", name: "Julien Martin" },
  { role: "national_analyst", org: "national", email: "analyste@demo.repere.fr", name: "Claire Moreau" },
  { role: "admin", org: "ase93", email: "admin@demo.repere.fr", name: "Paul Girard" },
];

export async function hasAnyUser(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) > 0;
}

/**
 * Demo organisations and one account per role, each with its own random password (never a shared default that
 * could survive into production). Roles that require a second factor come enrolled, with their secret returned.
 */
export async function seedDemoAccounts(ctx: AppContext): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  await ctx.db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: o.name, type: o.type, departmentCode: o.departmentCode })
        .returning();
      if (row) orgIds.set(o.key, row.id);
    }
    for (const u of DEMO_USERS) {
      const password = `demo-${randomBytes(6).toString("base64url")}`;
      const id = crypto.randomUUID();
      const totpSecret = requiresTotp([u.role]) ? newTotpSecret() : null;
      const organisationId = orgIds.get(u.org);
      if (!organisationId) throw new Error(`demo organisation ${u.org} missing`);
      const organisation = DEMO_ORGANISATIONS.find((o) => o.key === u.org);
      await tx.insert(users).values({
        id,
        organisationId,
        email: u.email,
        displayName: u.name,
        passwordHash: await hashPassword(password),
        roles: [u.role],
        adminDepartmentCode: u.role === "admin" ? (organisation?.departmentCode ?? null) : null,
        totpSecretEnc: totpSecret ? seal(ctx.keys.data, totpSecret, totpAad(id)) : null,
        totpEnabledAt: totpSecret ? new Date() : null,
      });
      logins.push({
        role: u.role,
        email: u.email,
        password,
        organisation: organisation?.name ?? "",
        totpSecret,
        otpauthUri: totpSecret ? totpUri(totpSecret, u.email) : null,
      });
    }
    await recordAudit(tx, ctx.keys.audit, systemActor("demo-seed"), {
      action: "system.demo_seed",
      details: { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length },
    });
  });
  return logins;
}

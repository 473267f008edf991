import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { hashPassword } from "../src/server/auth/passwords.ts";
import type { AppContext } from "../src/server/context.ts";
import { organisations, users } from "../src/server/db/schema.ts";
import type { UserActor } from "../src/server/policy/actor.ts";

export interface BenchUser {
  email: string;
  password: string;
  actor: UserActor;
}

/**
 * An ASE manager of Seine-Saint-Denis, the département with the most synthetic cases: they see all of them, so
 * the list queries scan the largest scope a département user has. Created with a known password to sign in.
 */
export async function createBenchUser(ctx: AppContext): Promise<BenchUser> {
  const [ase] = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.type, "ase_service"), eq(organisations.departmentCode, "93")))
    .limit(1);
  if (!ase) throw new Error("no ASE service in 93: seed first");
  const password = randomBytes(12).toString("base64url");
  const email = `bench-${randomBytes(4).toString("hex")}@bench.repere.invalid`;
  const [user] = await ctx.db
    .insert(users)
    .values({
      organisationId: ase.id,
      email,
      displayName: "Banc d'essai",
      passwordHash: await hashPassword(password),
      roles: ["ase_manager"],
    })
    .returning({ id: users.id });
  if (!user) throw new Error("bench user not created");
  return {
    email,
    password,
    actor: {
      kind: "user",
      userId: user.id,
      organisationId: ase.id,
      organisationType: "ase_service",
      departmentCode: "93",
      roles: ["ase_manager"],
      adminDepartmentCode: null,
      isActive: true,
      sessionId: null,
      requestId: null,
    },
  };
}

import type { Role } from "@shared/roles.ts";
import { describe, expect, it } from "vitest";
import { users } from "../db/schema.ts";
import { testApp } from "../test/test-app.ts";
import { seedDemoAccounts } from "./demo-accounts.ts";
import { seedDemoCases } from "./demo-cases.ts";

const CASE_ROLES: Role[] = [
  "educator",
  "ase_referent",
  "ase_manager",
  "crip_officer",
  "association_worker",
  "prosecutor",
  "juvenile_judge",
  "police_liaison",
];

describe("demo cases", () => {
  it("give every demo account with a case role some cases to list through the API", { timeout: 180_000 }, async () => {
    const { ctx, api } = await testApp();
    await seedDemoAccounts(ctx);
    const summary = await seedDemoCases(ctx);
    expect(summary.inserted).toBe(300);
    const accounts = await ctx.db.select().from(users);
    for (const role of CASE_ROLES) {
      const account = accounts.find((u) => u.roles.includes(role) && u.email.endsWith("@demo.repere.fr"));
      if (!account) throw new Error(`no demo account for ${role}`);
      const res = await api
        .as({
          id: account.id,
          email: account.email,
          password: "",
          organisationId: account.organisationId,
          departmentCode: "93",
          roles: [role],
          totpSecret: null,
        })
        .get("/api/cases?limit=100");
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
      expect({ role, listed: res.json().items.length > 0 }).toEqual({ role, listed: true });
    }
  });
});

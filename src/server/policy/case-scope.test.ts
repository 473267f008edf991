import { inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCase } from "../cases/load-case.ts";
import { caseEmergencyAccesses, caseShares, cases } from "../db/schema.ts";
import { testApp } from "../test/test-app.ts";
import { can } from "./policy.ts";
import { readableCases } from "./scopes.ts";

// Booting PGlite takes seconds on a busy machine: not a test's time.
beforeAll(async () => {
  await testApp();
}, 120_000);

describe("case scope", () => {
  it("selects in SQL exactly the cases policy.ts lets each actor read", async () => {
    const { ctx, make } = await testApp();
    const now = ctx.now();
    const foyer = await make.organisation({ type: "establishment", departmentCode: "93" });
    const police = await make.organisation({ type: "police_unit", departmentCode: "93" });
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const otherReferent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const manager93 = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    const manager75 = await make.user({ roles: ["ase_manager"], departmentCode: "75" });
    const educator = await make.user({ roles: ["educator"], organisationId: foyer.id });
    const officer = await make.user({ roles: ["police_liaison"], organisationId: police.id });
    const judge = await make.user({ roles: ["juvenile_judge"], departmentCode: "93" });
    const crip = await make.user({ roles: ["crip_officer"], departmentCode: "75" });
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });
    const admin = await make.user({ roles: ["admin"], departmentCode: "93" });
    const placement = {
      type: "establishment" as const,
      legalBasis: "judicial" as const,
      departmentCode: "93",
      establishmentOrganisationId: foyer.id,
    };
    const fixtures = [
      await make.case({ owner: referent }),
      await make.case({ owner: referent, profile: { asePlacement: placement } }),
      await make.case({ owner: otherReferent }),
      await make.case({ departmentCode: "75" }),
      await make.case({ departmentCode: "75" }),
      await make.case({ departmentCode: "75" }),
    ];
    const [, , assigned, sharedActive, sharedExpired, emergency] = fixtures as [
      never,
      never,
      (typeof fixtures)[0],
      (typeof fixtures)[0],
      (typeof fixtures)[0],
      (typeof fixtures)[0],
    ];
    await ctx.db
      .update(cases)
      .set({ assignedUserId: referent.id })
      .where(inArray(cases.id, [assigned.id]));
    const day = 86_400_000;
    await ctx.db.insert(caseShares).values([
      {
        caseId: sharedActive.id,
        organisationId: police.id,
        purpose: "investigation",
        legalBasis: "judicial_request",
        sections: ["profile"],
        expiresAt: new Date(now.getTime() + day),
        createdAt: now,
      },
      {
        caseId: sharedActive.id,
        userId: judge.id,
        purpose: "judicial_decision",
        legalBasis: "judicial_request",
        sections: ["timeline"],
        expiresAt: new Date(now.getTime() + day),
        createdAt: now,
      },
      {
        caseId: sharedExpired.id,
        organisationId: police.id,
        purpose: "investigation",
        legalBasis: "judicial_request",
        sections: ["profile"],
        expiresAt: new Date(now.getTime() - day),
        createdAt: now,
      },
      {
        caseId: sharedExpired.id,
        userId: judge.id,
        purpose: "judicial_decision",
        legalBasis: "judicial_request",
        sections: ["profile"],
        expiresAt: new Date(now.getTime() + day),
        createdAt: now,
        revokedAt: now,
      },
    ]);
    await ctx.db.insert(caseEmergencyAccesses).values({
      caseId: emergency.id,
      userId: crip.id,
      organisationId: crip.organisationId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + day),
    });

    const ids = fixtures.map((f) => f.id);
    const expected: Record<string, number[]> = {};
    for (const user of [
      referent,
      otherReferent,
      manager93,
      manager75,
      educator,
      officer,
      judge,
      crip,
      analyst,
      admin,
    ]) {
      const actor = await make.actorFor(user);
      const inSql = (await ctx.db.select({ id: cases.id }).from(cases).where(readableCases(actor, now)))
        .map((r) => r.id)
        .filter((id) => ids.includes(id));
      const byPolicy: string[] = [];
      for (const id of ids) {
        const loaded = await loadCase(ctx, ctx.db, id);
        if (loaded && can(actor, "case.read", loaded.target)) byPolicy.push(id);
      }
      expect(new Set(inSql), user.roles.join()).toEqual(new Set(byPolicy));
      expected[user.roles.join() + (user === otherReferent ? "2" : user === manager75 ? "75" : "")] = byPolicy
        .map((id) => ids.indexOf(id))
        .sort();
    }
    // And the fixtures exercise every rule: ownership, placement, assignment, département, shares, emergency.
    expect(expected).toMatchObject({
      ase_referent: [0, 1, 2],
      ase_referent2: [2],
      educator: [1],
      police_liaison: [3],
      juvenile_judge: [3],
      crip_officer: [5],
      national_analyst: [],
      admin: [],
    });
    // An ASE manager sees every case of their département, whichever ASE service owns it.
    expect(expected.ase_manager).toEqual([0, 1, 2]);
    expect(expected.ase_manager75).toEqual([3, 4, 5]);
  }, 90_000);
});

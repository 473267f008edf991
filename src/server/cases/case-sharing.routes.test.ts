import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, caseIdentities, caseLinkProposals, cases, caseTimelineEntries } from "../db/schema.ts";
import { systemActor } from "../policy/actor.ts";
import { testApp } from "../test/test-app.ts";
import { anonymiseClosedCases } from "./case-retention.ts";

// Booting PGlite takes seconds on a busy machine: not a test's time.
beforeAll(async () => {
  await testApp();
}, 120_000);

const HOUR = 3_600_000;

describe("sharing", () => {
  it("shows a shared case to police with the shared sections only, until the share expires or is revoked", async () => {
    const { api, ctx, make, setNow } = await testApp();
    const caseFile = await make.case({ profile: { gender: "female" } });
    const officer = await make.user({ roles: ["police_liaison"], departmentCode: "93" });
    const owner = api.as(caseFile.owner);
    expect((await api.as(officer).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
    const missingParents = await owner.post(`/api/cases/${caseFile.id}/shares`, {
      organisationId: officer.organisationId,
      purpose: "investigation",
      legalBasis: "shared_professional_secrecy",
      sections: ["profile"],
      expiresOn: "2099-01-01",
    });
    expect(missingParents.status).toBe(400);
    const expiresOn = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
    const share = await owner.post(`/api/cases/${caseFile.id}/shares`, {
      organisationId: officer.organisationId,
      purpose: "investigation",
      legalBasis: "shared_professional_secrecy",
      sections: ["profile"],
      expiresOn,
      parentalAuthorityInformed: false,
      parentalNotInformedReason: "parents_involved_in_exploitation",
    });
    expect(share.status).toBe(201);
    const seen = await api.as(officer).get(`/api/cases/${caseFile.id}`);
    expect(seen.status).toBe(200);
    expect(seen.json()).toMatchObject({ access: "shared", sections: ["profile"], profile: { gender: "female" } });
    expect(seen.json().can).not.toContain("case.update");
    expect((await api.as(officer).post(`/api/cases/${caseFile.id}/identity/reveal`)).status).toBe(403);
    expect((await api.as(officer).get(`/api/cases/${caseFile.id}/timeline`)).status).toBe(403);
    const list = (await api.as(officer).get("/api/cases")).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([caseFile.id]);
    expect(list.items[0]).toMatchObject({ access: "shared", gender: "female" });
    const reads = await ctx.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.caseId, caseFile.id),
          eq(auditEvents.action, "case.read"),
          eq(auditEvents.actorUserId, officer.id),
        ),
      );
    expect(reads).toHaveLength(1);

    setNow(new Date(Date.now() + 5 * 24 * HOUR));
    expect((await api.as(officer).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
    setNow(null);
    expect((await api.as(officer).get(`/api/cases/${caseFile.id}`)).status).toBe(200);
    const revoked = await owner.post(`/api/cases/${caseFile.id}/shares/${share.json().id}/revoke`);
    expect(revoked.json().isActive).toBe(false);
    expect((await api.as(officer).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
  }, 90_000);

  it("never shows a case to national roles, nor to another département", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });
    const elsewhere = await make.user({ roles: ["ase_manager"], departmentCode: "75" });
    const sameDepartment = await make.user({ roles: ["ase_manager"], departmentCode: "93" });
    expect((await api.as(analyst).get(`/api/cases/${caseFile.id}`)).status).toBe(403);
    expect((await api.as(elsewhere).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
    expect(
      (await api.as(elsewhere).post(`/api/cases/${caseFile.id}/close`, { version: 1, reason: "lost_contact" })).status,
    ).toBe(404);
    expect((await api.as(sameDepartment).get(`/api/cases/${caseFile.id}`)).status).toBe(200);
  });

  it("transfers a case to another département's ASE, keeping its number and history", async () => {
    const { api, make } = await testApp();
    const caseFile = await make.case();
    const lyon = await make.user({ roles: ["ase_referent"], departmentCode: "69" });
    const res = await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/transfer`, {
      version: caseFile.version,
      organisationId: lyon.organisationId,
    });
    expect(res.status).toBe(200);
    expect(res.json().case).toBeNull();
    const seen = await api.as(lyon).get(`/api/cases/${caseFile.id}`);
    expect(seen.json()).toMatchObject({
      number: caseFile.number,
      departmentCode: "69",
      ownerOrganisation: { id: lyon.organisationId },
    });
    const kinds = (await api.as(lyon).get(`/api/cases/${caseFile.id}/timeline`))
      .json()
      .map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(["created", "transferred"]);
    expect((await api.as(caseFile.owner).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
  });
});

describe("emergency access", () => {
  it("opens a case for four hours with a written reason, tells the owners, and lists it for review", async () => {
    const { api, ctx, make, setNow } = await testApp();
    const caseFile = await make.case();
    const manager = await make.user({ roles: ["ase_manager"], organisationId: caseFile.ownerOrganisationId });
    const educator = await make.user({ roles: ["educator"], departmentCode: "75" });
    const short = await api
      .as(educator)
      .post("/api/cases/emergency-access", { caseNumber: caseFile.number, reason: "urgent" });
    expect(short.status).toBe(400);
    const reason = "Jeune retrouvée cette nuit au foyer, référent injoignable, besoin des contacts.";
    const grant = await api.as(educator).post("/api/cases/emergency-access", { caseNumber: caseFile.number, reason });
    expect(grant.status).toBe(201);
    const view = await api.as(educator).get(`/api/cases/${caseFile.id}`);
    expect(view.json()).toMatchObject({ access: "emergency" });
    const listed = (await api.as(educator).get("/api/cases")).json();
    expect(listed.items.find((c: { id: string }) => c.id === caseFile.id)).toMatchObject({ access: "emergency" });
    expect((await api.as(educator).post(`/api/cases/${caseFile.id}/identity/reveal`)).status).toBe(200);
    expect((await api.as(educator).patch(`/api/cases/${caseFile.id}`, { version: 1, profile: {} })).status).toBe(403);
    const alert = await ctx.db
      .select({ kind: caseTimelineEntries.kind })
      .from(caseTimelineEntries)
      .where(and(eq(caseTimelineEntries.caseId, caseFile.id), eq(caseTimelineEntries.kind, "emergency_access")));
    expect(alert).toHaveLength(1);
    const review = (await api.as(manager).get("/api/cases/emergency-accesses?unreviewed=true")).json();
    expect(review).toEqual([
      expect.objectContaining({
        caseNumber: caseFile.number,
        reason,
        user: expect.objectContaining({ id: educator.id }),
      }),
    ]);
    const reviewed = await api.as(manager).post(`/api/cases/emergency-accesses/${review[0].id}/review`);
    expect(reviewed.json().reviewedBy.id).toBe(manager.id);
    setNow(new Date(Date.now() + 4 * HOUR + 60_000));
    expect((await api.as(educator).get(`/api/cases/${caseFile.id}`)).status).toBe(404);
    setNow(null);
  });
});

describe("duplicates across organisations", () => {
  it("proposes a link without disclosure, and remembers a rejection", async () => {
    const { api, ctx, make } = await testApp();
    const first = await make.case({
      identity: { surname: "Traoré", firstNames: "Awa Mariam", birthDate: "2008-07-01" },
    });
    const association = await make.user({ roles: ["association_worker"], departmentCode: "75" });
    const res = await api.as(association).post("/api/cases", {
      departmentCode: "75",
      identity: { surname: "TRAORE", firstNames: "Mariam-Awa", birthDate: "2008-07-01" },
    });
    expect(res.json().linkProposalCount).toBe(1);
    const mine = (await api.as(association).get("/api/cases/link-proposals")).json();
    expect(mine).toEqual([
      expect.objectContaining({
        status: "pending",
        myCase: { id: res.json().id, number: res.json().number },
        otherCase: { organisationType: "ase_service", departmentCode: "93" },
        matchedKeys: ["full_name", "birth_date"],
      }),
    ]);
    expect(JSON.stringify(mine)).not.toContain(first.number);
    expect(JSON.stringify(mine)).not.toContain(first.id);
    const theirs = (await api.as(first.owner).get("/api/cases/link-proposals")).json();
    expect(theirs[0].myCase.id).toBe(first.id);
    const rejected = await api.as(first.owner).post(`/api/cases/link-proposals/${theirs[0].id}/reject`);
    expect(rejected.json().status).toBe("rejected");
    expect((await api.as(association).post(`/api/cases/link-proposals/${theirs[0].id}/confirm`)).json().code).toBe(
      "link_already_decided",
    );
    // Editing the identity again finds the same match, but the pair is never proposed again.
    await api.as(association).patch(`/api/cases/${res.json().id}/identity`, {
      version: res.json().version,
      identity: { surname: "Traoré", firstNames: "Awa", birthDate: "2008-07-01" },
    });
    const pairs = await ctx.db
      .select()
      .from(caseLinkProposals)
      .where(eq(caseLinkProposals.caseBId, theirs[0].myCase.id > res.json().id ? theirs[0].myCase.id : res.json().id));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.status).toBe("rejected");
  });

  it("links two cases as one person once both owners confirm", async () => {
    const { api, ctx, make } = await testApp();
    const first = await make.case({ identity: { surname: "Nguyen Thi", firstNames: "Lan", birthDate: "2007-12-24" } });
    const second = await make.case({
      departmentCode: "13",
      identity: {
        surname: "Nguyen",
        firstNames: "Thi Lan",
        ageEstimate: { age: 17, estimatedOn: "2025-06-01", method: "declaration" },
        birthDate: null,
      },
    });
    const [proposal] = (await api.as(first.owner).get("/api/cases/link-proposals")).json();
    expect(proposal.matchedKeys).toEqual(["full_name", "birth_year"]);
    expect((await api.as(first.owner).post(`/api/cases/link-proposals/${proposal.id}/confirm`)).json().status).toBe(
      "pending",
    );
    expect((await api.as(second.owner).post(`/api/cases/link-proposals/${proposal.id}/confirm`)).json().status).toBe(
      "confirmed",
    );
    const persons = await ctx.db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, first.id));
    const others = await ctx.db.select({ personId: cases.personId }).from(cases).where(eq(cases.id, second.id));
    expect(persons[0]?.personId).toBe(others[0]?.personId);
  });
});

describe("list and search", () => {
  it("filters, searches by name through the blind index, and pages by keyset", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await make.case({
          owner: referent,
          identity: { surname: i === 2 ? "Kouyaté" : `Dupont${i}`, firstNames: "Inès" },
          profile: { exploitations: [{ family: i % 2 ? "criminal" : "sexual" }] },
        }),
      );
    }
    const byName = (await api.as(referent).get(`/api/cases?name=${encodeURIComponent("kouyate")}`)).json();
    expect(byName.items.map((c: { id: string }) => c.id)).toEqual([made[2]?.id]);
    const criminal = (await api.as(referent).get("/api/cases?exploitationFamily=criminal")).json();
    expect(criminal.items).toHaveLength(2);
    const byNumber = (await api.as(referent).get(`/api/cases?number=${made[0]?.number}`)).json();
    expect(byNumber.items.map((c: { number: string }) => c.number)).toEqual([made[0]?.number]);
    const page1 = (await api.as(referent).get("/api/cases?limit=2&sort=created")).json();
    const page2 = (await api.as(referent).get(`/api/cases?limit=2&sort=created&cursor=${page1.nextCursor}`)).json();
    const page3 = (await api.as(referent).get(`/api/cases?limit=2&sort=created&cursor=${page2.nextCursor}`)).json();
    const all = [...page1.items, ...page2.items, ...page3.items].map((c: { id: string }) => c.id);
    expect(new Set(all)).toEqual(new Set(made.map((c) => c.id)));
    expect(page3.nextCursor).toBeNull();
    expect((await api.as(referent).get("/api/cases?cursor=garbage")).status).toBe(400);
    expect((await api.as(referent).get("/api/cases?limit=1000")).status).toBe(400);
  });
});

describe("retention and subject access", () => {
  it("anonymises cases closed long ago, keeping the statistical residue", async () => {
    const { api, ctx, make, setNow } = await testApp();
    const caseFile = await make.case({ profile: { gender: "female", exploitations: [{ family: "sexual" }] } });
    await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/notes`, { text: "Note à effacer" });
    const closed = await api
      .as(caseFile.owner)
      .post(`/api/cases/${caseFile.id}/close`, { version: caseFile.version, reason: "reached_21" });
    expect(closed.status).toBe(200);
    expect(await anonymiseClosedCases(ctx, systemActor("job:test"), { retentionDays: 30 })).toBe(0);
    setNow(new Date(Date.now() + 31 * 24 * HOUR));
    expect(await anonymiseClosedCases(ctx, systemActor("job:test"), { retentionDays: 30 })).toBeGreaterThanOrEqual(1);
    setNow(null);
    expect(await ctx.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, caseFile.id))).toEqual([]);
    const [row] = await ctx.db.select().from(cases).where(eq(cases.id, caseFile.id));
    expect(row).toMatchObject({ gender: "female", exploitationFamilies: ["sexual"], status: "closed" });
    expect(row?.anonymisedAt).not.toBeNull();
    const notes = await ctx.db
      .select({ text: caseTimelineEntries.textEnc })
      .from(caseTimelineEntries)
      .where(eq(caseTimelineEntries.caseId, caseFile.id));
    expect(notes.every((n) => n.text === null)).toBe(true);
    expect((await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/identity/reveal`)).json().code).toBe(
      "case_anonymised",
    );
  });

  it("exports everything held on one person to an administrator of the département, audited", async () => {
    const { api, ctx, make } = await testApp();
    const caseFile = await make.case({ identity: { surname: "Benali", firstNames: "Sofia" } });
    await api.as(caseFile.owner).post(`/api/cases/${caseFile.id}/notes`, { text: "Premier entretien." });
    const admin = await make.user({ roles: ["admin"], departmentCode: "93" });
    const otherAdmin = await make.user({ roles: ["admin"], departmentCode: "75" });
    expect((await api.as(otherAdmin).post(`/api/cases/${caseFile.id}/subject-access-export`)).status).toBe(404);
    const res = await api.as(admin).post(`/api/cases/${caseFile.id}/subject-access-export`);
    expect(res.status).toBe(200);
    const [exported] = res.json().cases;
    expect(exported.identity.surname).toBe("Benali");
    expect(exported.timeline.map((e: { text: string | null }) => e.text)).toContain("Premier entretien.");
    const audit = await ctx.db
      .select({ actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseFile.id), eq(auditEvents.action, "case.export_subject")));
    expect(audit).toEqual([{ actor: admin.id }]);
  });
});

import { describe, expect, it } from "vitest";
import { testApp } from "../test/test-app.ts";

// The list statement is prepared once per shape (scope branches, filters set, sort, cursor) and kept: these tests
// check that a kept statement never carries one request's actor or values into another's answer.

const ids = (res: { json(): { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((item) => item.id)
    .sort();

describe("case list statements kept per shape", () => {
  it("answers two referents of different services through the same statement, each with their own cases", async () => {
    const { api, make } = await testApp();
    const referent93 = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const referent75 = await make.user({ roles: ["ase_referent"], departmentCode: "75" });
    const mine93 = [await make.case({ owner: referent93 }), await make.case({ owner: referent93 })];
    const mine75 = [await make.case({ owner: referent75 })];

    expect(ids(await api.as(referent93).get("/api/cases"))).toEqual(mine93.map((c) => c.id).sort());
    expect(ids(await api.as(referent75).get("/api/cases"))).toEqual([mine75[0]?.id]);
    const first = mine93[0]?.number ?? "";
    expect(ids(await api.as(referent93).get(`/api/cases?number=${first}`))).toEqual([mine93[0]?.id]);
    expect(ids(await api.as(referent75).get(`/api/cases?number=${first}`))).toEqual([]);
  });

  it("stays right past the number of statements it keeps, whatever the mix of filters", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const profile = {
      gender: "female" as const,
      nationalities: ["NG"],
      exploitations: [{ family: "sexual" as const }],
    };
    const made = [await make.case({ owner: referent, profile }), await make.case({ owner: referent, profile })];
    const all = made.map((c) => c.id).sort();
    // Filters every case matches; gender then varies the values of one shape: female matches, male does not.
    const matching = [
      "status=open",
      "departmentCode=93",
      "exploitationFamily=sexual",
      "number=93",
      "sort=created",
      "nationality=NG",
    ];
    let asked = 0;
    for (let subset = 0; subset < 2 ** matching.length; subset++) {
      const chosen = matching.filter((_, i) => subset & (2 ** i));
      for (const gender of [undefined, "female", "male"]) {
        const query = [...chosen, ...(gender ? [`gender=${gender}`] : [])].join("&");
        const res = await api.as(referent).get(`/api/cases?${query}`);
        expect(res.status, query).toBe(200);
        expect(ids(res), query).toEqual(gender === "male" ? [] : all);
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(128);
  });

  it("shows on each line what the case's own page shows, assigned or not", async () => {
    const { api, make } = await testApp();
    const profile = { gender: "female" as const, exploitations: [{ family: "sexual" as const }] };
    const assigned = await make.case({ profile });
    const referent = await make.user({ roles: ["ase_referent"], organisationId: assigned.ownerOrganisationId });
    const manager = await make.user({ roles: ["ase_manager"], organisationId: assigned.ownerOrganisationId });
    const assigning = await api
      .as(assigned.owner)
      .post(`/api/cases/${assigned.id}/assign`, { version: assigned.version, userId: referent.id });
    expect(assigning.status).toBe(200);
    const unassigned = await make.case({ owner: manager });

    const lines = (await api.as(manager).get("/api/cases")).json().items as Record<string, unknown>[];
    for (const made of [assigned, unassigned]) {
      const line = lines.find((item) => item.id === made.id);
      const page = (await api.as(manager).get(`/api/cases/${made.id}`)).json();
      expect(line).toBeDefined();
      expect(line?.victimStatus).toEqual(page.victimStatus?.status ?? null);
      // Born in May 2010 (the factory's birth date): a minor or just of age, never unknown.
      expect(["15_17", "18_21"]).toContain(line?.ageBandToday);
      for (const key of [
        "number",
        "status",
        "departmentCode",
        "ownerOrganisation",
        "assignedUser",
        "createdAt",
        "updatedAt",
      ]) {
        expect(line?.[key], key).toEqual(page[key]);
      }
    }
    const line = lines.find((item) => item.id === assigned.id);
    expect(line?.assignedUser).toMatchObject({ id: referent.id, displayName: expect.any(String) });
    expect([line?.gender, line?.exploitationFamilies]).toEqual(["female", ["sexual"]]);
    expect(lines.find((item) => item.id === unassigned.id)?.assignedUser).toBeNull();
    expect(new Date(String(line?.updatedAt)).getTime()).toBeGreaterThanOrEqual(
      new Date(String(line?.createdAt)).getTime(),
    );
  });
});

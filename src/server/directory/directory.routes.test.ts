import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../test/test-app.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

describe("GET /api/directory/organisations", () => {
  it("answers 401 without a session and 403 to administrators and national analysts", async () => {
    const { api, make } = await testApp();
    expect((await api.get("/api/directory/organisations")).status).toBe(401);
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });
    const admin = await make.user({ roles: ["admin"], departmentCode: "93" });
    for (const user of [analyst, admin]) {
      const res = await api.as(user).get("/api/directory/organisations");
      expect(res.status).toBe(403);
      expect(res.body).not.toContain("Foyer");
    }
  });

  it("refuses an unknown type or département in French", async () => {
    const { api, make } = await testApp();
    const educator = await make.user({ roles: ["educator"] });
    const res = await api.as(educator).get("/api/directory/organisations?type=embassy&departmentCode=99");
    expect(res.status).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["querystring.departmentCode", "querystring.type"]);
    expect(res.json().errors[0].message).toMatch(/inconnu/);
  });

  it("finds active organisations by name, type and département, never the national coordination", async () => {
    const { api, make } = await testApp();
    const educator = await make.user({ roles: ["educator"], departmentCode: "93" });
    const foyer = await make.organisation({ name: "Foyer des Lilas 50%", type: "establishment", departmentCode: "93" });
    await make.organisation({
      name: "Foyer des Lilas fermé",
      type: "establishment",
      departmentCode: "93",
      isActive: false,
    });
    const lyon = await make.organisation({ name: "Foyer des Lilas Lyon", type: "establishment", departmentCode: "69" });
    const ase = await make.organisation({ name: "ASE des Lilas", type: "ase_service", departmentCode: "93" });
    await make.organisation({ name: "Coordination des Lilas", type: "national_coordination" });

    const all = await api.as(educator).get("/api/directory/organisations?q=lilas");
    expect(all.status).toBe(200);
    // By département, then name.
    expect(all.json().map((o: { id: string }) => o.id)).toEqual([lyon.id, ase.id, foyer.id]);
    expect(all.json()).toContainEqual({
      id: foyer.id,
      name: "Foyer des Lilas 50%",
      type: "establishment",
      departmentCode: "93",
    });

    const filtered = await api
      .as(educator)
      .get("/api/directory/organisations?q=lilas&type=establishment&departmentCode=93");
    expect(filtered.json().map((o: { id: string }) => o.id)).toEqual([foyer.id]);
    const literal = await api.as(educator).get(`/api/directory/organisations?q=${encodeURIComponent("50%")}`);
    expect(literal.json().map((o: { id: string }) => o.id)).toEqual([foyer.id]);
  });
});

describe("GET /api/directory/organisations/:id/members", () => {
  it("lists the display names of the organisation's active case professionals, and nothing else", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const police = await make.organisation({ type: "police_unit", departmentCode: "93" });
    const officer = await make.user({ roles: ["police_liaison"], organisationId: police.id });
    const gone = await make.user({ roles: ["police_liaison"], organisationId: police.id, isActive: false });
    const policeAdmin = await make.user({ roles: ["admin"], departmentCode: "93" });

    const res = await api.as(referent).get(`/api/directory/organisations/${police.id}/members`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([{ id: officer.id, displayName: expect.stringMatching(/^Agent /) }]);
    expect(res.body).not.toContain(gone.id);
    expect(res.body).not.toContain(policeAdmin.id);
    expect(res.body).not.toContain("@");
  });

  it("answers 404 for an unknown, inactive or national organisation, 400 for a malformed id, 403 to analysts", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    const closed = await make.organisation({ type: "association", departmentCode: "93", isActive: false });
    const national = await make.organisation({ type: "national_coordination" });
    for (const id of [crypto.randomUUID(), closed.id, national.id]) {
      expect((await api.as(referent).get(`/api/directory/organisations/${id}/members`)).status).toBe(404);
    }
    expect((await api.as(referent).get("/api/directory/organisations/x/members")).status).toBe(400);
    const analyst = await make.user({ roles: ["national_analyst"], departmentCode: null });
    expect((await api.as(analyst).get(`/api/directory/organisations/${closed.id}/members`)).status).toBe(403);
  });
});

import { describe, expect, it } from "vitest";
import { testApp } from "../test/test-app.ts";

const lina = {
  ageAtFacts: 16,
  ageUncertain: false,
  acts: ["recruit"],
  means: [],
  purposes: ["proxenetisme"],
  circumstances: ["electronic_network_contact"],
};

describe("POST /api/qualification", () => {
  it("answers 401 without a session", async () => {
    const { api } = await testApp();
    expect((await api.post("/api/qualification", lina)).status).toBe(401);
  });

  it("answers 403 to a national analyst, who never works on individual facts", async () => {
    const { api, make } = await testApp();
    const analyst = await make.user({ roles: ["national_analyst"] });
    expect((await api.as(analyst).post("/api/qualification", lina)).status).toBe(403);
  });

  it("answers 400 problem+json naming the field for an unknown value or key", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"] });
    const res = await api.as(referent).post("/api/qualification", { ...lina, purposes: ["tourism"], consent: true });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths.some((p: string) => p.startsWith("purposes"))).toBe(true);
  });

  it("qualifies a minor recruited online for procuring as aggravated trafficking, 225-4-2 II", async () => {
    const { api, make } = await testApp();
    const referent = await make.user({ roles: ["ase_referent"] });
    const res = await api.as(referent).post("/api/qualification", lina);
    expect(res.status).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ trafficking: true, meansRequired: false, missing: [], article: "225-4-2 II" });
    expect(result.relatedOffences).toContain("225-7");
    expect(result.explanation.length).toBeGreaterThan(0);
  });
});

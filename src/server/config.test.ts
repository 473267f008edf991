import { describe, expect, it } from "vitest";
import { readConfig } from "./config.ts";

describe("readConfig: who runs the recurring jobs", () => {
  it("has every server run them unless REPERE_JOBS says otherwise", () => {
    expect(readConfig({}).runJobs).toBe(true);
    expect(readConfig({ DATABASE_URL: "postgres://db/repere" }).runJobs).toBe(true);
    expect(readConfig({ DATABASE_URL: "postgres://db/repere", REPERE_JOBS: "1" }).runJobs).toBe(true);
  });

  it("lets PostgreSQL servers leave them to `repere worker`", () => {
    expect(readConfig({ DATABASE_URL: "postgres://db/repere", REPERE_JOBS: "0" }).runJobs).toBe(false);
    expect(readConfig({ DATABASE_URL: "postgres://db/repere", REPERE_JOBS: "false" }).runJobs).toBe(false);
  });

  it("refuses, in French, an embedded server that would run no job at all", () => {
    expect(() => readConfig({ REPERE_JOBS: "0" })).toThrow(/REPERE_JOBS=0 demande DATABASE_URL/);
  });
});

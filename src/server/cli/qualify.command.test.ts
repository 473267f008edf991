import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../../bin/repere.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "repere-qualify-"));
const run = (input: unknown) => {
  const file = join(folder, `${Math.random()}.json`);
  writeFileSync(file, typeof input === "string" ? input : JSON.stringify(input));
  return spawnSync(process.execPath, [BIN, "qualify", file], { encoding: "utf8", timeout: 60_000 });
};

describe("npx repere qualify FILE.json", () => {
  it("prints one JSON object and nothing else, and exits 0", { timeout: 60_000 }, () => {
    const res = run({
      ageAtFacts: 16,
      ageUncertain: false,
      acts: ["recruit"],
      means: [],
      purposes: ["proxenetisme"],
      circumstances: ["electronic_network_contact"],
    });
    expect(res.status).toBe(0);
    const result = JSON.parse(res.stdout);
    expect(res.stdout.trim().split("\n")).toHaveLength(1);
    expect(result).toMatchObject({
      trafficking: true,
      meansRequired: false,
      article: "225-4-2 II",
      maxPrisonYears: 15,
      maxFineEuros: 1_500_000,
    });
    for (const key of ["missing", "relatedOffences", "explanation", "actions"])
      expect(Array.isArray(result[key])).toBe(true);
    for (const action of result.actions)
      expect(Object.keys(action)).toEqual(expect.arrayContaining(["code", "label", "deadline", "legalBasis"]));
  });

  it("exits 2 with a French message naming the field for invalid input, with nothing on stdout", {
    timeout: 120_000,
  }, () => {
    const res = run({ ageAtFacts: null, ageUncertain: false, acts: [], means: [], purposes: [], circumstances: [] });
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(/ageAtFacts|ageUncertain/);
    const missing = run({ ageAtFacts: 16, ageUncertain: false, acts: [], means: [], purposes: [] });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/circumstances/);
    expect(run("{ pas du json").status).toBe(2);
  });
});

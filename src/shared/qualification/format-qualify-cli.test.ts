import { describe, expect, it } from "vitest";
import { runQualifyCli } from "./format-qualify-cli";

const EXAMPLE = JSON.stringify({
  ageAtFacts: 16,
  ageUncertain: false,
  acts: ["recruit"],
  means: [],
  purposes: ["proxenetisme"],
  circumstances: ["electronic_network_contact"],
});

describe("runQualifyCli", () => {
  it("prints exactly one JSON object and a newline on stdout, nothing on stderr", () => {
    const output = runQualifyCli(EXAMPLE, new Date("2025-06-01T12:00:00Z"));
    expect(output.exitCode).toBe(0);
    expect(output.stderr).toBe("");
    expect(output.stdout.endsWith("}\n")).toBe(true);
    expect(output.stdout.trimEnd().split("\n")).toHaveLength(1);

    const result = JSON.parse(output.stdout);
    expect(result).toMatchObject({
      trafficking: true,
      meansRequired: false,
      missing: [],
      article: "225-4-2 II",
      maxPrisonYears: 15,
      maxFineEuros: 1_500_000,
    });
    expect(result.relatedOffences).toEqual(expect.arrayContaining(["225-7", "225-12-1"]));
    expect(result.explanation.length).toBeGreaterThan(0);
    for (const action of result.actions) {
      expect(Object.keys(action)).toEqual(expect.arrayContaining(["code", "label", "deadline", "legalBasis"]));
    }
    expect(result.actions.map((action: { code: string }) => action.code)).toContain("prosecutor_report");
  });

  it("resolves a missing factsDate from the given day", () => {
    const result = JSON.parse(runQualifyCli(EXAMPLE, new Date("2025-06-01T12:00:00Z")).stdout);
    expect(result.facts.factsDate).toBe("2025-06-01");
  });

  it("prints null and 'life' as the contract says", () => {
    const notTrafficking = JSON.parse(runQualifyCli(JSON.stringify({ ...JSON.parse(EXAMPLE), acts: [] })).stdout);
    expect(notTrafficking).toMatchObject({ article: null, maxPrisonYears: null, maxFineEuros: null, missing: ["act"] });
    const torture = JSON.parse(
      runQualifyCli(JSON.stringify({ ...JSON.parse(EXAMPLE), circumstances: ["torture_barbarity"] })).stdout,
    );
    expect(torture).toMatchObject({ article: "225-4-4", maxPrisonYears: "life", maxFineEuros: 4_500_000 });
  });

  it("exits 2 with a French message and no stdout on invalid JSON", () => {
    const output = runQualifyCli("{ageAtFacts: 16");
    expect(output).toMatchObject({ exitCode: 2, stdout: "" });
    expect(output.stderr).toContain("n'est pas un JSON valide");
  });

  it.each([
    [{ ageUncertain: false, acts: [], means: [], purposes: [], circumstances: [] }, "« ageAtFacts » est obligatoire"],
    [{ ...JSON.parse(EXAMPLE), acts: ["kidnap"] }, "« acts » contient une valeur inconnue"],
    [{ ...JSON.parse(EXAMPLE), ageAtFacts: "seize" }, "« ageAtFacts » doit être"],
    [{ ...JSON.parse(EXAMPLE), victimConsent: true }, "« victimConsent »"],
  ])("exits 2 naming the field for %j", (input, expected) => {
    const output = runQualifyCli(JSON.stringify(input));
    expect(output.exitCode).toBe(2);
    expect(output.stdout).toBe("");
    expect(output.stderr).toContain(expected);
  });
});

import { describe, expect, it } from "vitest";
import type { GridDefinition } from "./grid-definition";
import { GRIDS } from "./grid-registry";
import { GRR_V0_1 } from "./grid-v0-1";
import { scoreScreening } from "./score-screening";
import type { ItemValue } from "./screening-levels";
import { ScreeningSubmission } from "./screening-submission";

type Answers = Record<string, ItemValue>;

function submission(answers: Answers, overrides: Partial<ScreeningSubmission> = {}): ScreeningSubmission {
  return {
    gridVersion: "GRR-0.1",
    mode: "full",
    ageAtScreening: 16,
    ageUncertain: false,
    screenedOn: "2025-05-01",
    answers: Object.entries(answers).map(([itemId, value]) =>
      value === 1 || value === 2
        ? { itemId, value, sourceType: "observed" as const, date: "2025-04-20" }
        : { itemId, value },
    ),
    redFlags: [],
    ...overrides,
  };
}

const score = (answers: Answers, overrides: Partial<ScreeningSubmission> = {}) =>
  scoreScreening(submission(answers, overrides));

describe("domain ratings", () => {
  it("keeps unknown distinct from 0: both rate 0, only unknown is reported as missing data", () => {
    const result = score({ C1: "unknown", C2: 0 });
    const domainC = result.domains.find((domain) => domain.code === "C");
    expect(domainC?.rating).toBe(0);
    expect(domainC?.unknownItemIds).toEqual(["C1", "C3", "C4", "C5"]);
    expect(result.unknownItemIds).toContain("C1");
    expect(result.unknownItemIds).not.toContain("C2");
    expect(result.computedLevel).toBe("none");
  });

  it("one item at 1 rates the domain 1", () => {
    const domainD = score({ D1: 1 }).domains.find((domain) => domain.code === "D");
    expect(domainD).toMatchObject({ rating: 1, ratingRule: "item_possible" });
    expect(domainD?.drivers.map((driver) => driver.itemId)).toEqual(["D1"]);
  });

  it("three items at 1 make a 2; two do not", () => {
    expect(score({ E1: 1, E2: 1 }).domainRatings.E).toBe(1);
    const domainE = score({ E1: 1, E2: 1, E4: 1 }).domains.find((domain) => domain.code === "E");
    expect(domainE).toMatchObject({ rating: 2, ratingRule: "three_possible" });
    expect(domainE?.drivers.map((driver) => driver.itemId)).toEqual(["E1", "E2", "E4"]);
    expect(domainE?.explanation).toContain("3 items cotés 1");
  });

  it("an item at 2 rates the domain 2 and only the 2s are its drivers", () => {
    const domainH = score({ H1: 1, H2: 2 }).domains.find((domain) => domain.code === "H");
    expect(domainH).toMatchObject({ rating: 2, ratingRule: "item_clear" });
    expect(domainH?.drivers).toEqual([
      { itemId: "H2", label: expect.any(String), value: 2, sourceType: "observed", date: "2025-04-20" },
    ]);
  });
});

describe("result level", () => {
  it("any exploitation domain at 2 is a clear concern", () => {
    for (const item of ["G1", "H1", "I1", "K1"]) {
      const result = score({ [item]: 2 });
      expect(result.computedLevel, item).toBe("clear");
      expect(result.levelLabel).toBe("Préoccupation avérée");
    }
  });

  it("three 1s in an exploitation domain make it 2, hence a clear concern", () => {
    expect(score({ I1: 1, I3: 1, I4: 1 }).computedLevel).toBe("clear");
  });

  it("an exploitation domain at 1 alone is a possible concern", () => {
    const result = score({ G2: 1 });
    expect(result.computedLevel).toBe("possible");
    expect(result.levelLabel).toBe("Préoccupation possible");
    expect(result.levelReasons[0]).toContain("G");
  });

  it("an exploitation domain at 1 with two control domains at 2 is a clear concern; with one, possible", () => {
    expect(score({ G2: 1, C1: 2, J3: 2 }).computedLevel).toBe("clear");
    expect(score({ G2: 1, C1: 2, J3: 1 }).computedLevel).toBe("possible");
  });

  it("two control domains at 1 are a possible concern, one is not", () => {
    expect(score({ C2: 1, D1: 1 }).computedLevel).toBe("possible");
    expect(score({ C2: 1 }).computedLevel).toBe("none");
  });

  it("risk domains alone never make a concern, even at 2", () => {
    const result = score({ A1: 2, A2: 2, A3: 2, B1: 2, B2: 2, F1: 2, F2: 2 });
    expect(result.computedLevel).toBe("none");
    expect(result.levelReasons[0]).toContain("ne signifie pas que la personne n'est pas victime");
  });

  it("runaways at 2 with a control signal are a possible concern", () => {
    expect(score({ B2: 2, E1: 1 }).computedLevel).toBe("possible");
    expect(score({ B1: 1, E1: 1 }).computedLevel).toBe("none");
    expect(score({ B2: 2, J1: 1 }).computedLevel).toBe("none");
  });

  it("a red flag alone is a clear concern that calls for same-day action", () => {
    const result = score({}, { redFlags: ["RF3"] });
    expect(result).toMatchObject({ computedLevel: "clear", sameDayActionRequired: true });
    expect(result.redFlags).toEqual([{ id: "RF3", label: expect.stringContaining("Mineur vu"), signalsInjury: false }]);
    expect(result.levelReasons[0]).toContain("RF3");
  });

  it("is none, possible, clear in that order when signs accumulate", () => {
    expect(score({}).computedLevel).toBe("none");
    expect(score({ K2: 1 }).computedLevel).toBe("possible");
    expect(score({ K2: 2 }).computedLevel).toBe("clear");
  });
});

describe("brief mode", () => {
  const brief = (answers: Answers, overrides: Partial<ScreeningSubmission> = {}) =>
    score(answers, { mode: "brief", ...overrides });

  it("any brief item at 1 outside the context domain is a possible concern", () => {
    expect(brief({ B1: 1 }).computedLevel).toBe("possible");
    expect(brief({ C1: 1 }).levelReasons.at(-1)).toContain("Repérage bref");
    expect(score({ B1: 1 }).computedLevel).toBe("none");
  });

  it("context items (placed in care, unaccompanied minor) never trigger a positive brief screen alone", () => {
    expect(brief({ A1: 2, A3: 2 }).computedLevel).toBe("none");
  });

  it("domains without a brief item are marked as not assessed", () => {
    const result = brief({});
    expect(result.domains.filter((domain) => !domain.assessed).map((domain) => domain.code)).toEqual(["F", "J"]);
    expect(result.unknownItemIds).not.toContain("F1");
  });

  it("the schema refuses a full-mode item in a brief screening", () => {
    const parsed = ScreeningSubmission.safeParse(submission({ J1: 1 }, { mode: "brief" }));
    expect(parsed.error?.issues[0]?.message).toContain("ne fait pas partie du repérage bref");
  });
});

describe("override and modifiers", () => {
  it("records the professional's level and reason and keeps the computed one", () => {
    const result = score(
      { G1: 2 },
      { override: { level: "possible", reason: "Situation connue, déjà signalée et protégée." } },
    );
    expect(result).toMatchObject({
      computedLevel: "clear",
      level: "possible",
      levelLabel: "Préoccupation possible",
      override: { from: "clear", to: "possible", reason: "Situation connue, déjà signalée et protégée." },
    });
  });

  it("refuses an override without a written reason", () => {
    for (const reason of ["", "   "]) {
      const parsed = ScreeningSubmission.safeParse(submission({}, { override: { level: "clear", reason } }));
      expect(parsed.error?.issues[0]?.message).toContain("« override.reason » est obligatoire");
    }
    expect(ScreeningSubmission.safeParse({ ...submission({}), override: { level: "clear" } }).success).toBe(false);
  });

  it("flags means present, with the minor rule, without changing the level", () => {
    const minor = score({ J1: 1 });
    expect(minor.computedLevel).toBe("none");
    expect(minor.severityModifiers).toEqual([
      { code: "means_present", label: expect.stringContaining("jamais requis") },
    ]);
    const adult = score({ J1: 1 }, { ageAtScreening: 24 });
    expect(adult.severityModifiers[0]?.label).toContain("nécessaires à la qualification");
  });

  it("flags under 15, unaccompanied minor and young adult", () => {
    const modifierCodes = (answers: Answers, overrides: Partial<ScreeningSubmission> = {}) =>
      score(answers, overrides).severityModifiers.map((modifier) => modifier.code);
    expect(modifierCodes({}, { ageAtScreening: 14 })).toEqual(["under_15"]);
    expect(modifierCodes({}, { ageAtScreening: 15 })).toEqual([]);
    expect(modifierCodes({ A3: 1 })).toEqual(["unaccompanied_minor"]);
    expect(modifierCodes({}, { ageAtScreening: 19 })).toEqual(["young_adult"]);
    expect(modifierCodes({}, { ageAtScreening: 22 })).toEqual([]);
    expect(modifierCodes({ A7: 2 }, { ageAtScreening: 22 })).toEqual(["young_adult"]);
  });

  it("treats a person of uncertain age as a minor", () => {
    expect(score({}, { ageAtScreening: 19, ageUncertain: true }).treatedAsMinor).toBe(true);
    expect(score({}, { ageAtScreening: 19 }).treatedAsMinor).toBe(false);
  });

  it("reports a health concern from the physical signs domain", () => {
    expect(score({ F3: 1 }).healthConcern).toBe(true);
    expect(score({}).healthConcern).toBe(false);
  });

  it("warns about a clear sign older than 12 months and about a date after the screening", () => {
    const result = scoreScreening({
      ...submission({}),
      answers: [
        { itemId: "A2", value: 2, sourceType: "document", date: "2024-04-30" },
        { itemId: "A4", value: 2, sourceType: "document", date: "2024-05-01" },
        { itemId: "C1", value: 1, sourceType: "observed", date: "2025-05-02" },
      ],
    });
    expect(result.warnings).toEqual([
      expect.stringContaining("A2 est coté 2 mais daté de plus de 12 mois"),
      expect.stringContaining("C1 est daté du 2025-05-02"),
    ]);
  });
});

describe("grid versions", () => {
  const pastScreening = submission({ C1: 1, D2: 1, E2: 1, G2: 1, B1: 1, B3: 1 }, { screenedOn: "2025-02-01" });

  // The result this v0.1 screening produced when it was submitted. If this test fails, GRR-0.1 was edited:
  // publish a new version instead.
  it("scores a past screening exactly as when it was submitted", () => {
    const result = scoreScreening(pastScreening);
    expect(result.domainRatings).toEqual({ A: 0, B: 1, C: 1, D: 1, E: 1, F: 0, G: 1, H: 0, I: 0, J: 0, K: 0 });
    expect(result.computedLevel).toBe("possible");
    expect(result.gridVersion).toBe("GRR-0.1");
  });

  it("a new version with other thresholds does not change the result of a v0.1 screening", () => {
    const v02: GridDefinition = {
      ...GRR_V0_1,
      version: "GRR-0.2-test",
      scoring: { ...GRR_V0_1.scoring, controlDomainsClearWithExploitation: 1, possibleItemsMakingClear: 1 },
    };
    const grids = { ...GRIDS, [v02.version]: v02 };
    expect(scoreScreening(pastScreening, { grids })).toEqual(scoreScreening(pastScreening));
    expect(scoreScreening({ ...pastScreening, gridVersion: v02.version }, { grids }).computedLevel).toBe("clear");
  });

  it("a published grid cannot be altered at run time", () => {
    expect(() => {
      (GRR_V0_1.scoring as { possibleItemsMakingClear: number }).possibleItemsMakingClear = 1;
    }).toThrow(TypeError);
    expect(() => {
      (GRR_V0_1.domains as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it("refuses to score with an unknown version", () => {
    expect(() => scoreScreening({ ...pastScreening, gridVersion: "GRR-9" })).toThrow(/unknown screening grid/);
  });
});

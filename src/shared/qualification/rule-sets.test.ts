import { describe, expect, it } from "vitest";
import { FR_CP_2013, RULE_SETS, type RuleSet, selectRuleSet, TRAFFICKING_ARTICLES } from "./rule-sets";
import { PURPOSES } from "./vocabulary";

describe("rule sets", () => {
  const later: RuleSet = { ...FR_CP_2013, id: "later", validFrom: "2026-07-15" };

  it("selects the rule set in force on the date of the facts", () => {
    expect(selectRuleSet("2026-07-14", [later, FR_CP_2013]).ruleSet.id).toBe(FR_CP_2013.id);
    expect(selectRuleSet("2026-07-15", [later, FR_CP_2013]).ruleSet.id).toBe("later");
    expect(selectRuleSet("2013-08-07").coversFactsDate).toBe(true);
    expect(selectRuleSet("2013-08-06")).toEqual({ ruleSet: FR_CP_2013, coversFactsDate: false });
  });

  it("carries the penalties of legal.md for every trafficking text", () => {
    const penalties = TRAFFICKING_ARTICLES.map((article) => {
      const { maxPrisonYears, maxFineEuros, offenceClass } = FR_CP_2013.penalties[article];
      return [article, maxPrisonYears, maxFineEuros, offenceClass];
    });
    expect(penalties).toEqual([
      ["225-4-1 I", 7, 150_000, "delit"],
      ["225-4-1 II", 10, 1_500_000, "delit"],
      ["225-4-2 I", 10, 1_500_000, "delit"],
      ["225-4-2 II", 15, 1_500_000, "crime"],
      ["225-4-3", 20, 3_000_000, "crime"],
      ["225-4-4", "life", 4_500_000, "crime"],
    ]);
  });

  it("classes every purpose of the vocabulary as recognised or explained", () => {
    for (const ruleSet of RULE_SETS) {
      for (const purpose of PURPOSES) {
        const recognised = ruleSet.recognisedPurposes.includes(purpose);
        const explained = ruleSet.unrecognisedPurposeNotes[purpose] !== undefined;
        expect(recognised !== explained, `${ruleSet.id}: ${purpose}`).toBe(true);
      }
    }
  });
});

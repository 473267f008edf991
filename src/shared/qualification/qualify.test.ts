import { describe, expect, it } from "vitest";
import type { QualificationInput } from "./qualification-input";
import { qualify } from "./qualify";
import { FR_CP_2013, type RuleSet } from "./rule-sets";
import { CIRCUMSTANCES, type Purpose } from "./vocabulary";

function facts(overrides: Partial<QualificationInput> = {}): QualificationInput {
  return {
    ageAtFacts: 16,
    ageUncertain: false,
    acts: ["recruit"],
    means: [],
    purposes: ["proxenetisme"],
    circumstances: [],
    factsDate: "2025-01-15",
    ...overrides,
  };
}

const AGGRAVATING = CIRCUMSTANCES.filter(
  (circumstance) => circumstance !== "organised_gang" && circumstance !== "torture_barbarity",
);
const FRENCH_PURPOSES = FR_CP_2013.recognisedPurposes;
const EU_2024_PURPOSES: Purpose[] = ["forced_marriage", "illegal_adoption", "surrogacy_exploitation"];

describe("qualify: constituent elements", () => {
  it("L3: a minor with an act and a purpose is trafficked without any means (225-4-1 II)", () => {
    const result = qualify(facts());
    expect(result).toMatchObject({
      trafficking: true,
      meansRequired: false,
      missing: [],
      article: "225-4-1 II",
      maxPrisonYears: 10,
      maxFineEuros: 1_500_000,
      offenceClass: "delit",
      treatedAsMinor: true,
    });
    expect(result.findings.map((finding) => finding.rule)).toContain("L3");
  });

  it("L4: an adult with an act, a purpose and one means is trafficked (225-4-1 I)", () => {
    const result = qualify(facts({ ageAtFacts: 25, means: ["abuse_of_vulnerability"] }));
    expect(result).toMatchObject({
      trafficking: true,
      meansRequired: true,
      missing: [],
      article: "225-4-1 I",
      maxPrisonYears: 7,
      maxFineEuros: 150_000,
      offenceClass: "delit",
    });
    expect(result.findings.find((finding) => finding.rule === "L4")?.facts).toContain("means: abuse_of_vulnerability");
  });

  it("L5: an adult without means is not trafficked yet and the 18–21 prompt is shown", () => {
    const result = qualify(facts({ ageAtFacts: 19 }));
    expect(result).toMatchObject({
      trafficking: false,
      meansRequired: true,
      missing: ["means"],
      article: null,
      maxPrisonYears: null,
      maxFineEuros: null,
    });
    const l5 = result.findings.find((finding) => finding.rule === "L5");
    expect(l5?.text).toContain("18 à 21 ans");
    expect(l5?.text).toContain("abus de vulnérabilité (3°)");
  });

  it("L5 leaves out the young-adult prompt after 21", () => {
    const l5 = qualify(facts({ ageAtFacts: 30 })).findings.find((finding) => finding.rule === "L5");
    expect(l5?.text).not.toContain("18 à 21 ans");
  });

  it("18 is the age of majority: 17 needs no means, 18 does", () => {
    expect(qualify(facts({ ageAtFacts: 17 })).trafficking).toBe(true);
    expect(qualify(facts({ ageAtFacts: 18 })).missing).toEqual(["means"]);
  });

  it("L1: without an act the act element is missing, and related offences are still listed", () => {
    const result = qualify(facts({ acts: [] }));
    expect(result.trafficking).toBe(false);
    expect(result.missing).toEqual(["act"]);
    expect(result.findings.find((finding) => finding.rule === "L1")?.text).toContain("infractions voisines");
    expect(result.relatedOffences).toEqual(expect.arrayContaining(["225-7", "225-12-1"]));
  });

  it("L2: without a purpose the purpose element is missing", () => {
    const result = qualify(facts({ purposes: [] }));
    expect(result.missing).toEqual(["purpose"]);
    expect(result.findings.map((finding) => finding.rule)).toContain("L2");
  });

  it("lists every missing element, in contract order", () => {
    expect(qualify(facts({ ageAtFacts: 40, acts: [], purposes: [] })).missing).toEqual(["act", "means", "purpose"]);
    expect(qualify(facts({ acts: [], purposes: [] })).missing).toEqual(["act", "purpose"]);
  });

  it.each(FRENCH_PURPOSES)("the French purpose %s satisfies the purpose element", (purpose) => {
    const result = qualify(facts({ purposes: [purpose] }));
    expect(result.trafficking).toBe(true);
    expect(result.article).toBe("225-4-1 II");
  });

  it.each(EU_2024_PURPOSES)(
    "%s (Directive 2024/1712) is not a purpose in French law, and the explanation says so",
    (purpose) => {
      const result = qualify(facts({ purposes: [purpose] }));
      expect(result.trafficking).toBe(false);
      expect(result.missing).toEqual(["purpose"]);
      const note = result.findings.find((finding) => finding.facts.includes(`purposes: ${purpose}`));
      expect(note?.text).toContain("2024/1712");
      expect(note?.text).toContain("ne remplit donc pas");
    },
  );

  it("an EU-only purpose beside a French one keeps trafficking and still explains the EU one", () => {
    const result = qualify(facts({ purposes: ["forced_marriage", "servitude"] }));
    expect(result.trafficking).toBe(true);
    expect(result.explanation.some((sentence) => sentence.includes("mariage forcé"))).toBe(true);
  });
});

describe("qualify: uncertain age (L6)", () => {
  it("treats a person who says 19 as a minor when there are reasons to believe she may be one", () => {
    const result = qualify(facts({ ageAtFacts: 19, ageUncertain: true }));
    expect(result).toMatchObject({
      trafficking: true,
      meansRequired: false,
      article: "225-4-1 II",
      treatedAsMinor: true,
    });
    const l6 = result.findings.find((finding) => finding.rule === "L6");
    expect(l6?.text).toContain("19 ans");
    expect(l6?.facts).toEqual(["ageAtFacts: 19", "ageUncertain: true"]);
  });

  it("qualifies with an unknown age and does not assume the person is under 15", () => {
    const result = qualify(facts({ ageAtFacts: null, ageUncertain: true }));
    expect(result.article).toBe("225-4-1 II");
    expect(result.relatedOffences).toContain("225-7");
    expect(result.relatedOffences).not.toContain("225-7-1");
    expect(result.explanation.some((sentence) => sentence.includes("L'âge exact étant inconnu"))).toBe(true);
  });

  it("keeps the under-15 texts when the uncertain age is known to be under 15", () => {
    expect(qualify(facts({ ageAtFacts: 14, ageUncertain: true })).relatedOffences).toContain("225-7-1");
  });
});

describe("qualify: aggravations and penalties", () => {
  it.each(AGGRAVATING)("%s aggravates trafficking of a minor to 225-4-2 II (15 years, crime)", (circumstance) => {
    const result = qualify(facts({ circumstances: [circumstance] }));
    expect(result).toMatchObject({
      article: "225-4-2 II",
      maxPrisonYears: 15,
      maxFineEuros: 1_500_000,
      offenceClass: "crime",
    });
    expect(result.findings.find((finding) => finding.rule === "225-4-2 II")?.facts).toContain(
      `circumstances: ${circumstance}`,
    );
  });

  it.each(AGGRAVATING)("%s aggravates trafficking of an adult to 225-4-2 I (10 years)", (circumstance) => {
    const result = qualify(
      facts({ ageAtFacts: 30, means: ["threat_constraint_violence_fraud"], circumstances: [circumstance] }),
    );
    expect(result).toMatchObject({
      article: "225-4-2 I",
      maxPrisonYears: 10,
      maxFineEuros: 1_500_000,
      offenceClass: "delit",
    });
  });

  it("any means aggravates trafficking of a minor (225-4-2 II)", () => {
    const result = qualify(facts({ means: ["remuneration_or_advantage"] }));
    expect(result.article).toBe("225-4-2 II");
    expect(result.findings.find((finding) => finding.rule === "225-4-2 II")?.text).toContain("moyen(s)");
  });

  it("two means aggravate trafficking of an adult (225-4-2 I), one does not", () => {
    expect(qualify(facts({ ageAtFacts: 30, means: ["abuse_of_vulnerability"] })).article).toBe("225-4-1 I");
    expect(
      qualify(facts({ ageAtFacts: 30, means: ["abuse_of_vulnerability", "remuneration_or_advantage"] })).article,
    ).toBe("225-4-2 I");
  });

  it("organised gang gives 225-4-3 (20 years, €3M) for a minor, over 225-4-2 II", () => {
    const result = qualify(facts({ circumstances: ["organised_gang", "several_victims"] }));
    expect(result).toMatchObject({
      article: "225-4-3",
      maxPrisonYears: 20,
      maxFineEuros: 3_000_000,
      offenceClass: "crime",
    });
    expect(result.aggravations).toEqual(["225-4-3", "225-4-2 II"]);
  });

  it("organised gang gives 225-4-3 for an adult too", () => {
    const result = qualify(
      facts({ ageAtFacts: 35, means: ["threat_constraint_violence_fraud"], circumstances: ["organised_gang"] }),
    );
    expect(result.article).toBe("225-4-3");
  });

  it("torture or barbarity gives 225-4-4: life and €4.5M, over organised gang", () => {
    const result = qualify(facts({ circumstances: ["torture_barbarity", "organised_gang"] }));
    expect(result).toMatchObject({
      article: "225-4-4",
      maxPrisonYears: "life",
      maxFineEuros: 4_500_000,
      offenceClass: "crime",
    });
    expect(result.aggravations).toEqual(["225-4-4", "225-4-3"]);
  });

  it("circumstances never make trafficking out of an adult case with no means", () => {
    const result = qualify(facts({ ageAtFacts: 30, circumstances: ["organised_gang", "several_victims"] }));
    expect(result).toMatchObject({ trafficking: false, article: null, aggravations: [], maxPrisonYears: null });
    expect(result.findings.some((finding) => finding.rule === "225-4-2")).toBe(true);
  });

  it("says there is no under-15 aggravation for trafficking itself", () => {
    const result = qualify(facts({ ageAtFacts: 13 }));
    expect(result.article).toBe("225-4-1 II");
    expect(result.explanation.some((sentence) => sentence.includes("moins de 15 ans"))).toBe(true);
  });
});

describe("qualify: related offences", () => {
  const related = (overrides: Partial<QualificationInput>) => qualify(facts(overrides)).relatedOffences;

  it("proxénétisme of a minor points to 225-5, 225-7 and the client offence 225-12-1", () => {
    expect(related({})).toEqual(["225-5", "225-7", "225-12-1"]);
  });

  it("under 15 adds 225-7-1 and 225-12-2; 15 does not", () => {
    expect(related({ ageAtFacts: 14 })).toEqual(["225-5", "225-7", "225-7-1", "225-12-1", "225-12-2"]);
    expect(related({ ageAtFacts: 15 })).not.toContain("225-7-1");
  });

  it("online contact with a minor points to 225-12-2, but not for an adult", () => {
    expect(related({ circumstances: ["electronic_network_contact"] })).toContain("225-12-2");
    expect(related({ ageAtFacts: 30, circumstances: ["electronic_network_contact"] })).toEqual(["225-5", "225-7"]);
  });

  it("proxénétisme of an adult with no aggravating fact points to 225-5 only", () => {
    expect(related({ ageAtFacts: 30 })).toEqual(["225-5"]);
  });

  it("organised gang and torture point to 225-8 and 225-9", () => {
    expect(related({ circumstances: ["organised_gang", "torture_barbarity"] })).toEqual(
      expect.arrayContaining(["225-8", "225-9"]),
    );
  });

  it("begging of a minor points to 225-12-5 and 225-12-6; of an adult with no circumstance, 225-12-5 only", () => {
    expect(related({ purposes: ["begging_exploitation"] })).toEqual(["225-12-5", "225-12-6"]);
    expect(related({ ageAtFacts: 30, purposes: ["begging_exploitation"] })).toEqual(["225-12-5"]);
    expect(related({ ageAtFacts: 30, purposes: ["begging_exploitation"], circumstances: ["organised_gang"] })).toEqual([
      "225-12-5",
      "225-12-7",
    ]);
  });

  it("labour purposes point to 225-13, 225-14, 225-14-1, 225-14-2 and, for a minor, 225-15", () => {
    expect(related({ purposes: ["forced_labour_services"] })).toEqual(["225-13", "225-14-1", "225-15"]);
    expect(related({ purposes: ["servitude"] })).toEqual(["225-13", "225-14-2", "225-15"]);
    expect(related({ purposes: ["undignified_work_or_housing"] })).toEqual(["225-14", "225-15"]);
    expect(related({ ageAtFacts: 30, purposes: ["forced_labour_services"] })).toEqual(["225-14-1"]);
    expect(
      related({ ageAtFacts: 30, purposes: ["undignified_work_or_housing"], means: ["abuse_of_vulnerability"] }),
    ).toEqual(["225-14"]);
  });

  it("forced criminality of a minor points to 227-21, of an adult to nothing", () => {
    expect(related({ purposes: ["forced_criminality"] })).toEqual(["227-21"]);
    expect(related({ ageAtFacts: 30, purposes: ["forced_criminality"] })).toEqual([]);
  });

  it("slavery points to 224-1 A", () => {
    expect(related({ purposes: ["slavery"] })).toEqual(["224-1 A"]);
  });

  it("related offences are listed even when trafficking is not established", () => {
    const result = qualify(facts({ acts: [], purposes: ["begging_exploitation"] }));
    expect(result.trafficking).toBe(false);
    expect(result.relatedOffences).toEqual(["225-12-5", "225-12-6"]);
    expect(result.relatedOffenceDetails[1]?.facts).toEqual(["purposes: begging_exploitation", "ageAtFacts: 16"]);
  });
});

describe("qualify: explanation and determinism", () => {
  it("every finding names its rule in its sentence and, except L7, the facts it rests on", () => {
    const result = qualify(
      facts({
        ageAtFacts: 14,
        ageUncertain: true,
        means: ["ascendant_or_authority"],
        circumstances: ["organised_gang"],
      }),
    );
    for (const finding of result.findings) {
      expect(finding.text).toContain(/^L\d$/.test(finding.rule) ? `Règle ${finding.rule}` : finding.rule);
      if (finding.rule !== "L7") expect(finding.facts.length).toBeGreaterThan(0);
    }
    expect(result.explanation).toEqual(result.findings.map((finding) => finding.text));
  });

  it("always states that consent is not taken into account (L7)", () => {
    expect(qualify(facts()).explanation.at(-1)).toContain("consentement");
  });

  it("does not depend on the order of the input or on duplicates", () => {
    const a = qualify(
      facts({
        acts: ["receive", "recruit"],
        purposes: ["servitude", "proxenetisme"],
        means: ["abuse_of_vulnerability"],
      }),
    );
    const b = qualify(
      facts({
        acts: ["recruit", "receive", "recruit"],
        purposes: ["proxenetisme", "servitude"],
        means: ["abuse_of_vulnerability"],
      }),
    );
    expect(a).toEqual(b);
  });

  it("uses today's date in France when factsDate is missing", () => {
    const lateEvening = new Date("2025-03-10T23:30:00Z");
    expect(qualify(facts({ factsDate: undefined }), { today: lateEvening }).facts.factsDate).toBe("2025-03-11");
  });

  it("warns when the facts predate every modelled rule set", () => {
    const result = qualify(facts({ factsDate: "2010-05-01" }));
    expect(result.ruleSet.coversFactsDate).toBe(false);
    expect(result.findings[0]?.rule).toBe("rule_set");
  });
});

describe("qualify: rule sets versioned by date", () => {
  const transposition: RuleSet = {
    ...FR_CP_2013,
    id: "test-transposition-2026-07-15",
    validFrom: "2026-07-15",
    label: "Hypothetical transposition of Directive 2024/1712 (test fixture)",
    recognisedPurposes: [...FR_CP_2013.recognisedPurposes, "forced_marriage"],
    unrecognisedPurposeNotes: {},
  };
  const ruleSets = [FR_CP_2013, transposition];

  it("a transposition is a new rule set: facts after it count forced marriage, facts before do not", () => {
    const after = qualify(facts({ purposes: ["forced_marriage"], factsDate: "2026-08-01" }), { ruleSets });
    const before = qualify(facts({ purposes: ["forced_marriage"], factsDate: "2026-07-14" }), { ruleSets });
    expect(after).toMatchObject({ trafficking: true, ruleSet: { id: "test-transposition-2026-07-15" } });
    expect(before).toMatchObject({ trafficking: false, missing: ["purpose"], ruleSet: { id: "fr-cp-2013-08-07" } });
  });
});

import { describe, expect, it } from "vitest";
import { anonymiseRecords, type ExportRecord, HTCDS_QUASI_IDENTIFIERS } from "./k-anonymity.ts";
import { findLDiversityViolations } from "./l-diversity.ts";
import { createRandom, randomInteger } from "./seeded-random.ts";

const quasiIdentifiers = Object.keys(HTCDS_QUASI_IDENTIFIERS);

function randomRecords(count: number, seed: number): ExportRecord[] {
  const random = createRandom(seed);
  const pick = <T>(values: readonly T[]) => values[randomInteger(random, 0, values.length - 1)] as T;
  return Array.from({ length: count }, (_, i) => ({
    cas_CaseId: `case-${i}`,
    vic_AgeWhenTrafficked: randomInteger(random, 11, 21),
    prs_Gender: pick(["Feminine", "Feminine", "Feminine", "Masculine"]),
    prs_Citizenship: pick(["FR", "FR", "FR", "NG", "MA", "RO", "AF"]),
    vic_LocationOfExploitation: pick(["93", "75", "13", "69", "59", "33", "971"]),
    cas_IncomingReferralDate: `${pick(["2022", "2023", "2024"])}-0${randomInteger(random, 1, 9)}-15`,
    vic_TypeOfExploitation: pick(["SexualExploitation", "ForcedLabour", "Other"]),
  }));
}

function classSizes(records: readonly ExportRecord[]): number[] {
  const sizes = new Map<string, number>();
  for (const record of records) {
    const key = JSON.stringify(quasiIdentifiers.map((name) => record[name] ?? null));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
}

describe("anonymiseRecords", () => {
  it("makes every quasi-identifier class hold at least 11 records", () => {
    for (const seed of [1, 2, 3]) {
      const input = randomRecords(600, seed);
      const { records, report } = anonymiseRecords(input, HTCDS_QUASI_IDENTIFIERS);
      expect(Math.min(...classSizes(records))).toBeGreaterThanOrEqual(11);
      expect(report.smallestClass).toBeGreaterThanOrEqual(11);
      expect(report.suppressedRecords).toBeLessThanOrEqual(30);
      expect(report.suppressedRecords + records.length).toBe(input.length);
      // Dates never stay finer than the year (D6).
      expect(records.every((record) => /^(\d{4}|\*)$/.test(String(record.cas_IncomingReferralDate)))).toBe(true);
    }
  });

  it("reports which generalisation it applied", () => {
    const { report } = anonymiseRecords(randomRecords(400, 9), HTCDS_QUASI_IDENTIFIERS);
    expect(Object.keys(report.generalisation).sort()).toEqual([...quasiIdentifiers].sort());
    expect(report.generalisation.cas_IncomingReferralDate).toMatch(/year|suppressed/);
  });

  it("also enforces l-diversity on a sensitive attribute when asked", () => {
    const { records } = anonymiseRecords(randomRecords(500, 4), HTCDS_QUASI_IDENTIFIERS, {
      sensitiveAttribute: "vic_TypeOfExploitation",
    });
    expect(findLDiversityViolations(records, quasiIdentifiers, "vic_TypeOfExploitation")).toEqual([]);
  });

  it("drops everything rather than publish a class below k", () => {
    const { records, report } = anonymiseRecords(randomRecords(5, 7), HTCDS_QUASI_IDENTIFIERS);
    expect(records).toEqual([]);
    expect(report.suppressedRecords).toBe(5);
  });
});

describe("findLDiversityViolations", () => {
  it("flags a class whose members share one sensitive value", () => {
    const records = [
      { dep: "93", ase: "placed" },
      { dep: "93", ase: "placed" },
      { dep: "75", ase: "placed" },
      { dep: "75", ase: "not_placed" },
    ];
    expect(findLDiversityViolations(records, ["dep"], "ase")).toEqual([
      { quasiIdentifierValues: ["93"], size: 2, distinctValues: 1 },
    ]);
  });
});

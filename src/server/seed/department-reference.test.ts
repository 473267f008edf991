import { DEPARTMENT_CODES } from "@shared/departments";
import { describe, expect, it } from "vitest";
import {
  aseChildrenInYear,
  DEPARTMENT_CASE_TABLE,
  DEPARTMENT_REFERENCE,
  findDepartmentReference,
  REFERENCE_CSV_HEADER,
  toReferenceCsv,
} from "./department-reference.ts";

function reference(code: string) {
  const found = findDepartmentReference(code);
  if (!found) throw new Error(`missing ${code}`);
  return found;
}

describe("department reference", () => {
  it("covers exactly the 101 départements", () => {
    expect(DEPARTMENT_REFERENCE.map((d) => d.code).sort()).toEqual([...DEPARTMENT_CODES].sort());
    expect(DEPARTMENT_REFERENCE).toHaveLength(101);
  });

  it("keeps Appendix A's national total (199,530 young people in ASE care at the end of 2020)", () => {
    const total = DEPARTMENT_REFERENCE.reduce((sum, d) => sum + (d.aseChildren2020 ?? 0), 0);
    // Corse's 531 is split in two rounded halves.
    expect(Math.abs(total - 199_530)).toBeLessThanOrEqual(1);
    expect(reference("59").aseChildren2020).toBe(12_638);
    expect(reference("48").aseChildren2015).toBe(125);
  });

  it("derives populations that give back the published rates and a plausible national total", () => {
    for (const d of DEPARTMENT_REFERENCE) {
      if (d.aseChildren2020 === null || d.aseRatePer1000Under21 === null) continue;
      expect(Math.abs((d.aseChildren2020 / d.populationUnder21) * 1000 - d.aseRatePer1000Under21)).toBeLessThan(0.06);
      expect(d.populationUnder18).toBeLessThan(d.populationUnder21);
    }
    // INSEE counts about 14.5 million under-18s in France.
    const under18 = DEPARTMENT_REFERENCE.reduce((sum, d) => sum + d.populationUnder18, 0);
    expect(under18).toBeGreaterThan(13_500_000);
    expect(under18).toBeLessThan(15_500_000);
  });

  it("splits Corse by population and leaves Mayotte's ASE figures unknown", () => {
    const corse = (reference("2A").aseChildren2020 ?? 0) + (reference("2B").aseChildren2020 ?? 0);
    expect(Math.abs(corse - 531)).toBeLessThanOrEqual(1);
    expect(reference("2B").populationUnder18).toBeGreaterThan(reference("2A").populationUnder18);
    expect(reference("976").aseChildren2020).toBeNull();
    expect(reference("976").populationUnder18).toBeGreaterThan(100_000);
  });

  it("weights Seine-Saint-Denis far above Creuse, and Île-de-France and border départements above the rest", () => {
    expect(reference("93").caseWeight).toBeGreaterThan(50 * reference("23").caseWeight);
    expect(reference("93").regionalFactor).toBe(5);
    expect(reference("75").regionalFactor).toBe(2.5);
    expect(reference("59").regionalFactor).toBe(1.5);
    expect(reference("59").urbanWeight).toBe(1.5);
    expect(reference("23").regionalFactor * reference("23").urbanWeight).toBe(1);
    expect(DEPARTMENT_CASE_TABLE.probability("93")).toBeGreaterThan(0.08);
    expect(DEPARTMENT_CASE_TABLE.probability("93")).toBeLessThan(0.16);
  });

  it("interpolates ASE counts between 2015 and 2020 and grows them after 2020", () => {
    const nord = reference("59");
    expect(aseChildrenInYear(nord, 2015)).toBe(11_878);
    expect(aseChildrenInYear(nord, 2010)).toBe(11_878);
    expect(aseChildrenInYear(nord, 2020)).toBe(12_638);
    expect(aseChildrenInYear(nord, 2018)).toBe(Math.round(11_878 + (760 * 3) / 5));
    expect(aseChildrenInYear(nord, 2023)).toBe(Math.round(12_638 * 1.11));
    expect(aseChildrenInYear(reference("976"), 2023)).toBeNull();
  });
});

describe("toReferenceCsv", () => {
  it("writes the documented header and one row per département and year, empty when unknown", () => {
    const lines = toReferenceCsv([2020, 2023]).trimEnd().split("\n");
    expect(lines[0]).toBe(REFERENCE_CSV_HEADER.join(","));
    expect(lines[0]).toBe(
      "department_code,year,population_under_18,children_in_ase_care,ase_rate_per_1000_under_21,unexecuted_placement_decisions,occupancy_rate",
    );
    expect(lines).toHaveLength(1 + 2 * 101);
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.every((row) => row.length === 7)).toBe(true);
    const seineSaintDenis2020 = rows.find((row) => row[0] === "93" && row[1] === "2020");
    expect(seineSaintDenis2020).toEqual([
      "93",
      "2020",
      String(reference("93").populationUnder18),
      "5763",
      "11.4",
      "",
      "",
    ]);
    const mayotte2023 = rows.find((row) => row[0] === "976" && row[1] === "2023");
    expect(mayotte2023?.slice(3)).toEqual(["", "", "", ""]);
    expect(toReferenceCsv(2021).split("\n")).toHaveLength(1 + 101 + 1);
    expect(() => toReferenceCsv(2020.5)).toThrow(RangeError);
  });
});

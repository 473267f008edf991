import { DEPARTMENTS } from "@shared/departments.ts";
import { describe, expect, it } from "vitest";
import { createCountTable } from "./count-table.ts";
import { DisclosureInputError } from "./disclosure-rules.ts";
import { foldDepartmentDimension, OVERSEAS_GROUP_CODE, planDepartmentFolding } from "./geographic-folding.ts";

// Every département has 20 victims a year unless a test says otherwise.
const totals = (overrides: Record<string, number[]>) =>
  Object.fromEntries(DEPARTMENTS.map((department) => [department.code, overrides[department.code] ?? [20, 20]]));

describe("planDepartmentFolding", () => {
  it("keeps départements with at least 11 victims every year", () => {
    const folding = planDepartmentFolding(totals({}));
    expect(folding.units).toHaveLength(101);
    expect(folding.units.every((unit) => unit.kind === "department")).toBe(true);
  });

  it("folds small départements of a region together (D5)", () => {
    // Auvergne-Rhône-Alpes (84): Cantal 15 and Haute-Loire 43 are small, together ≥ 11 each year.
    const folding = planDepartmentFolding(totals({ "15": [6, 9], "43": [7, 4] }));
    const group = folding.units.find((unit) => unit.code === "R84");
    expect(group?.departments.sort()).toEqual(["15", "43"]);
    expect(group?.label).toBe("Auvergne-Rhône-Alpes (départements regroupés)");
    expect(folding.unitOf.get("15")).toBe("R84");
    expect(folding.unitOf.get("69")).toBe("69");
  });

  it("adds the smallest other département when the group stays below 11", () => {
    // Lozère 48 alone in Occitanie (76): 3 + nothing; Ariège 09 is the next smallest.
    const folding = planDepartmentFolding(totals({ "48": [3, 2], "09": [12, 11] }));
    expect(folding.units.find((unit) => unit.code === "R76")?.departments.sort()).toEqual(["09", "48"]);
  });

  it("groups small overseas départements into Outre-mer", () => {
    const folding = planDepartmentFolding(totals({ "976": [5, 8], "972": [7, 6] }));
    const overseas = folding.units.find((unit) => unit.code === OVERSEAS_GROUP_CODE);
    expect(overseas?.departments.sort()).toEqual(["972", "976"]);
    expect(overseas?.kind).toBe("overseas_group");
  });

  it("rejects codes outside the 101 départements", () => {
    expect(() => planDepartmentFolding({ "975": [3] })).toThrow(DisclosureInputError);
  });
});

describe("foldDepartmentDimension", () => {
  it("adds up the folded départements' counts", () => {
    const folding = planDepartmentFolding(totals({ "15": [6, 9], "43": [7, 4] }));
    const table = createCountTable(
      [
        { name: "year", categories: ["2023", "2024"] },
        { name: "department", categories: DEPARTMENTS.map((department) => department.code) },
      ],
      [
        { categories: ["2023", "15"], count: 6 },
        { categories: ["2023", "43"], count: 7 },
        { categories: ["2024", "69"], count: 30 },
      ],
    );
    const folded = foldDepartmentDimension(table, "department", folding);
    const departments = folded.dimensions[1]?.categories ?? [];
    expect(departments).toHaveLength(100);
    expect(folded.cells[departments.indexOf("R84")]).toBe(13);
    expect(folded.cells[departments.length + departments.indexOf("69")]).toBe(30);
  });
});

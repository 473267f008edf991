import { describe, expect, it } from "vitest";
import { departmentsOfCode } from "../observatory-paths.ts";
import { sexTable } from "../observatory-test-fixtures.tsx";
import { mapValuesOf } from "./chart-data.ts";

describe("mapValuesOf", () => {
  it("gives a folded group's value to each of its départements and leaves hidden ones uncoloured", () => {
    const base = sexTable();
    const table = {
      ...base,
      dimensions: [
        {
          name: "department" as const,
          label: "Département",
          categories: [
            { code: "93", label: "Seine-Saint-Denis" },
            { code: "overseas", label: "Outre-mer (regroupés)", departments: ["971", "972", "973", "974", "976"] },
            { code: "48", label: "Lozère" },
          ],
        },
      ],
      cells: [
        { categories: ["93"], count: 42, value: 42, display: "42", status: "published" as const, isTotal: false },
        { categories: ["overseas"], count: 15, value: 15, display: "15", status: "published" as const, isTotal: false },
        { categories: ["48"], count: null, value: null, display: "< 11", status: "primary" as const, isTotal: false },
      ],
    };

    expect(mapValuesOf(table)).toEqual({ "93": 42, "971": 15, "972": 15, "973": 15, "974": 15, "976": 15 });
  });
});

describe("departmentsOfCode", () => {
  it("reads one département or a folded group from the address, and refuses unknown codes", () => {
    expect(departmentsOfCode("2A")).toEqual(["2A"]);
    expect(departmentsOfCode("971-972-971")).toEqual(["971", "972"]);
    expect(departmentsOfCode("93-99")).toBeUndefined();
    expect(departmentsOfCode(undefined)).toBeUndefined();
  });
});

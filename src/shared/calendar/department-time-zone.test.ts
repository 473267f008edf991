import { describe, expect, it } from "vitest";
import { DEPARTMENT_CODES } from "../departments.ts";
import { getDepartmentTimeZone } from "./department-time-zone.ts";

describe("getDepartmentTimeZone", () => {
  it("puts metropolitan départements, Corsica included, on Paris time", () => {
    for (const code of ["01", "2A", "2B", "57", "75", "93", "95"]) {
      expect(getDepartmentTimeZone(code)).toBe("Europe/Paris");
    }
  });

  it("gives each overseas département its own zone", () => {
    expect(getDepartmentTimeZone("971")).toBe("America/Guadeloupe");
    expect(getDepartmentTimeZone("972")).toBe("America/Martinique");
    expect(getDepartmentTimeZone("973")).toBe("America/Cayenne");
    expect(getDepartmentTimeZone("974")).toBe("Indian/Reunion");
    expect(getDepartmentTimeZone("976")).toBe("Indian/Mayotte");
  });

  it("has a zone the runtime knows for all 101 départements", () => {
    expect(DEPARTMENT_CODES).toHaveLength(101);
    for (const code of DEPARTMENT_CODES) {
      const timeZone = getDepartmentTimeZone(code);
      expect(() => new Intl.DateTimeFormat("fr-FR", { timeZone })).not.toThrow();
    }
  });

  it("rejects codes that are not départements", () => {
    for (const code of ["20", "975", "977", "99", "", "2a"]) {
      expect(() => getDepartmentTimeZone(code)).toThrow(RangeError);
    }
  });
});

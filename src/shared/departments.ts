import allDepartments from "@etalab/decoupage-administratif/data/departements.json";

/** A département by its INSEE COG code ("01"…"95", "2A", "2B", "971"…"976"). */
export interface Department {
  code: string;
  name: string;
  regionCode: string;
  isOverseas: boolean;
}

// The package also lists overseas collectivities (975, 977…); Repère covers the 101 départements.
export const DEPARTMENTS: readonly Department[] = allDepartments
  .filter((d) => d.zone === "metro" || d.zone === "drom")
  .map((d) => ({ code: d.code, name: d.nom, regionCode: d.region, isOverseas: d.zone === "drom" }));

const byCode = new Map(DEPARTMENTS.map((d) => [d.code, d]));

export const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code) as [string, ...string[]];

export function findDepartment(code: string): Department | undefined {
  return byCode.get(code);
}

export function isDepartmentCode(code: string): boolean {
  return byCode.has(code);
}

export function departmentLabel(code: string): string {
  const department = byCode.get(code);
  return department ? `${department.name} (${department.code})` : code;
}

import { isDepartmentCode } from "@shared/departments.ts";
import { PATHS } from "../../paths.ts";

/** A folded group of départements travels in the address as its codes joined by "-" ("971-972-973-974-976"). */
export const observatoryPaths = {
  department: (codes: readonly string[]) => PATHS.observatoryDepartment.replace(":code", codes.join("-")),
};

/** The départements an address names, or undefined when one of them is unknown. */
export function departmentsOfCode(code: string | undefined): string[] | undefined {
  const codes = (code ?? "").split("-").filter(Boolean);
  if (codes.length === 0 || !codes.every(isDepartmentCode)) return undefined;
  return [...new Set(codes)];
}

import type { SessionView } from "@shared/auth.ts";
import { isDepartmentCode } from "@shared/departments.ts";
import { PATHS } from "../../paths.ts";
import { canDo } from "../../session.ts";

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

/**
 * The département whose dashboard is this user's observatory, or null when they see the country. The server pins
 * every observatory query of a non-national reader to their organisation's département (policy `observatory.read`);
 * only national readers may publish the national annual report, so that action marks the national scope here.
 */
export function ownObservatoryDepartment(session: SessionView): string | null {
  if (!canDo(session, "observatory.read") || canDo(session, "observatory.annual_report")) return null;
  return session.user.organisation.departmentCode;
}

import { DEPARTMENTS } from "@shared/departments.ts";

/** The départements as <option>s, labelled "Seine-Saint-Denis (93)"; `only` narrows them to an admin's scope. */
export function DepartmentOptions({ only }: { only?: string | null }) {
  const departments = only ? DEPARTMENTS.filter((department) => department.code === only) : DEPARTMENTS;
  return departments.map((department) => (
    <option key={department.code} value={department.code}>
      {department.name} ({department.code})
    </option>
  ));
}

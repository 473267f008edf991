import { findDepartment } from "../departments.ts";

const METROPOLITAN_TIME_ZONE = "Europe/Paris";

// Keyed by COG code. Mayotte uses Indian/Mayotte, not the Africa/Nairobi that date-holidays lists: tzdata links the
// two today (UTC+3), but the place's own name would follow if its clock ever diverged.
const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  "971": "America/Guadeloupe",
  "972": "America/Martinique",
  "973": "America/Cayenne",
  "974": "Indian/Reunion",
  "976": "Indian/Mayotte",
};

/** IANA time zone of a département (COG code), in which its dates and alerts are read. Throws on an unknown code. */
export function getDepartmentTimeZone(departmentCode: string): string {
  const department = findDepartment(departmentCode);
  if (department === undefined) {
    throw new RangeError(`Unknown département code "${departmentCode}"`);
  }
  if (!department.isOverseas) {
    return METROPOLITAN_TIME_ZONE;
  }
  const timeZone = OVERSEAS_TIME_ZONES[department.code];
  if (timeZone === undefined) {
    throw new RangeError(`No time zone configured for overseas département "${departmentCode}"`);
  }
  return timeZone;
}

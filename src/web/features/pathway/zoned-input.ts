import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** The value of a datetime-local input showing `instant` as the département's clocks show it. */
export function toZonedInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), INPUT_FORMAT);
}

/**
 * "2025-03-10T09:30" typed for a département, as an ISO instant with the zone's offset, so an OPP dated at 09:30 in
 * Cayenne is not read as 09:30 in Paris. Undefined for an empty or malformed value.
 */
export function fromZonedInput(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new TZDate(year, month - 1, day, hours, minutes, timeZone);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

import { getDepartmentTimeZone } from "@shared/calendar/department-time-zone.ts";
import { addLocalDays, endOfLocalDay, toLocalDate } from "@shared/calendar/local-date.ts";
import { addWorkingDays } from "@shared/calendar/working-days.ts";
import type { Deadline } from "@shared/qualification/deadline.ts";

/**
 * When an action raised at `raisedAt` falls due, in the département's own time zone: days end at local midnight,
 * working days skip that département's public holidays. "As soon as possible" has no date.
 */
export function dueDateOf(deadline: Deadline, raisedAt: Date, departmentCode: string): Date | null {
  const timeZone = getDepartmentTimeZone(departmentCode);
  const day = toLocalDate(raisedAt, timeZone);
  switch (deadline.kind) {
    case "immediately":
    case "same_day":
      return endOfLocalDay(day, timeZone);
    case "hours":
      return new Date(raisedAt.getTime() + deadline.hours * 3_600_000);
    case "calendar_days":
      return endOfLocalDay(addLocalDays(day, deadline.days), timeZone);
    case "working_days":
      return endOfLocalDay(addWorkingDays(day, deadline.days, departmentCode), timeZone);
    case "as_soon_as_possible":
      return null;
  }
}

import { describe, expect, it } from "vitest";
import { addCalendarDays, addCalendarMonths, ageOn, toParisIsoDate } from "./calendar-date";

describe("calendar dates", () => {
  it("gives the French calendar day, winter and summer time", () => {
    expect(toParisIsoDate(new Date("2025-01-10T23:30:00Z"))).toBe("2025-01-11");
    expect(toParisIsoDate(new Date("2025-07-10T21:59:00Z"))).toBe("2025-07-10");
    expect(toParisIsoDate(new Date("2025-07-10T22:00:00Z"))).toBe("2025-07-11");
  });

  it("adds days across months and years", () => {
    expect(addCalendarDays("2024-12-28", 7)).toBe("2025-01-04");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("adds months, clamping to the end of the month", () => {
    expect(addCalendarMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-11-30", 3)).toBe("2025-02-28");
    expect(addCalendarMonths("2025-05-15", -12)).toBe("2024-05-15");
  });

  it("counts age in whole years", () => {
    expect(ageOn("2008-06-15", "2025-06-14")).toBe(16);
    expect(ageOn("2008-06-15", "2025-06-15")).toBe(17);
  });
});

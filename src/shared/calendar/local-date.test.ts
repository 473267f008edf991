import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  addLocalMonths,
  addLocalYears,
  endOfLocalDay,
  getLocalWeekday,
  isLocalDate,
  LocalDate,
  startOfLocalDay,
  toLocalDate,
} from "./local-date.ts";

describe("local dates", () => {
  it("accepts only existing days written YYYY-MM-DD", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2025-02-29")).toBe(false);
    expect(isLocalDate("2025-04-31")).toBe(false);
    expect(isLocalDate("2025-4-1")).toBe(false);
    expect(isLocalDate("2025-04-01T00:00")).toBe(false);
    expect(LocalDate.safeParse("2025-13-01").success).toBe(false);
    expect(() => addLocalDays("01/04/2025", 1)).toThrow(RangeError);
  });

  it("adds days across month and year ends", () => {
    expect(addLocalDays("2024-12-28", 8)).toBe("2025-01-05");
    expect(addLocalDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addLocalDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("clamps months to the last day of a shorter month", () => {
    expect(addLocalMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addLocalMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addLocalMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(addLocalMonths("2025-05-31", 3)).toBe("2025-08-31");
    expect(addLocalMonths("2025-06-15", -3)).toBe("2025-03-15");
  });

  it("moves 29 February to 28 February in a common year", () => {
    expect(addLocalYears("2008-02-29", 17)).toBe("2025-02-28");
    expect(addLocalYears("2008-02-29", 16)).toBe("2024-02-29");
  });

  it("numbers weekdays from Monday = 1", () => {
    expect(getLocalWeekday("2025-04-21")).toBe(1);
    expect(getLocalWeekday("2025-04-20")).toBe(7);
  });

  it("reads an instant as the wall-clock day of a time zone", () => {
    const instant = new Date("2025-03-10T20:30:00Z");
    expect(toLocalDate(instant, "Europe/Paris")).toBe("2025-03-10");
    expect(toLocalDate(instant, "Indian/Reunion")).toBe("2025-03-11");
    expect(toLocalDate(new Date("2025-03-11T02:30:00Z"), "America/Martinique")).toBe("2025-03-10");
  });

  it("gives a 23-hour day when Paris moves to summer time and a 25-hour one when it moves back", () => {
    expect(startOfLocalDay("2025-03-30", "Europe/Paris").toISOString()).toBe("2025-03-29T23:00:00.000Z");
    expect(endOfLocalDay("2025-03-30", "Europe/Paris").toISOString()).toBe("2025-03-30T21:59:59.999Z");
    expect(startOfLocalDay("2025-10-26", "Europe/Paris").toISOString()).toBe("2025-10-25T22:00:00.000Z");
    expect(endOfLocalDay("2025-10-26", "Europe/Paris").toISOString()).toBe("2025-10-26T22:59:59.999Z");
  });

  it("ends an overseas day at its own midnight", () => {
    expect(endOfLocalDay("2025-06-10", "America/Cayenne").toISOString()).toBe("2025-06-11T02:59:59.999Z");
    expect(endOfLocalDay("2025-04-27", "Indian/Mayotte").toISOString()).toBe("2025-04-27T20:59:59.999Z");
  });
});

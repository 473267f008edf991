import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, nextWorkingDayFrom } from "./working-days.ts";

describe("isWorkingDay", () => {
  it("excludes Saturdays, Sundays and public holidays", () => {
    expect(isWorkingDay("2025-06-06", "75")).toBe(true); // Friday
    expect(isWorkingDay("2025-06-07", "75")).toBe(false); // Saturday
    expect(isWorkingDay("2025-06-08", "75")).toBe(false); // Sunday
    expect(isWorkingDay("2025-06-09", "75")).toBe(false); // Whit Monday
  });

  it("validates the département even on a weekend", () => {
    expect(() => isWorkingDay("2025-06-07", "20")).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("does not count the start day and skips the weekend", () => {
    expect(addWorkingDays("2025-06-13", 1, "75")).toBe("2025-06-16"); // Friday → Monday
    expect(addWorkingDays("2025-06-13", 5, "75")).toBe("2025-06-20"); // Friday → next Friday
    expect(addWorkingDays("2025-06-14", 1, "75")).toBe("2025-06-16"); // Saturday → Monday
    expect(addWorkingDays("2025-06-13", 0, "75")).toBe("2025-06-13");
  });

  it.each([
    ["Easter Monday", "2025-04-18", "2025-04-22"],
    ["Ascension", "2025-05-28", "2025-05-30"],
    ["Whit Monday", "2025-06-06", "2025-06-10"],
    ["14 July", "2025-07-11", "2025-07-15"],
    ["15 August", "2025-08-14", "2025-08-18"],
    ["1 November", "2024-10-31", "2024-11-04"],
    ["11 November", "2024-11-08", "2024-11-12"],
    ["25 December", "2024-12-24", "2024-12-26"],
  ])("skips %s", (_name, from, expected) => {
    expect(addWorkingDays(from, 1, "75")).toBe(expected);
  });

  it("skips Good Friday and 26 December in Moselle but not in Paris", () => {
    expect(addWorkingDays("2025-04-17", 1, "57")).toBe("2025-04-22");
    expect(addWorkingDays("2025-04-17", 1, "75")).toBe("2025-04-18");
    expect(addWorkingDays("2025-12-24", 1, "57")).toBe("2025-12-29");
    expect(addWorkingDays("2025-12-24", 1, "75")).toBe("2025-12-26");
  });

  it.each([
    ["976", "2026-04-24", "2026-04-28", "2026-04-27"], // Monday 27 April, Mayotte
    ["972", "2026-05-21", "2026-05-26", "2026-05-22"], // Friday 22 May then Whit Monday, Martinique
    ["971", "2026-05-26", "2026-05-28", "2026-05-27"], // Wednesday 27 May, Guadeloupe
    ["973", "2026-06-09", "2026-06-11", "2026-06-10"], // Wednesday 10 June, Guyane
    ["974", "2024-12-19", "2024-12-23", "2024-12-20"], // Friday 20 December, La Réunion
  ])("skips the abolition day in %s", (code, from, overseas, paris) => {
    expect(addWorkingDays(from, 1, code)).toBe(overseas);
    expect(addWorkingDays(from, 1, "75")).toBe(paris);
  });

  it("counts a long run across several holidays", () => {
    // From Thursday 22 May 2025: Ascension (29 May) is skipped in Paris; Guadeloupe also skips 27 May and lands
    // after Whit Monday (9 June).
    expect(addWorkingDays("2025-05-22", 10, "75")).toBe("2025-06-06");
    expect(addWorkingDays("2025-05-22", 10, "971")).toBe("2025-06-10");
  });

  it("rejects a negative or fractional count", () => {
    expect(() => addWorkingDays("2025-06-13", -1, "75")).toThrow(RangeError);
    expect(() => addWorkingDays("2025-06-13", 1.5, "75")).toThrow(RangeError);
  });
});

describe("nextWorkingDayFrom", () => {
  it("keeps a working day and moves a day off to the next working day", () => {
    expect(nextWorkingDayFrom("2025-04-22", "75")).toBe("2025-04-22");
    expect(nextWorkingDayFrom("2025-04-19", "75")).toBe("2025-04-22"); // Saturday, then Easter Sunday and Monday
    expect(nextWorkingDayFrom("2025-12-25", "57")).toBe("2025-12-29");
    expect(nextWorkingDayFrom("2025-12-25", "75")).toBe("2025-12-26");
  });
});

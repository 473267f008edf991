import { describe, expect, it } from "vitest";
import { isPublicHoliday, listPublicHolidays } from "./holidays.ts";

const NATIONAL_2025 = [
  "2025-01-01",
  "2025-04-21", // Easter Monday
  "2025-05-01",
  "2025-05-08",
  "2025-05-29", // Ascension
  "2025-06-09", // Whit Monday
  "2025-07-14",
  "2025-08-15",
  "2025-11-01",
  "2025-11-11",
  "2025-12-25",
];

const datesOf = (year: number, departmentCode: string) =>
  listPublicHolidays(year, departmentCode).map((holiday) => holiday.localDate);

describe("public holidays", () => {
  it("lists the eleven national days, in order, without observances", () => {
    expect(datesOf(2025, "75")).toEqual(NATIONAL_2025);
    // Pentecost Sunday and Mother's Day are observances in date-holidays, not days off.
    expect(isPublicHoliday("2025-06-08", "75")).toBe(false);
    expect(isPublicHoliday("2025-05-25", "75")).toBe(false);
  });

  it("names them in French", () => {
    const names = listPublicHolidays(2025, "93").map((holiday) => holiday.name);
    expect(names).toContain("Lundi de Pentecôte");
    expect(names).toContain("Assomption");
  });

  it("moves Easter-based days with Easter", () => {
    expect(datesOf(2026, "75")).toEqual(expect.arrayContaining(["2026-04-06", "2026-05-14", "2026-05-25"]));
    expect(isPublicHoliday("2025-04-06", "75")).toBe(false);
  });

  it.each(["57", "67", "68"])("adds Good Friday and 26 December in Alsace-Moselle (%s)", (code) => {
    expect(datesOf(2025, code)).toEqual([
      ...NATIONAL_2025.slice(0, 1),
      "2025-04-18",
      ...NATIONAL_2025.slice(1),
      "2025-12-26",
    ]);
    expect(isPublicHoliday("2026-04-03", code)).toBe(true);
  });

  it("keeps Good Friday and 26 December working days elsewhere in metropolitan France", () => {
    for (const code of ["75", "54", "88", "2A"]) {
      expect(isPublicHoliday("2025-04-18", code)).toBe(false);
      expect(isPublicHoliday("2025-12-26", code)).toBe(false);
    }
  });

  it.each([
    ["976", "2025-04-27", "Mayotte"],
    ["972", "2025-05-22", "Martinique"],
    ["971", "2025-05-27", "Guadeloupe"],
    ["973", "2025-06-10", "Guyane"],
    ["974", "2025-12-20", "La Réunion"],
  ])("adds the abolition of slavery day in %s on %s (%s) and only there", (code, localDate) => {
    expect(isPublicHoliday(localDate, code)).toBe(true);
    expect(listPublicHolidays(2025, code).find((holiday) => holiday.localDate === localDate)?.name).toMatch(
      /abolition/i,
    );
    for (const other of ["75", "971", "972", "973", "974", "976"].filter((c) => c !== code)) {
      expect(isPublicHoliday(localDate, other)).toBe(false);
    }
  });

  it("keeps the national days overseas", () => {
    for (const code of ["971", "972", "973", "974", "976"]) {
      expect(datesOf(2025, code)).toEqual(expect.arrayContaining(NATIONAL_2025));
    }
  });

  // Pins what date-holidays 3.37.0 does beyond the Code du travail (see holidays.ts), so an upgrade is noticed.
  it("follows the library on Good Friday in the Antilles and leaves out optional and customary days", () => {
    expect(isPublicHoliday("2025-04-18", "971")).toBe(true);
    expect(isPublicHoliday("2025-04-18", "972")).toBe(true);
    expect(isPublicHoliday("2025-04-18", "973")).toBe(false);
    expect(isPublicHoliday("2025-04-18", "974")).toBe(false);
    expect(isPublicHoliday("2025-04-18", "976")).toBe(false);
    expect(isPublicHoliday("2025-07-21", "971")).toBe(false);
    expect(isPublicHoliday("2025-07-21", "972")).toBe(false);
    expect(datesOf(2025, "973")).toHaveLength(12);
    expect(datesOf(2025, "976")).toHaveLength(12);
  });

  it("serves a (year, département) list from its cache", () => {
    expect(listPublicHolidays(2027, "57")).toBe(listPublicHolidays(2027, "57"));
    expect(listPublicHolidays(2027, "57")).not.toBe(listPublicHolidays(2027, "75"));
    expect(Object.isFrozen(listPublicHolidays(2027, "57"))).toBe(true);
  });

  it("rejects an unknown département", () => {
    expect(() => isPublicHoliday("2025-12-26", "20")).toThrow(RangeError);
    expect(() => listPublicHolidays(2025, "975")).toThrow(RangeError);
  });
});

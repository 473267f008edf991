import { describe, expect, it } from "vitest";
import {
  anniversaryDay,
  birthDayForAge,
  DAY_MS,
  dayFromParts,
  fullYearsBetween,
  isoDay,
  isoInstant,
  parseIsoDay,
  partsOfDay,
} from "./calendar-days.ts";
import { createRandom } from "./random.ts";

describe("day numbers", () => {
  it("agree with Date for every day from 1900 to 2100", () => {
    const first = Date.UTC(1900, 0, 1) / DAY_MS;
    const last = Date.UTC(2100, 11, 31) / DAY_MS;
    const mismatches: number[] = [];
    for (let day = first; day <= last; day++) {
      const date = new Date(day * DAY_MS);
      const parts = dayFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (isoDay(day) !== date.toISOString().slice(0, 10) || parts !== day) mismatches.push(day);
      const instant = day * DAY_MS + ((day * 7_919_993) % DAY_MS);
      if (isoInstant(instant) !== new Date(instant).toISOString()) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
  });

  it("rolls 29 February of a common year over to 1 March, as Date.UTC does", () => {
    expect(isoDay(dayFromParts(2023, 2, 29))).toBe("2023-03-01");
    expect(partsOfDay(dayFromParts(2024, 2, 29))).toEqual([2024, 2, 29]);
    expect(parseIsoDay("2024-02-29")).toBe(dayFromParts(2024, 2, 29));
    expect(() => parseIsoDay("29/02/2024")).toThrow(RangeError);
  });
});

describe("ages", () => {
  it("counts completed years the civil way", () => {
    const birth = parseIsoDay("2008-06-15");
    expect(fullYearsBetween(birth, parseIsoDay("2024-06-14"))).toBe(15);
    expect(fullYearsBetween(birth, parseIsoDay("2024-06-15"))).toBe(16);
    const leapling = parseIsoDay("2008-02-29");
    expect(fullYearsBetween(leapling, parseIsoDay("2026-02-28"))).toBe(17);
    expect(fullYearsBetween(leapling, parseIsoDay("2026-03-01"))).toBe(18);
    expect(isoDay(anniversaryDay(leapling, 18))).toBe("2026-03-01");
  });

  it("draws birth dates that give exactly the requested age, including around leap days", () => {
    const random = createRandom("ages");
    const days = ["2024-02-29", "2025-02-28", "2025-03-01", "2023-12-31", "2024-01-01"].map(parseIsoDay);
    const wrong: string[] = [];
    for (const atDay of days) {
      for (let age = 0; age <= 21; age++) {
        for (let i = 0; i < 50; i++) {
          const birthDay = birthDayForAge(random, atDay, age);
          if (fullYearsBetween(birthDay, atDay) !== age) wrong.push(`${isoDay(birthDay)} at ${isoDay(atDay)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

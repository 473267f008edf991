import { describe, expect, it } from "vitest";
import { exactAge, parisDate } from "./case-age.ts";

describe("parisDate", () => {
  it("turns the date at midnight in Paris, in winter and in summer time, whatever was asked before", () => {
    const at = (iso: string) => parisDate(new Date(iso));
    expect(at("2025-01-10T22:59:59.999Z")).toBe("2025-01-10");
    expect(at("2025-01-10T23:00:00.000Z")).toBe("2025-01-11");
    expect(at("2025-01-10T22:59:30.000Z")).toBe("2025-01-10");
    expect(at("2025-07-14T21:59:59.999Z")).toBe("2025-07-14");
    expect(at("2025-07-14T22:00:00.000Z")).toBe("2025-07-15");
    // The night the clocks go forward: 23:59 CET is 22:59 UTC, midnight is 23:00 UTC.
    expect(at("2025-03-29T22:59:00.000Z")).toBe("2025-03-29");
    expect(at("2025-03-29T23:00:00.000Z")).toBe("2025-03-30");
    expect(at("2025-07-14T22:00:59.000Z")).toBe("2025-07-15");
  });
});

describe("exactAge", () => {
  it("counts a year only from the birthday on", () => {
    expect(exactAge("2010-05-20", "2026-05-19")).toBe(15);
    expect(exactAge("2010-05-20", "2026-05-20")).toBe(16);
  });
});

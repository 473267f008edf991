import { describe, expect, it } from "vitest";
import { fromZonedInput, toZonedInput } from "./zoned-input.ts";

describe("zoned datetime inputs", () => {
  it("reads a typed time in the département's zone, overseas included", () => {
    expect(new Date(fromZonedInput("2025-03-10T09:30", "Europe/Paris") ?? "").toISOString()).toBe(
      "2025-03-10T08:30:00.000Z",
    );
    expect(new Date(fromZonedInput("2025-03-10T09:30", "America/Cayenne") ?? "").toISOString()).toBe(
      "2025-03-10T12:30:00.000Z",
    );
    expect(new Date(fromZonedInput("2025-07-01T00:15", "Indian/Reunion") ?? "").toISOString()).toBe(
      "2025-06-30T20:15:00.000Z",
    );
  });

  it("shows an instant as the zone's clocks do, and refuses what is not a datetime", () => {
    expect(toZonedInput(new Date("2025-06-30T20:15:00Z"), "Indian/Reunion")).toBe("2025-07-01T00:15");
    expect(fromZonedInput("", "Europe/Paris")).toBeUndefined();
    expect(fromZonedInput("10/03/2025 09:30", "Europe/Paris")).toBeUndefined();
  });
});

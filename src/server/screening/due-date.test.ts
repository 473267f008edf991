import { describe, expect, it } from "vitest";
import { dueDateOf } from "./due-date.ts";

describe("dueDateOf", () => {
  it("ends a same-day action at local midnight, in Réunion's time zone for a case there", () => {
    const raised = new Date("2026-03-10T15:00:00Z");
    expect(dueDateOf({ kind: "same_day" }, raised, "75")?.toISOString()).toBe("2026-03-10T22:59:59.999Z");
    expect(dueDateOf({ kind: "same_day" }, raised, "974")?.toISOString()).toBe("2026-03-10T19:59:59.999Z");
  });

  it("skips the weekend and Easter Monday for working days", () => {
    // Thursday 2 April 2026; Easter Monday is 6 April.
    const due = dueDateOf({ kind: "working_days", days: 2 }, new Date("2026-04-02T10:00:00Z"), "75");
    expect(due?.toISOString()).toBe("2026-04-07T21:59:59.999Z");
  });

  it("counts hours exactly and leaves 'as soon as possible' undated", () => {
    const raised = new Date("2026-03-10T15:00:00Z");
    expect(dueDateOf({ kind: "hours", hours: 48 }, raised, "93")?.toISOString()).toBe("2026-03-12T15:00:00.000Z");
    expect(dueDateOf({ kind: "as_soon_as_possible" }, raised, "93")).toBeNull();
  });
});

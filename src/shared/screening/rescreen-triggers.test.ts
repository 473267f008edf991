import { describe, expect, it } from "vitest";
import { type CaseEvent, decideRescreen, type RescreenContext } from "./rescreen-triggers";

function context(overrides: Partial<RescreenContext> = {}): RescreenContext {
  return {
    lastScreening: { at: "2025-03-01", level: "none" },
    events: [],
    today: "2025-03-20",
    ...overrides,
  };
}

describe("decideRescreen", () => {
  it("is not due without a trigger", () => {
    expect(decideRescreen(context())).toEqual({ due: false, entries: [], nextPeriodicRescreenOn: null });
  });

  it.each<[CaseEvent["type"], string]>([
    ["runaway_returned", "runaway_return"],
    ["placement_started", "placement_or_school_change"],
    ["placement_breakdown", "placement_or_school_change"],
    ["school_exclusion", "placement_or_school_change"],
    ["arrest", "offence"],
    ["offence_recorded", "offence"],
    ["partner_information", "partner_information"],
    ["left_care", "leaving_care"],
  ])("%s after the last screening puts a rescreen due within 7 days", (type, trigger) => {
    const decision = decideRescreen(context({ events: [{ type, at: "2025-03-10" }] }));
    expect(decision.due).toBe(true);
    expect(decision.entries).toEqual([
      expect.objectContaining({ trigger, triggeredOn: "2025-03-10", dueBy: "2025-03-17" }),
    ]);
  });

  it("an offence also mentions the non-punishment review", () => {
    const [entry] = decideRescreen(context({ events: [{ type: "arrest", at: "2025-03-10" }] })).entries;
    expect(entry?.reason).toContain("non-sanction");
  });

  it("ignores events before the screening, on its day (date only) and in the future", () => {
    const events: CaseEvent[] = [
      { type: "runaway_returned", at: "2025-02-20" },
      { type: "runaway_returned", at: "2025-03-01" },
      { type: "runaway_returned", at: "2025-03-25" },
    ];
    expect(decideRescreen(context({ events })).due).toBe(false);
  });

  it("compares times when both sides have one", () => {
    const lastScreening = { at: "2025-03-01T09:00:00+01:00", level: "none" as const };
    expect(
      decideRescreen(
        context({ lastScreening, events: [{ type: "runaway_returned", at: "2025-03-01T18:00:00+01:00" }] }),
      ).due,
    ).toBe(true);
    expect(
      decideRescreen(
        context({ lastScreening, events: [{ type: "runaway_returned", at: "2025-03-01T08:00:00+01:00" }] }),
      ).due,
    ).toBe(false);
  });

  it("keeps one entry per trigger, for the latest event", () => {
    const decision = decideRescreen(
      context({
        events: [
          { type: "runaway_returned", at: "2025-03-12" },
          { type: "runaway_returned", at: "2025-03-05" },
          { type: "partner_information", at: "2025-03-06" },
        ],
      }),
    );
    expect(decision.entries.map((entry) => [entry.trigger, entry.triggeredOn])).toEqual([
      ["runaway_return", "2025-03-12"],
      ["partner_information", "2025-03-06"],
    ]);
  });

  it("counts every event when the person was never screened", () => {
    expect(
      decideRescreen(context({ lastScreening: null, events: [{ type: "left_care", at: "2020-01-01" }] })).due,
    ).toBe(true);
  });

  it("asks for a rescreen every 3 months after a possible concern, not after none or clear", () => {
    const lastScreening = { at: "2025-01-31", level: "possible" as const };
    const before = decideRescreen(context({ lastScreening, today: "2025-04-29" }));
    expect(before).toMatchObject({ due: false, nextPeriodicRescreenOn: "2025-04-30" });
    const on = decideRescreen(context({ lastScreening, today: "2025-04-30" }));
    expect(on.entries).toEqual([
      expect.objectContaining({ trigger: "periodic_possible_concern", dueBy: "2025-04-30" }),
    ]);
    expect(
      decideRescreen(context({ lastScreening: { at: "2025-01-31", level: "clear" }, today: "2025-06-30" })).due,
    ).toBe(false);
  });

  it("asks for a rescreen on the 17th birthday unless one was done since", () => {
    const birthDate = "2008-03-10";
    const decision = decideRescreen(context({ birthDate }));
    expect(decision.entries).toEqual([
      expect.objectContaining({ trigger: "seventeenth_birthday", triggeredOn: "2025-03-10", dueBy: "2025-03-17" }),
    ]);
    expect(decideRescreen(context({ birthDate, today: "2025-03-09" })).due).toBe(false);
    expect(decideRescreen(context({ birthDate, lastScreening: { at: "2025-03-11", level: "none" } })).due).toBe(false);
  });
});

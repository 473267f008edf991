import { describe, expect, it } from "vitest";
import { type Deadline, describeDeadline, stricterDeadline } from "./deadline";

describe("stricterDeadline", () => {
  const cases: [Deadline, Deadline, Deadline][] = [
    [{ kind: "same_day" }, { kind: "hours", hours: 48 }, { kind: "same_day" }],
    [{ kind: "hours", hours: 48 }, { kind: "immediately" }, { kind: "immediately" }],
    [{ kind: "as_soon_as_possible" }, { kind: "calendar_days", days: 8 }, { kind: "calendar_days", days: 8 }],
    [
      { kind: "working_days", days: 5 },
      { kind: "calendar_days", days: 6 },
      { kind: "calendar_days", days: 6 },
    ],
    [
      { kind: "working_days", days: 5 },
      { kind: "calendar_days", days: 7 },
      { kind: "calendar_days", days: 7 },
    ],
    [
      { kind: "working_days", days: 5 },
      { kind: "calendar_days", days: 8 },
      { kind: "working_days", days: 5 },
    ],
  ];
  it.each(cases)("keeps the stricter of %j and %j", (a, b, expected) => {
    expect(stricterDeadline(a, b)).toEqual(expected);
    expect(stricterDeadline(b, a)).toEqual(expected);
  });
});

describe("describeDeadline", () => {
  it("speaks French", () => {
    expect(describeDeadline({ kind: "hours", hours: 48 })).toBe("Sous 48 h");
    expect(describeDeadline({ kind: "calendar_days", days: 8 })).toBe("Sous 8 jours");
    expect(describeDeadline({ kind: "same_day" })).toBe("Le jour même");
  });
});

import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { computeDeadline, deadlineStatus } from "./compute-deadline.ts";
import { DEADLINE_RULES } from "./deadline-rules.ts";

const at = (iso: string) => new Date(iso);
const iso = (date: Date | undefined) => date?.toISOString();

describe("computeDeadline: calendar days", () => {
  it("ends 8 days after the OPP day, at local midnight, with the alert at the start of day 6", () => {
    // 10:00 in Paris on Tuesday 4 March 2025.
    const deadline = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, at("2025-03-04T09:00:00Z"), "75");
    expect(deadline).toEqual({
      code: "opp_seize_juvenile_judge",
      unit: "calendar_days",
      amount: 8,
      timeZone: "Europe/Paris",
      startLocalDate: "2025-03-04",
      dueLocalDate: "2025-03-12",
      dueAt: at("2025-03-12T22:59:59.999Z"),
      warnAt: at("2025-03-09T23:00:00.000Z"),
    });
  });

  it("counts from the same local day whatever the hour of the event", () => {
    const morning = computeDeadline(DEADLINE_RULES.measure_not_executed, at("2025-03-03T23:05:00Z"), "75");
    const evening = computeDeadline(DEADLINE_RULES.measure_not_executed, at("2025-03-04T22:55:00Z"), "75");
    expect(morning.dueLocalDate).toBe("2025-03-11");
    expect(evening.dueAt).toEqual(morning.dueAt);
  });

  it("does not move a calendar-day deadline off a weekend unless the rule says so", () => {
    // Friday 13 June + 30 days = Sunday 13 July, the eve of 14 July.
    const plan = computeDeadline(DEADLINE_RULES.protection_plan, at("2025-06-13T08:00:00Z"), "75");
    expect(plan.dueLocalDate).toBe("2025-07-13");
    expect(plan.unextendedDueLocalDate).toBeUndefined();
  });

  it("starts the count a day later in La Réunion for a late-evening event in Paris", () => {
    // 21:30 in Paris is 00:30 the next day in Saint-Denis de La Réunion.
    const start = at("2025-03-10T20:30:00Z");
    const paris = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, start, "75");
    const reunion = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, start, "974");
    expect(paris.startLocalDate).toBe("2025-03-10");
    expect(paris.dueAt).toEqual(at("2025-03-18T22:59:59.999Z"));
    expect(reunion.timeZone).toBe("Indian/Reunion");
    expect(reunion.startLocalDate).toBe("2025-03-11");
    expect(reunion.dueLocalDate).toBe("2025-03-19");
    expect(reunion.dueAt).toEqual(at("2025-03-19T19:59:59.999Z"));
    expect(reunion.warnAt).toEqual(at("2025-03-16T20:00:00.000Z"));
  });

  it("starts the count a day earlier in Martinique for an event after midnight in Paris", () => {
    const start = at("2025-03-11T02:30:00Z"); // 03:30 in Paris, 22:30 the day before in Fort-de-France
    expect(computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, start, "75").dueLocalDate).toBe("2025-03-19");
    const martinique = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, start, "972");
    expect(martinique.dueLocalDate).toBe("2025-03-18");
    expect(martinique.dueAt).toEqual(at("2025-03-19T03:59:59.999Z"));
  });

  it("keeps local midnight across the switch to summer time in Paris", () => {
    // Ordered on 25 March (UTC+1), due on 2 April (UTC+2), alert on 31 March (UTC+2).
    const deadline = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, at("2025-03-25T10:00:00Z"), "75");
    expect(deadline.dueLocalDate).toBe("2025-04-02");
    expect(deadline.dueAt).toEqual(at("2025-04-02T21:59:59.999Z"));
    expect(deadline.warnAt).toEqual(at("2025-03-30T22:00:00.000Z"));
    // Due on the 23-hour day itself.
    const onSwitchDay = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, at("2025-03-22T10:00:00Z"), "75");
    expect(onSwitchDay.dueAt).toEqual(at("2025-03-30T21:59:59.999Z"));
  });

  it("keeps local midnight across the return to winter time in Paris", () => {
    const deadline = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, at("2025-10-18T10:00:00Z"), "75");
    expect(deadline.dueLocalDate).toBe("2025-10-26");
    expect(deadline.dueAt).toEqual(at("2025-10-26T22:59:59.999Z"));
    expect(deadline.warnAt).toEqual(at("2025-10-23T22:00:00.000Z"));
  });
});

describe("computeDeadline: CPC 642 extension of the judge's ruling", () => {
  it("moves an end on 26 December to the next working day in Moselle, not in Paris", () => {
    // Request received at the registry on Thursday 11 December 2025: day 15 is Friday 26 December.
    const start = at("2025-12-11T10:00:00Z");
    const moselle = computeDeadline(DEADLINE_RULES.judge_ruling, start, "57");
    expect(moselle.dueLocalDate).toBe("2025-12-29");
    expect(moselle.unextendedDueLocalDate).toBe("2025-12-26");
    expect(moselle.dueAt).toEqual(at("2025-12-29T22:59:59.999Z"));
    const paris = computeDeadline(DEADLINE_RULES.judge_ruling, start, "75");
    expect(paris.dueLocalDate).toBe("2025-12-26");
    expect(paris.unextendedDueLocalDate).toBeUndefined();
  });

  it("moves an end on Easter Sunday past Easter Monday", () => {
    const deadline = computeDeadline(DEADLINE_RULES.judge_ruling, at("2025-04-05T09:00:00Z"), "93");
    expect(deadline.unextendedDueLocalDate).toBe("2025-04-20");
    expect(deadline.dueLocalDate).toBe("2025-04-22");
  });

  it("moves an end on an abolition day overseas", () => {
    // 26 May 2025 + 15 days = Tuesday 10 June, abolition day in Guyane only.
    const start = at("2025-05-26T14:00:00Z");
    expect(computeDeadline(DEADLINE_RULES.judge_ruling, start, "973").dueLocalDate).toBe("2025-06-11");
    expect(computeDeadline(DEADLINE_RULES.judge_ruling, start, "971").dueLocalDate).toBe("2025-06-10");
  });
});

describe("computeDeadline: working days", () => {
  it("counts the presumed-victim review over Ascension, and over 27 May in Guadeloupe", () => {
    // Clear concern on Thursday 22 May 2025 at 15:00 local time.
    const paris = computeDeadline(DEADLINE_RULES.presumed_victim_review, at("2025-05-22T13:00:00Z"), "75");
    expect(paris.dueLocalDate).toBe("2025-06-06");
    const guadeloupe = computeDeadline(DEADLINE_RULES.presumed_victim_review, at("2025-05-22T19:00:00Z"), "971");
    expect(guadeloupe.dueLocalDate).toBe("2025-06-10");
    expect(guadeloupe.dueAt).toEqual(at("2025-06-11T03:59:59.999Z"));
  });

  it("gives a transfer sent on the Friday before Christmas one more day in Moselle", () => {
    const start = at("2025-12-19T17:00:00Z");
    expect(computeDeadline(DEADLINE_RULES.transfer_acceptance, start, "75").dueLocalDate).toBe("2025-12-29");
    expect(computeDeadline(DEADLINE_RULES.transfer_acceptance, start, "68").dueLocalDate).toBe("2025-12-30");
  });

  it("places a working-day alert on a working day", () => {
    const deadline = computeDeadline(DEADLINE_RULES.transfer_acceptance, at("2025-12-19T17:00:00Z"), "75", {
      transfer_acceptance: { warnAfter: 3 },
    });
    expect(deadline.warnAt).toEqual(at("2025-12-23T23:00:00.000Z")); // start of Wednesday 24 December
  });
});

describe("computeDeadline: months", () => {
  it("ends on the same day number, or the month's last day when it has none", () => {
    const from = (iso: string) => computeDeadline(DEADLINE_RULES.crip_evaluation, at(iso), "75").dueLocalDate;
    expect(from("2025-01-15T10:00:00Z")).toBe("2025-04-15");
    expect(from("2025-01-31T10:00:00Z")).toBe("2025-04-30");
    expect(from("2025-11-30T10:00:00Z")).toBe("2026-02-28");
    expect(from("2023-11-30T10:00:00Z")).toBe("2024-02-29");
  });

  it("takes the month end in the département's own calendar", () => {
    // 30 November 22:30 in Paris is 1 December 01:30 in La Réunion.
    const start = at("2025-11-30T21:30:00Z");
    expect(computeDeadline(DEADLINE_RULES.crip_evaluation, start, "75").dueLocalDate).toBe("2026-02-28");
    expect(computeDeadline(DEADLINE_RULES.crip_evaluation, start, "974").dueLocalDate).toBe("2026-03-01");
  });

  it("schedules the next plan review from the previous one", () => {
    const first = computeDeadline(DEADLINE_RULES.plan_review, at("2025-05-31T08:00:00Z"), "75");
    expect(first.dueLocalDate).toBe("2025-08-31");
    const second = computeDeadline(DEADLINE_RULES.plan_review, first.dueAt, "75");
    expect(second.dueLocalDate).toBe("2025-11-30");
  });
});

describe("computeDeadline: immediate", () => {
  it("flags a concern report not sent within 48 hours of the screening", () => {
    const deadline = computeDeadline(DEADLINE_RULES.concern_report_without_delay, at("2025-06-01T21:00:00Z"), "974");
    expect(deadline.startLocalDate).toBe("2025-06-02");
    expect(deadline.dueAt).toEqual(at("2025-06-03T21:00:00Z"));
    expect(deadline.dueLocalDate).toBe("2025-06-04");
    expect(deadline.warnAt).toBeUndefined();
  });
});

describe("computeDeadline: transition interview (CASF L222-5-1)", () => {
  const rule = DEADLINE_RULES.transition_interview;

  it("falls due on the 17th birthday, with an alert at 16 years and 9 months", () => {
    const deadline = computeDeadline(rule, at("2025-01-10T09:00:00Z"), "75", undefined, { birthDate: "2009-06-15" });
    expect(deadline.dueLocalDate).toBe("2026-06-15");
    expect(deadline.dueAt).toEqual(at("2026-06-15T21:59:59.999Z"));
    expect(deadline.warnAt).toEqual(at("2026-03-14T23:00:00.000Z"));
    expect(deadline.isAfterBirthdayAtStart).toBe(false);
  });

  it("falls due on 28 February for a child born on 29 February", () => {
    const deadline = computeDeadline(rule, at("2024-09-01T09:00:00Z"), "976", undefined, { birthDate: "2008-02-29" });
    expect(deadline.dueLocalDate).toBe("2025-02-28");
    expect(deadline.dueAt).toEqual(at("2025-02-28T20:59:59.999Z"));
  });

  it("is due at once when care starts after the 17th birthday", () => {
    const late = computeDeadline(rule, at("2025-03-01T09:00:00Z"), "75", undefined, { birthDate: "2008-01-10" });
    expect(late).toMatchObject({ dueLocalDate: "2025-03-01", isAfterBirthdayAtStart: true });
    expect(late.warnAt).toBeUndefined();
    const onBirthday = computeDeadline(rule, at("2025-03-01T09:00:00Z"), "75", undefined, { birthDate: "2008-03-01" });
    expect(onBirthday).toMatchObject({ dueLocalDate: "2025-03-01", isAfterBirthdayAtStart: false });
  });

  it("honours a département's earlier alert", () => {
    const deadline = computeDeadline(
      rule,
      at("2025-01-10T09:00:00Z"),
      "75",
      { transition_interview: { warnMonthsBefore: 6 } },
      { birthDate: "2009-06-15" },
    );
    expect(deadline.warnAt).toEqual(at("2025-12-14T23:00:00.000Z"));
  });

  it("needs a valid birth date", () => {
    expect(() => computeDeadline(rule, at("2025-01-10T09:00:00Z"), "75")).toThrow(RangeError);
    expect(() =>
      computeDeadline(rule, at("2025-01-10T09:00:00Z"), "75", undefined, { birthDate: "2009-02-30" }),
    ).toThrow(RangeError);
  });
});

describe("computeDeadline: overrides and errors", () => {
  it("applies the département's shorter CRIP evaluation delay", () => {
    const start = at("2025-01-15T10:00:00Z");
    const overrides = { crip_evaluation: { amount: 1 } };
    const deadline = computeDeadline(DEADLINE_RULES.crip_evaluation, start, "93", overrides);
    expect(deadline.amount).toBe(1);
    expect(deadline.dueLocalDate).toBe("2025-02-15");
  });

  it("applies a policy override in hours and a moved alert", () => {
    const deadline = computeDeadline(DEADLINE_RULES.concern_report_without_delay, at("2025-06-01T08:00:00Z"), "75", {
      concern_report_without_delay: { amount: 24, warnAfter: 12 },
    });
    expect(iso(deadline.dueAt)).toBe("2025-06-02T08:00:00.000Z");
    expect(iso(deadline.warnAt)).toBe("2025-06-01T20:00:00.000Z");
  });

  it("rejects invalid overrides, unknown départements and invalid instants", () => {
    const start = at("2025-01-15T10:00:00Z");
    expect(() => computeDeadline(DEADLINE_RULES.judge_ruling, start, "75", { judge_ruling: { amount: 20 } })).toThrow(
      ZodError,
    );
    expect(() => computeDeadline(DEADLINE_RULES.judge_ruling, start, "975")).toThrow(RangeError);
    expect(() => computeDeadline(DEADLINE_RULES.judge_ruling, new Date("nope"), "75")).toThrow(RangeError);
  });
});

describe("deadlineStatus", () => {
  const deadline = computeDeadline(DEADLINE_RULES.opp_seize_juvenile_judge, at("2025-03-04T09:00:00Z"), "75");

  it("moves from upcoming to warning at the alert and to overdue after the last instant of the due day", () => {
    expect(deadlineStatus(deadline, at("2025-03-09T22:59:59.999Z"))).toBe("upcoming");
    expect(deadlineStatus(deadline, at("2025-03-09T23:00:00.000Z"))).toBe("warning");
    expect(deadlineStatus(deadline, at("2025-03-12T22:59:59.999Z"))).toBe("warning");
    expect(deadlineStatus(deadline, at("2025-03-12T23:00:00.000Z"))).toBe("overdue");
  });

  it("goes straight from upcoming to overdue without an alert", () => {
    const plan = computeDeadline(DEADLINE_RULES.protection_plan, at("2025-06-13T08:00:00Z"), "75");
    expect(deadlineStatus(plan, at("2025-07-13T21:59:59.999Z"))).toBe("upcoming");
    expect(deadlineStatus(plan, at("2025-07-13T22:00:00.000Z"))).toBe("overdue");
  });
});

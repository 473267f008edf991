import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  appliedDeadlineRule,
  applyDeadlineOverrides,
  DEADLINE_CODES,
  DEADLINE_RULES,
  DeadlineOverrides,
  DepartmentDeadlineOverrides,
  getDeadlineRule,
} from "./deadline-rules.ts";

const issuePaths = (input: unknown) => {
  const result = DeadlineOverrides.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("deadline catalogue", () => {
  it("keys every rule by its own code and labels it in French", () => {
    expect(Object.keys(DEADLINE_RULES).sort()).toEqual([...DEADLINE_CODES].sort());
    for (const code of DEADLINE_CODES) {
      const rule = getDeadlineRule(code);
      expect(rule.code).toBe(code);
      expect(rule.label.length).toBeGreaterThan(5);
      expect(rule.basis.length).toBeGreaterThan(20);
      expect(Number.isInteger(rule.amount) && rule.amount > 0).toBe(true);
    }
  });

  it("encodes the deadlines of the pathway", () => {
    const summary = Object.fromEntries(
      DEADLINE_CODES.map((code) => {
        const { unit, amount, source, warnAfter } = DEADLINE_RULES[code];
        return [code, { unit, amount, source, warnAfter }];
      }),
    );
    expect(summary).toEqual({
      concern_report_without_delay: { unit: "immediate", amount: 48, source: "policy", warnAfter: undefined },
      opp_seize_juvenile_judge: { unit: "calendar_days", amount: 8, source: "legal", warnAfter: 6 },
      judge_ruling: { unit: "calendar_days", amount: 15, source: "legal", warnAfter: undefined },
      crip_evaluation: { unit: "months", amount: 3, source: "legal", warnAfter: undefined },
      measure_not_executed: { unit: "calendar_days", amount: 7, source: "policy", warnAfter: undefined },
      presumed_victim_review: { unit: "working_days", amount: 10, source: "policy", warnAfter: undefined },
      protection_plan: { unit: "calendar_days", amount: 30, source: "policy", warnAfter: undefined },
      plan_review: { unit: "months", amount: 3, source: "policy", warnAfter: undefined },
      transition_interview: { unit: "before_birthday", amount: 17, source: "legal", warnAfter: undefined },
      transfer_acceptance: { unit: "working_days", amount: 5, source: "policy", warnAfter: undefined },
    });
  });

  it("runs legal deadlines in calendar time and keeps working days for Repère's policies", () => {
    for (const rule of Object.values(DEADLINE_RULES)) {
      if (rule.unit === "working_days") expect(rule.source).toBe("policy");
    }
  });
});

describe("deadline overrides", () => {
  it("lets a département shorten a legal deadline and change a policy one either way", () => {
    const overrides = { crip_evaluation: { amount: 2 }, measure_not_executed: { amount: 10 } };
    expect(applyDeadlineOverrides(DEADLINE_RULES.crip_evaluation, overrides).amount).toBe(2);
    expect(applyDeadlineOverrides(DEADLINE_RULES.measure_not_executed, overrides).amount).toBe(10);
    expect(applyDeadlineOverrides(DEADLINE_RULES.judge_ruling, overrides)).toBe(DEADLINE_RULES.judge_ruling);
  });

  it("refuses to lengthen a legal deadline", () => {
    expect(issuePaths({ crip_evaluation: { amount: 4 } })).toEqual(["crip_evaluation.amount"]);
    expect(issuePaths({ opp_seize_juvenile_judge: { amount: 9 } })).toEqual(["opp_seize_juvenile_judge.amount"]);
    expect(() => applyDeadlineOverrides(DEADLINE_RULES.crip_evaluation, { crip_evaluation: { amount: 4 } })).toThrow(
      ZodError,
    );
  });

  it("moves or removes an alert, which must come before the deadline", () => {
    const moved = applyDeadlineOverrides(DEADLINE_RULES.opp_seize_juvenile_judge, {
      opp_seize_juvenile_judge: { warnAfter: 5 },
    });
    expect(moved.warnAfter).toBe(5);
    const removed = applyDeadlineOverrides(DEADLINE_RULES.opp_seize_juvenile_judge, {
      opp_seize_juvenile_judge: { warnAfter: null },
    });
    expect(removed.warnAfter).toBeUndefined();
    expect(issuePaths({ opp_seize_juvenile_judge: { warnAfter: 8 } })).toEqual(["opp_seize_juvenile_judge.warnAfter"]);
    // Shortening the deadline below its catalogue alert is caught too.
    expect(issuePaths({ opp_seize_juvenile_judge: { amount: 5 } })).toEqual(["opp_seize_juvenile_judge.warnAfter"]);
    expect(issuePaths({ opp_seize_juvenile_judge: { amount: 5, warnAfter: 3 } })).toEqual([]);
  });

  it("presents a rule with absent alerts as null, the catalogue's or the département's", () => {
    expect(appliedDeadlineRule("opp_seize_juvenile_judge")).toEqual({
      code: "opp_seize_juvenile_judge",
      label: DEADLINE_RULES.opp_seize_juvenile_judge.label,
      unit: "calendar_days",
      amount: 8,
      warnAfter: 6,
      warnMonthsBefore: null,
      source: "legal",
    });
    const adjusted = appliedDeadlineRule("opp_seize_juvenile_judge", {
      opp_seize_juvenile_judge: { amount: 5, warnAfter: null },
    });
    expect([adjusted.amount, adjusted.warnAfter]).toEqual([5, null]);
  });

  it("keeps birthday alerts in months before and others counted from the start", () => {
    expect(issuePaths({ transition_interview: { warnAfter: 2 } })).toEqual(["transition_interview.warnAfter"]);
    expect(issuePaths({ judge_ruling: { warnMonthsBefore: 1 } })).toEqual(["judge_ruling.warnMonthsBefore"]);
    expect(issuePaths({ transition_interview: { warnMonthsBefore: 6 } })).toEqual([]);
    expect(issuePaths({ transition_interview: { warnMonthsBefore: 17 * 12 } })).toEqual([
      "transition_interview.warnMonthsBefore",
    ]);
  });

  it("rejects unknown codes, unknown fields and amounts that are not positive integers", () => {
    expect(DeadlineOverrides.safeParse({ ip_deadline: { amount: 2 } }).success).toBe(false);
    expect(DeadlineOverrides.safeParse({ plan_review: { amount: 2, unit: "working_days" } }).success).toBe(false);
    expect(DeadlineOverrides.safeParse({ plan_review: { amount: 1.5 } }).success).toBe(false);
    expect(DeadlineOverrides.safeParse({ plan_review: { amount: 0 } }).success).toBe(false);
    expect(DeadlineOverrides.safeParse({ plan_review: { amount: "2" } }).success).toBe(false);
    expect(DeadlineOverrides.safeParse({}).success).toBe(true);
  });

  it("explains a refusal in French", () => {
    const result = DeadlineOverrides.safeParse({ crip_evaluation: { amount: 4 } });
    expect(result.error?.issues[0]?.message).toBe("Un délai légal ne peut qu'être abrégé : 3 au plus");
  });

  it("reads a configuration keyed by département code", () => {
    const config = { "93": { crip_evaluation: { amount: 2 } }, "974": { transfer_acceptance: { amount: 7 } } };
    expect(DepartmentDeadlineOverrides.parse(config)).toEqual(config);
    expect(DepartmentDeadlineOverrides.safeParse({ "20": {} }).success).toBe(false);
    expect(DepartmentDeadlineOverrides.safeParse({ "93": { crip_evaluation: { amount: 6 } } }).success).toBe(false);
  });
});

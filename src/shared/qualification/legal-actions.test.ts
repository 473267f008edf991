import { describe, expect, it } from "vitest";
import { scoreScreening } from "../screening/score-screening";
import {
  ACTION_CATALOGUE,
  ACTION_CODES,
  type ActionContext,
  ActionStatusUpdate,
  computeLegalActions,
  type ScreeningForActions,
} from "./legal-actions";
import type { QualificationInput } from "./qualification-input";
import { qualify } from "./qualify";

function qualification(overrides: Partial<QualificationInput> = {}) {
  return qualify({
    ageAtFacts: 16,
    ageUncertain: false,
    acts: ["recruit"],
    means: [],
    purposes: ["proxenetisme"],
    circumstances: [],
    factsDate: "2025-01-15",
    ...overrides,
  });
}

function screening(overrides: Partial<ScreeningForActions> = {}): ScreeningForActions {
  return { level: "none", mode: "full", treatedAsMinor: true, redFlags: [], healthConcern: false, ...overrides };
}

const codes = (context: ActionContext) => computeLegalActions(context).map((action) => action.code);
const find = (context: ActionContext, code: string) =>
  computeLegalActions(context).find((action) => action.code === code);

describe("computeLegalActions: qualification", () => {
  it("trafficking of a minor calls for a same-day signalement and a lawyer", () => {
    const actions = computeLegalActions({ qualification: qualification() });
    expect(actions.map((action) => action.code)).toEqual(["prosecutor_report", "medical_care", "lawyer"]);
    expect(actions[0]).toMatchObject({
      deadline: { kind: "same_day" },
      requiresConsent: false,
      sources: ["qualification"],
    });
    expect(actions[0]?.legalBasis).toContain("CPP art. 40");
  });

  it("an ascendant or person in authority among the means calls for an ad hoc administrator", () => {
    expect(codes({ qualification: qualification({ means: ["ascendant_or_authority"] }) })).toContain(
      "ad_hoc_administrator",
    );
  });

  it("trafficking of an adult calls for referrals that need consent, and the public official's notice", () => {
    const actions = computeLegalActions({
      qualification: qualification({ ageAtFacts: 25, means: ["abuse_of_vulnerability"] }),
    });
    expect(actions.map((action) => action.code)).toEqual([
      "public_official_notice",
      "medical_care",
      "specialised_association",
      "le_identification_with_consent",
    ]);
    expect(actions.find((action) => action.code === "specialised_association")?.requiresConsent).toBe(true);
  });

  it("related offences against a minor call for a signalement even when trafficking is not established", () => {
    expect(codes({ qualification: qualification({ acts: [], purposes: ["begging_exploitation"] }) })).toEqual([
      "prosecutor_report",
      "lawyer",
    ]);
  });

  it("nothing is implied when the facts point to no offence", () => {
    expect(codes({ qualification: qualification({ acts: [], purposes: [] }) })).toEqual([]);
  });

  it("the person's current status prevails over the age at the facts", () => {
    const now = codes({ qualification: qualification(), profile: { isMinor: false } });
    expect(now).toContain("public_official_notice");
    expect(now).not.toContain("prosecutor_report");
  });
});

describe("computeLegalActions: screening", () => {
  it("no concern identified implies no action", () => {
    expect(codes({ screening: screening() })).toEqual([]);
  });

  it("possible concern for a minor: IP within 48 h, TEH referent, 119, rescreen within 7 days", () => {
    const actions = computeLegalActions({ screening: screening({ level: "possible" }) });
    expect(actions.map((action) => action.code)).toEqual([
      "concern_report",
      "call_119",
      "teh_referent_discussion",
      "rescreen",
    ]);
    expect(actions[0]?.deadline).toEqual({ kind: "hours", hours: 48 });
    expect(actions[3]?.deadline).toEqual({ kind: "calendar_days", days: 7 });
  });

  it("a positive brief screen calls for a full screen within 7 days", () => {
    expect(codes({ screening: screening({ level: "possible", mode: "brief" }) })).toContain("full_screening");
    expect(codes({ screening: screening({ level: "none", mode: "brief" }) })).not.toContain("full_screening");
  });

  it("possible concern for a young adult offers a specialised association, with consent", () => {
    expect(
      find({ screening: screening({ level: "possible", treatedAsMinor: false }) }, "specialised_association"),
    ).toMatchObject({
      requiresConsent: true,
    });
  });

  it("clear concern for a minor: IP, protection plan, multi-agency review within 10 working days, qualification", () => {
    const context = { screening: screening({ level: "clear" as const }) };
    expect(codes(context)).toEqual([
      "concern_report",
      "qualification_review",
      "multi_agency_review",
      "protection_plan",
    ]);
    expect(find(context, "multi_agency_review")?.deadline).toEqual({ kind: "working_days", days: 10 });
  });

  it("a red flag on a minor: immediate protection and a signalement that replaces the IP", () => {
    const actions = computeLegalActions({
      screening: screening({ level: "clear", redFlags: [{ id: "RF1", signalsInjury: false }] }),
    });
    const actionCodes = actions.map((action) => action.code);
    expect(actionCodes).toContain("immediate_protection");
    expect(actionCodes).toContain("prosecutor_report");
    expect(actionCodes).not.toContain("concern_report");
    expect(actions.find((action) => action.code === "prosecutor_report")?.reasons).toContain(
      "Repérage : préoccupation avérée.",
    );
  });

  it("a red flag on an adult: same-day safety plan and Ac.Sé with consent", () => {
    const actionCodes = codes({
      screening: screening({ level: "clear", treatedAsMinor: false, redFlags: [{ id: "RF2", signalsInjury: false }] }),
    });
    expect(actionCodes).toEqual(expect.arrayContaining(["immediate_protection", "adult_safety_plan", "acse_referral"]));
    expect(actionCodes).not.toContain("prosecutor_report");
  });

  it("an injury red flag calls for urgent care, which replaces the ordinary medical check", () => {
    const actionCodes = codes({
      screening: screening({ level: "clear", healthConcern: true, redFlags: [{ id: "RF4", signalsInjury: true }] }),
    });
    expect(actionCodes).toContain("urgent_medical_care");
    expect(actionCodes).not.toContain("medical_care");
  });

  it("accepts a ScreeningResult as it is", () => {
    const result = scoreScreening({
      gridVersion: "GRR-0.1",
      mode: "full",
      ageAtScreening: 15,
      ageUncertain: false,
      screenedOn: "2025-05-01",
      answers: [{ itemId: "G1", value: 2, sourceType: "disclosed", date: "2025-04-30" }],
      redFlags: [],
    });
    expect(codes({ screening: result })).toContain("multi_agency_review");
  });
});

describe("computeLegalActions: profile and merging", () => {
  it("an unaccompanied minor without a legal representative in France needs an ad hoc administrator", () => {
    expect(codes({ profile: { isMinor: true, isUnaccompaniedMinor: true } })).toEqual(["ad_hoc_administrator"]);
    expect(
      codes({ profile: { isMinor: true, isUnaccompaniedMinor: true, hasLegalRepresentativeInFrance: true } }),
    ).toEqual([]);
    expect(codes({ profile: { isMinor: true, legalRepresentativesImplicated: true } })).toEqual([
      "ad_hoc_administrator",
    ]);
  });

  it("immediate danger for a minor: immediate protection and signalement", () => {
    const actions = computeLegalActions({ profile: { isMinor: true, immediateDanger: true } });
    expect(actions.map((action) => action.code)).toEqual(["immediate_protection", "prosecutor_report"]);
    expect(actions[0]?.deadline).toEqual({ kind: "immediately" });
  });

  it("a recorded offence opens a non-punishment review only once a concern exists, within 48 h for a minor", () => {
    expect(codes({ profile: { isMinor: true, offenceRecorded: true } })).toEqual([]);
    const minor = find(
      { screening: screening({ level: "possible" }), profile: { isMinor: true, offenceRecorded: true } },
      "non_punishment_review",
    );
    expect(minor?.deadline).toEqual({ kind: "hours", hours: 48 });
    const adult = find(
      { screening: screening({ level: "possible" }), profile: { isMinor: false, offenceRecorded: true } },
      "non_punishment_review",
    );
    expect(adult?.deadline).toEqual({ kind: "as_soon_as_possible" });
  });

  it("one entry per action, with every source and reason", () => {
    const actions = computeLegalActions({
      qualification: qualification(),
      screening: screening({ level: "clear", redFlags: [{ id: "RF1", signalsInjury: false }] }),
      profile: { isMinor: true, immediateDanger: true },
    });
    const report = actions.filter((action) => action.code === "prosecutor_report");
    expect(report).toHaveLength(1);
    expect(report[0]?.sources).toEqual(["qualification", "screening", "profile"]);
    expect(report[0]?.reasons.length).toBeGreaterThanOrEqual(3);
    expect(new Set(actions.map((action) => action.code)).size).toBe(actions.length);
  });
});

describe("action catalogue and status", () => {
  it("has a label, a deadline text and a basis for every code", () => {
    for (const code of ACTION_CODES) {
      const definition = ACTION_CATALOGUE[code];
      expect(definition.code).toBe(code);
      expect(definition.label.length).toBeGreaterThan(10);
      expect(definition.deadlineText.length).toBeGreaterThan(0);
      expect(definition.legalBasis.length).toBeGreaterThan(0);
      if (definition.basisKind === "repere_policy") expect(definition.legalBasis).toContain("Politique Repère");
    }
  });

  it("requires a written reason to mark an action not applicable", () => {
    expect(ActionStatusUpdate.safeParse({ status: "not_applicable", reason: "Déjà signalé par la CRIP" }).success).toBe(
      true,
    );
    const blank = ActionStatusUpdate.safeParse({ status: "not_applicable", reason: "   " });
    expect(blank.error?.issues[0]?.message).toContain("« reason » est obligatoire");
    expect(ActionStatusUpdate.safeParse({ status: "not_applicable" }).success).toBe(false);
  });

  it("requires the date an action was done, and rejects unknown statuses", () => {
    expect(ActionStatusUpdate.safeParse({ status: "done", doneOn: "2025-05-02" }).success).toBe(true);
    expect(ActionStatusUpdate.safeParse({ status: "done" }).success).toBe(false);
    expect(ActionStatusUpdate.safeParse({ status: "to_do" }).success).toBe(true);
    expect(ActionStatusUpdate.safeParse({ status: "skipped" }).success).toBe(false);
  });
});

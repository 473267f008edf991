import {
  CIVIL_PROTECTION_STATES,
  IDENTIFICATION_STATES,
  TRANSITION_STATES,
  type Track,
  type TrackState,
} from "@shared/pathway.ts";
import { type OrganisationType, ROLES, type Role } from "@shared/roles.ts";
import { describe, expect, it } from "vitest";
import type { UserActor } from "../../policy/actor.ts";
import { checkStep, currentTrackState } from "./track-steps.ts";

/** Each role in its usual organisation, plus the ASE manager of a CRIP and of a foyer, whose rights differ. */
const PEOPLE: { who: string; role: Role; organisationType: OrganisationType }[] = [
  { who: "educator", role: "educator", organisationType: "establishment" },
  { who: "ase_referent", role: "ase_referent", organisationType: "ase_service" },
  { who: "ase_manager", role: "ase_manager", organisationType: "ase_service" },
  { who: "crip_manager", role: "ase_manager", organisationType: "crip" },
  { who: "foyer_manager", role: "ase_manager", organisationType: "establishment" },
  { who: "crip_officer", role: "crip_officer", organisationType: "crip" },
  { who: "association_worker", role: "association_worker", organisationType: "association" },
  { who: "prosecutor", role: "prosecutor", organisationType: "court_prosecution" },
  { who: "juvenile_judge", role: "juvenile_judge", organisationType: "court_juvenile" },
  { who: "police_liaison", role: "police_liaison", organisationType: "police_unit" },
  { who: "national_analyst", role: "national_analyst", organisationType: "national_coordination" },
  { who: "admin", role: "admin", organisationType: "ase_service" },
];

const FIRST_LINE = [
  "educator",
  "ase_referent",
  "ase_manager",
  "crip_manager",
  "foyer_manager",
  "crip_officer",
  "association_worker",
];
const ASE = ["ase_referent", "ase_manager"];
const CRIP = ["crip_officer", "crip_manager"];
const REVIEW = "review";
const SYSTEM = "system";

/**
 * Written from procedure.md §8.2 independently of the table in shared/pathway/tracks.ts: who may take each step.
 * Every pair of states not listed here must be refused as not allowed.
 */
const EXPECTED: { track: Track; from: TrackState; to: TrackState; who: readonly string[] }[] = [
  { track: "civil_protection", from: "not_started", to: "concern_identified", who: [...FIRST_LINE, "police_liaison"] },
  { track: "civil_protection", from: "ended", to: "concern_identified", who: [...FIRST_LINE, "police_liaison"] },
  { track: "civil_protection", from: "not_started", to: "concern_report_sent", who: FIRST_LINE },
  { track: "civil_protection", from: "concern_identified", to: "concern_report_sent", who: FIRST_LINE },
  { track: "civil_protection", from: "ended", to: "concern_report_sent", who: FIRST_LINE },
  ...(["not_started", "concern_identified", "concern_report_sent", "ended"] as const).map((from) => ({
    track: "civil_protection" as const,
    from,
    to: "prosecutor_report_sent" as const,
    who: [...FIRST_LINE, "police_liaison"],
  })),
  { track: "civil_protection", from: "concern_report_sent", to: "crip_evaluation", who: CRIP },
  { track: "civil_protection", from: "crip_evaluation", to: "prosecutor_seized", who: CRIP },
  { track: "civil_protection", from: "crip_evaluation", to: "measure_decided", who: [...CRIP, ...ASE] },
  { track: "civil_protection", from: "crip_evaluation", to: "ended", who: CRIP },
  {
    track: "civil_protection",
    from: "prosecutor_report_sent",
    to: "prosecutor_seized",
    who: ["prosecutor", ...CRIP, "police_liaison"],
  },
  { track: "civil_protection", from: "prosecutor_seized", to: "emergency_placement_ordered", who: ["prosecutor"] },
  { track: "civil_protection", from: "prosecutor_seized", to: "juvenile_judge_seized", who: ["prosecutor"] },
  { track: "civil_protection", from: "prosecutor_seized", to: "ended", who: ["prosecutor"] },
  { track: "civil_protection", from: "emergency_placement_ordered", to: "juvenile_judge_seized", who: ["prosecutor"] },
  { track: "civil_protection", from: "juvenile_judge_seized", to: "measure_decided", who: ["juvenile_judge", ...ASE] },
  { track: "civil_protection", from: "juvenile_judge_seized", to: "ended", who: ["juvenile_judge"] },
  { track: "civil_protection", from: "measure_decided", to: "measure_executed", who: ASE },
  { track: "civil_protection", from: "measure_not_executed", to: "measure_executed", who: ASE },
  { track: "civil_protection", from: "measure_decided", to: "measure_not_executed", who: ASE },
  { track: "civil_protection", from: "measure_executed", to: "juvenile_judge_seized", who: ["prosecutor"] },
  { track: "civil_protection", from: "measure_not_executed", to: "juvenile_judge_seized", who: ["prosecutor"] },
  { track: "civil_protection", from: "measure_executed", to: "ended", who: [...ASE, "juvenile_judge"] },

  { track: "identification", from: "none", to: "possible", who: [...FIRST_LINE, "police_liaison"] },
  { track: "identification", from: "not_victim", to: "possible", who: [...FIRST_LINE, "police_liaison"] },
  { track: "identification", from: "none", to: "presumed", who: [REVIEW] },
  { track: "identification", from: "possible", to: "presumed", who: [REVIEW] },
  ...(["none", "possible", "presumed"] as const).map((from) => ({
    track: "identification" as const,
    from,
    to: "identified_le" as const,
    who: ["police_liaison", ...ASE, ...CRIP],
  })),
  ...(["presumed", "identified_le"] as const).map((from) => ({
    track: "identification" as const,
    from,
    to: "recognised_court" as const,
    who: ["juvenile_judge", "prosecutor", ...ASE, ...CRIP],
  })),
  {
    track: "identification",
    from: "possible",
    to: "not_victim",
    who: ["ase_manager", "crip_officer", "crip_manager", REVIEW],
  },
  { track: "identification", from: "presumed", to: "not_victim", who: [REVIEW] },

  { track: "transition", from: "not_due", to: "preparation", who: [...ASE, SYSTEM] },
  { track: "transition", from: "preparation", to: "interview_held", who: ASE },
  { track: "transition", from: "interview_held", to: "young_adult_support", who: [...ASE, "association_worker"] },
  { track: "transition", from: "support_declined", to: "young_adult_support", who: [...ASE, "association_worker"] },
  { track: "transition", from: "interview_held", to: "support_declined", who: [...ASE, "association_worker"] },
  { track: "transition", from: "young_adult_support", to: "support_ended", who: ASE },
];

const STATES: Record<Track, readonly TrackState[]> = {
  civil_protection: CIVIL_PROTECTION_STATES,
  identification: IDENTIFICATION_STATES,
  transition: TRANSITION_STATES,
};

const actorOf = (p: (typeof PEOPLE)[number]): UserActor => ({
  kind: "user",
  userId: p.who,
  organisationId: "org",
  organisationType: p.organisationType,
  departmentCode: "93",
  roles: [p.role],
  adminDepartmentCode: null,
  isActive: true,
  sessionId: null,
  requestId: null,
});
const system = { kind: "system" as const, name: "test", requestId: null };

function outcome(run: () => unknown): number {
  try {
    run();
    return 200;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

const full = { reason: "Motif", reference: "PV 2025/123" };

describe("track steps", () => {
  it("covers every role the platform knows", () => {
    expect(new Set(PEOPLE.map((p) => p.role))).toEqual(new Set(ROLES));
  });

  for (const step of EXPECTED) {
    it(`${step.track}: ${step.from} → ${step.to} is allowed to exactly ${step.who.join(", ")}`, () => {
      const input = { from: step.from, to: step.to, ...full };
      for (const person of PEOPLE) {
        const status = outcome(() => checkStep(actorOf(person), step.track, step.from, input));
        expect(`${person.who}: ${status}`).toBe(`${person.who}: ${step.who.includes(person.who) ? 200 : 403}`);
      }
      const viaReview = outcome(() =>
        checkStep(actorOf(PEOPLE[0] as (typeof PEOPLE)[number]), step.track, step.from, input, "review"),
      );
      expect(viaReview).toBe(step.who.includes(REVIEW) ? 200 : 403);
      expect(outcome(() => checkStep(system, step.track, step.from, input, "system"))).toBe(
        step.who.includes(SYSTEM) ? 200 : 403,
      );
    });
  }

  it("refuses with 409 every move the table does not list, whoever asks", () => {
    const refused: string[] = [];
    for (const track of Object.keys(STATES) as Track[]) {
      for (const from of STATES[track]) {
        for (const to of STATES[track]) {
          if (EXPECTED.some((e) => e.track === track && e.from === from && e.to === to)) continue;
          for (const person of PEOPLE) {
            const status = outcome(() => checkStep(actorOf(person), track, from, { from, to, ...full }));
            if (status !== 409) refused.push(`${track} ${from}→${to} by ${person.who}: ${status}`);
          }
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it("refuses a stale starting state before anything else, and asks for a reason or a reference", () => {
    const prosecutor = actorOf(PEOPLE.find((p) => p.who === "prosecutor") as (typeof PEOPLE)[number]);
    expect(() =>
      checkStep(prosecutor, "civil_protection", "prosecutor_seized", {
        from: "crip_evaluation",
        to: "prosecutor_seized",
      }),
    ).toThrow(expect.objectContaining({ code: "track_moved", status: 409 }));
    expect(() =>
      checkStep(prosecutor, "civil_protection", "prosecutor_seized", { from: "prosecutor_seized", to: "ended" }),
    ).toThrow(
      expect.objectContaining({ code: "invalid_input", errors: [expect.objectContaining({ path: "reason" })] }),
    );
    expect(() =>
      checkStep(prosecutor, "civil_protection", "prosecutor_seized", { from: "prosecutor_seized", to: "flying" }),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });

  it("reads identification from the case's victim status when it was recorded on the case since", () => {
    expect(currentTrackState("identification", undefined, null)).toBe("none");
    expect(currentTrackState("identification", undefined, "possible")).toBe("possible");
    expect(
      currentTrackState("identification", { state: "presumed", observedVictimStatus: "presumed" }, "identified_le"),
    ).toBe("identified_le");
    expect(
      currentTrackState("identification", { state: "not_victim", observedVictimStatus: "possible" }, "possible"),
    ).toBe("not_victim");
    expect(currentTrackState("civil_protection", undefined, "presumed")).toBe("not_started");
  });
});

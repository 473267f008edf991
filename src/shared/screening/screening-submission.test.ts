import { describe, expect, it } from "vitest";
import { ScreeningSubmission } from "./screening-submission";

const VALID = {
  gridVersion: "GRR-0.1",
  mode: "full",
  ageAtScreening: 16,
  ageUncertain: false,
  screenedOn: "2025-05-01",
  answers: [
    { itemId: "G1", value: 2, sourceType: "disclosed", date: "2025-04-28", note: "Récit lors de l'entretien" },
    { itemId: "C1", value: 0 },
    { itemId: "D3", value: "unknown" },
  ],
  redFlags: ["RF1"],
};

const firstMessage = (data: unknown) => {
  const parsed = ScreeningSubmission.safeParse(data);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe("ScreeningSubmission", () => {
  it("accepts a complete submission", () => {
    expect(ScreeningSubmission.safeParse(VALID).success).toBe(true);
  });

  it("requires a source type and a date for an item scored 1 or 2, not for 0 or unknown", () => {
    expect(firstMessage({ ...VALID, answers: [{ itemId: "G1", value: 1, date: "2025-04-28" }] })).toContain(
      "« sourceType »",
    );
    expect(firstMessage({ ...VALID, answers: [{ itemId: "G1", value: 2, sourceType: "observed" }] })).toContain(
      "« date »",
    );
  });

  it.each([3, "yes", null, -1])("rejects the item value %j", (value) => {
    expect(firstMessage({ ...VALID, answers: [{ itemId: "C1", value }] })).toContain("« value »");
  });

  it("rejects unknown items, duplicates and unknown red flags", () => {
    expect(firstMessage({ ...VALID, answers: [{ itemId: "Z9", value: 0 }] })).toContain("Item inconnu");
    expect(
      firstMessage({
        ...VALID,
        answers: [
          { itemId: "C1", value: 0 },
          { itemId: "C1", value: 0 },
        ],
      }),
    ).toContain("deux fois");
    expect(firstMessage({ ...VALID, redFlags: ["RF9"] })).toContain("Signal d'alerte inconnu");
    expect(firstMessage({ ...VALID, redFlags: ["RF1", "RF1"] })).toContain("deux fois");
  });

  it("rejects an unknown grid version, an unknown source type and unknown keys", () => {
    expect(firstMessage({ ...VALID, gridVersion: "GRR-9" })).toContain("« gridVersion »");
    expect(
      firstMessage({ ...VALID, answers: [{ itemId: "G1", value: 1, sourceType: "rumour", date: "2025-04-28" }] }),
    ).toContain("« sourceType »");
    expect(firstMessage({ ...VALID, victim: true })).toContain("« victim »");
    expect(firstMessage({ ...VALID, answers: [{ itemId: "C1", value: 0, consent: true }] })).toContain("« consent »");
  });

  it("requires ageUncertain: true when the age is unknown", () => {
    expect(ScreeningSubmission.safeParse({ ...VALID, ageAtScreening: null, ageUncertain: true }).success).toBe(true);
    expect(firstMessage({ ...VALID, ageAtScreening: null })).toContain("« ageUncertain »");
  });

  it("names a missing field", () => {
    const { mode: _mode, ...withoutMode } = VALID;
    expect(firstMessage(withoutMode)).toBe("Le champ « mode » est obligatoire.");
  });
});

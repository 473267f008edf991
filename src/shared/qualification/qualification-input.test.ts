import { describe, expect, it } from "vitest";
import { QualificationInput } from "./qualification-input";

const VALID = {
  ageAtFacts: 16,
  ageUncertain: false,
  acts: ["recruit"],
  means: [],
  purposes: ["proxenetisme"],
  circumstances: ["electronic_network_contact"],
};

function messagesFor(data: unknown): string[] {
  const parsed = QualificationInput.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("QualificationInput", () => {
  it("accepts the contract example, with or without factsDate", () => {
    expect(QualificationInput.safeParse(VALID).success).toBe(true);
    expect(QualificationInput.safeParse({ ...VALID, factsDate: "2024-02-29" }).success).toBe(true);
  });

  it.each(["ageAtFacts", "ageUncertain", "acts", "means", "purposes", "circumstances"])(
    "rejects a missing %s with a French message naming it",
    (field) => {
      const { [field as keyof typeof VALID]: _removed, ...rest } = VALID;
      expect(messagesFor(rest)).toEqual([`Le champ « ${field} » est obligatoire.`]);
    },
  );

  it("rejects unknown keys, such as a consent field (rule L7)", () => {
    const [message] = messagesFor({ ...VALID, consent: true });
    expect(message).toContain("« consent »");
    expect(message).toContain("Champs admis");
  });

  it.each([
    ["acts", "kidnap"],
    ["means", "debt_bondage"],
    ["purposes", "prostitution"],
    ["circumstances", "armed"],
  ])("rejects an unknown value in %s", (field, value) => {
    const [message] = messagesFor({ ...VALID, [field]: [value] });
    expect(message).toContain(`« ${field} »`);
    expect(message).toContain(`« ${value} »`);
  });

  it.each([16.5, -1, 121, "16"])("rejects ageAtFacts = %j", (age) => {
    expect(messagesFor({ ...VALID, ageAtFacts: age })).toEqual([
      expect.stringContaining("« ageAtFacts » doit être un nombre entier entre 0 et 120, ou null"),
    ]);
  });

  it("accepts the age bounds 0 and 120", () => {
    expect(QualificationInput.safeParse({ ...VALID, ageAtFacts: 0 }).success).toBe(true);
    expect(QualificationInput.safeParse({ ...VALID, ageAtFacts: 120 }).success).toBe(true);
  });

  it("requires ageUncertain: true when ageAtFacts is null", () => {
    expect(QualificationInput.safeParse({ ...VALID, ageAtFacts: null, ageUncertain: true }).success).toBe(true);
    const parsed = QualificationInput.safeParse({ ...VALID, ageAtFacts: null });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["ageUncertain"]);
    expect(parsed.error?.issues[0]?.message).toContain("« ageUncertain »");
  });

  it.each([
    ["ageUncertain", "no"],
    ["acts", "recruit"],
    ["purposes", null],
  ])("rejects a wrong type for %s", (field, value) => {
    expect(messagesFor({ ...VALID, [field]: value })[0]).toContain(`« ${field} » doit être`);
  });

  it.each(["2024-02-30", "15/01/2025", "2025-01-15T10:00:00Z"])("rejects factsDate %s", (date) => {
    expect(messagesFor({ ...VALID, factsDate: date })[0]).toContain("« factsDate »");
  });

  it("rejects a body that is not an object", () => {
    expect(messagesFor([VALID])[0]).toContain("doit être un objet JSON");
  });
});

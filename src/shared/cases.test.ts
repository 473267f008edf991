import { describe, expect, it } from "vitest";
import { UpdateCaseInput } from "./cases.ts";

describe("UpdateCaseInput", () => {
  it("keeps only the fields an edit names, without the create form's defaults", () => {
    const parsed = UpdateCaseInput.parse({ version: 3, profile: { firstFactsOn: "2025-01-01" } });
    expect(parsed).toEqual({ version: 3, profile: { firstFactsOn: "2025-01-01" } });
  });

  it("still validates the fields it names", () => {
    expect(UpdateCaseInput.safeParse({ version: 3, profile: { gender: "martian" } }).success).toBe(false);
    expect(UpdateCaseInput.safeParse({ version: 3, profile: { unknownField: 1 } }).success).toBe(false);
  });
});

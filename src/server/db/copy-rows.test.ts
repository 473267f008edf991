import { describe, expect, it } from "vitest";
import { encodeCopyRows } from "./copy-rows.ts";
import { caseTimelineEntries, users } from "./schema.ts";

describe("COPY text encoding", () => {
  it("escapes the format's specials, writes NULL, booleans and array literals", () => {
    const encoded = encodeCopyRows(users, [
      {
        organisationId: "00000000-0000-4000-8000-000000000001",
        email: "a\tb",
        displayName: "back\\slash\nline",
        passwordHash: "h",
        roles: ['say "hi"', "a,b", "c\\d"],
        adminDepartmentCode: null,
        isActive: false,
      },
    ]);
    expect(encoded?.columnNames).toEqual([
      "organisation_id",
      "email",
      "display_name",
      "password_hash",
      "roles",
      "admin_department_code",
      "is_active",
    ]);
    expect(encoded?.text).toBe(
      [
        "00000000-0000-4000-8000-000000000001",
        "a\\tb",
        "back\\\\slash\\nline",
        "h",
        '{"say \\\\"hi\\\\"","a,b","c\\\\\\\\d"}',
        "\\N",
        "f",
      ].join("\t") + "\n",
    );
  });

  it("writes jsonb as JSON, arrays included, and instants in ISO form", () => {
    const encoded = encodeCopyRows(caseTimelineEntries, [
      {
        caseId: "00000000-0000-4000-8000-000000000002",
        kind: "created",
        occurredAt: new Date("2025-03-01T10:00:00.123Z"),
        details: { list: [1, "x\ty"] },
      },
    ]);
    expect(encoded?.text).toBe(
      '00000000-0000-4000-8000-000000000002\tcreated\t2025-03-01T10:00:00.123Z\t{"list":[1,"x\\\\ty"]}\n',
    );
  });

  it("refuses a value it cannot write rather than guessing", () => {
    expect(() =>
      encodeCopyRows(users, [
        { organisationId: "x", email: "e", displayName: "d", passwordHash: "h", roles: "admin" as unknown as string[] },
      ]),
    ).toThrow(/array/);
    expect(encodeCopyRows(users, [])).toBeNull();
  });
});

import { existsSync, readFileSync } from "node:fs";
import { read, utils } from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { fromProjectRoot } from "../../project-root.ts";
import {
  HTCDS_EXPLOITATION,
  HTCDS_EXPORT_FIELDS,
  HTCDS_GENDER,
  HTCDS_RECRUITMENT,
  HTCDS_RELATIONSHIP,
  toHtcdsRecord,
} from "./htcds-record.ts";

// The standard's spreadsheet is read here only, in a test: the product carries its own field list.
const STANDARD = fromProjectRoot("..", "shared", "data", "htcds-field-standards-2.0.ods");

function readStandard(): Map<string, string[]> {
  const book = read(readFileSync(STANDARD));
  const sheet = book.Sheets[book.SheetNames[0] ?? ""];
  if (!sheet) throw new Error("no sheet");
  const rows = utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
  const fields = new Map<string, string[]>();
  for (const row of rows) {
    const name = row[6];
    if (typeof name !== "string" || !/^[a-z]{3}_/.test(name)) continue;
    fields.set(
      name,
      String(row[9] ?? "")
        .split(/\s+/)
        .filter(Boolean),
    );
  }
  return fields;
}

describe.runIf(existsSync(STANDARD))("HTCDS research export", () => {
  it("uses only field names of HTCDS v2.0", () => {
    const standard = readStandard();
    for (const field of HTCDS_EXPORT_FIELDS) expect(standard.has(field), field).toBe(true);
  });

  it("uses only picklist values of HTCDS v2.0", () => {
    const standard = readStandard();
    const check = (field: string, values: Iterable<string>) => {
      for (const value of values) expect(standard.get(field), `${field}=${value}`).toContain(value);
    };
    check("vic_TypeOfExploitation", Object.values(HTCDS_EXPLOITATION));
    check("prs_Gender", Object.values(HTCDS_GENDER));
    check("vic_MethodOfRecruitment", Object.values(HTCDS_RECRUITMENT));
    check("vic_RelationshipToTrafficker", Object.values(HTCDS_RELATIONSHIP));
    const record = toHtcdsRecord({
      year: 2024,
      departmentCode: "93",
      sex: "female",
      birthYear: 2008,
      ageAtFirstFacts: 15,
      exploitationFamilies: ["sexual", "criminal"],
      nationalities: ["FR"],
      recruitmentChannel: "social_network",
      exploiterRelationship: "partner",
      yearPresumed: 2024,
      yearIdentified: 2025,
      yearRecognised: null,
    });
    expect(record).toMatchObject({ vic_AgeWhenTrafficked: 16, vic_TypeOfExploitation: "Other;SexualExploitation" });
    check("vic_TraffickingStatus", [String(record.vic_TraffickingStatus)]);
    check("vic_TraffickingStatusDecisionMakingOrg", [String(record.vic_TraffickingStatusDecisionMakingOrg)]);
  });
});

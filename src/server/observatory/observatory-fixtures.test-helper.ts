import { randomUUID } from "node:crypto";
import type { AppContext } from "../context.ts";
import { cases, caseTimelineEntries, caseVictimStatuses } from "../db/schema.ts";
import { SEED_RUN_KEY } from "../seed/seed-bulk.queries.ts";

export interface FixturePerson {
  departmentCode: string;
  year: number;
  family?: string;
  families?: string[];
  gender?: string;
  birthYear?: number;
  status?: "possible" | "presumed" | "identified_le" | "recognised_court";
  asePlacedIn?: string;
  /** A second case of the same person (confirmed link), in another département, to check it counts once. */
  linkedCaseIn?: string;
}

/** Inserts cases and their victim statuses directly: hundreds of persons in one statement each. */
export async function insertPersons(
  ctx: AppContext,
  organisationId: string,
  persons: readonly FixturePerson[],
  options: { synthetic?: boolean } = {},
): Promise<void> {
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const statusRows: (typeof caseVictimStatuses.$inferInsert)[] = [];
  const timelineRows: (typeof caseTimelineEntries.$inferInsert)[] = [];
  for (const person of persons) {
    const personId = randomUUID();
    const departments = [person.departmentCode, ...(person.linkedCaseIn ? [person.linkedCaseIn] : [])];
    departments.forEach((departmentCode, index) => {
      const id = randomUUID();
      caseRows.push({
        id,
        number: `${departmentCode}-${person.year}-${id.slice(0, 6)}`,
        personId,
        departmentCode,
        ownerOrganisationId: organisationId,
        gender: person.gender ?? "female",
        birthYear: person.birthYear ?? person.year - 16,
        exploitationFamilies: person.families ?? [person.family ?? "sexual"],
        asePlacementType: person.asePlacedIn ? "establishment" : null,
        aseDepartmentCode: person.asePlacedIn ?? null,
        createdAt: new Date(Date.UTC(person.year, 1, 1 + index)),
      });
      statusRows.push({
        caseId: id,
        status: person.status ?? "presumed",
        decidedBy: "multi_agency",
        decidedOn: `${person.year + index}-03-01`,
        recordedAt: new Date(Date.UTC(person.year + index, 2, 1)),
      });
      if (options.synthetic) {
        timelineRows.push({
          caseId: id,
          kind: "created",
          occurredAt: new Date(Date.UTC(person.year, 1, 1)),
          details: { [SEED_RUN_KEY]: "test", seedIndex: 0 },
        });
      }
    });
  }
  for (let start = 0; start < caseRows.length; start += 500) {
    await ctx.db.insert(cases).values(caseRows.slice(start, start + 500));
  }
  for (let start = 0; start < statusRows.length; start += 500) {
    await ctx.db.insert(caseVictimStatuses).values(statusRows.slice(start, start + 500));
  }
  if (timelineRows.length > 0) await ctx.db.insert(caseTimelineEntries).values(timelineRows);
}

/** Many persons spread over départements, years, forms and sexes, with some small groups. */
export function spreadPersons(): FixturePerson[] {
  const persons: FixturePerson[] = [];
  const big = ["93", "75", "13", "69", "59", "33"];
  const families = ["sexual", "sexual", "sexual", "criminal", "labour", "begging", "domestic", "other"];
  for (const year of [2022, 2023, 2024]) {
    big.forEach((departmentCode, d) => {
      const n = 30 + d * 7 + (year - 2022) * 3;
      for (let i = 0; i < n; i++) {
        persons.push({
          departmentCode,
          year,
          family: families[(i + d) % families.length],
          gender: i % 3 === 0 ? "male" : "female",
          birthYear: year - 13 - (i % 8),
        });
      }
    });
    // Small départements: a few persons each, to be folded into their region.
    for (const departmentCode of ["48", "23", "15"]) {
      for (let i = 0; i < 2 + (year % 3); i++) persons.push({ departmentCode, year, family: "sexual" });
    }
  }
  return persons;
}

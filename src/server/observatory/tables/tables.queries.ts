import type { ObservatoryDimension, ObservatoryFilters, VictimStatusBasis } from "@shared/observatory.ts";
import { and, between, count, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { observatoryPersonFacts as facts } from "../../db/schema.ts";

/** The column holding the year a person first reached each basis (D1: counted once, in that year). */
const YEAR_OF_BASIS = {
  possible: facts.yearPossible,
  presumed: facts.yearPresumed,
  identified_le: facts.yearIdentified,
  recognised_court: facts.yearRecognised,
} as const;

/** SQL of one dimension's category, for a basis (the age band is the age in the year counted). */
function dimensionSql(dimension: ObservatoryDimension, basis: VictimStatusBasis): SQL {
  const year = YEAR_OF_BASIS[basis];
  switch (dimension) {
    case "year":
      return sql`${year}::text`;
    case "department":
      return sql`${facts.departmentCode}`;
    case "region":
      return sql`${facts.regionCode}`;
    case "exploitation_family":
      return sql`${facts.exploitationFamily}`;
    case "sex":
      return sql`${facts.sex}`;
    case "age_band":
      return sql`case
        when coalesce(${year} - ${facts.birthYear}, ${facts.ageAtFirstFacts}) is null then 'unknown'
        when coalesce(${year} - ${facts.birthYear}, ${facts.ageAtFirstFacts}) < 15 then 'under_15'
        when coalesce(${year} - ${facts.birthYear}, ${facts.ageAtFirstFacts}) < 18 then '15_17'
        else '18_21' end`;
    case "profile":
      return sql`${facts.profile}`;
    case "nationality_group":
      return sql`${facts.nationalityGroup}`;
    case "recruitment_channel":
      return sql`${facts.recruitmentChannel}`;
    case "exploiter_relationship":
      return sql`${facts.exploiterRelationship}`;
  }
}

export interface CountQuery {
  snapshotId: string;
  basis: VictimStatusBasis;
  from: number;
  to: number;
  dimensions: readonly ObservatoryDimension[];
  filters: ObservatoryFilters;
}

/** Persons per combination of categories: one GROUP BY over at most three dimensions of the snapshot. */
export async function countPersons(
  db: Executor,
  query: CountQuery,
): Promise<{ categories: string[]; count: number }[]> {
  const year = YEAR_OF_BASIS[query.basis];
  const conditions: SQL[] = [
    eq(facts.snapshotId, query.snapshotId),
    isNotNull(year),
    between(year, query.from, query.to),
  ];
  for (const [dimension, values] of Object.entries(query.filters) as [ObservatoryDimension, string[] | undefined][]) {
    if (values && values.length > 0) conditions.push(inArray(dimensionSql(dimension, query.basis), values));
  }
  const expressions = query.dimensions.map((dimension) => dimensionSql(dimension, query.basis));
  const selection: Record<string, SQL> = {};
  expressions.forEach((expression, i) => {
    selection[`d${i}`] = expression;
  });
  const rows = (await db
    .select({ ...selection, count: count() })
    .from(facts)
    .where(and(...conditions))
    .groupBy(...expressions)) as unknown as Record<string, string | number>[];
  return rows.map((row) => ({
    categories: query.dimensions.map((_, i) => String(row[`d${i}`])),
    count: Number(row.count),
  }));
}

/** The snapshot's persons with the fields of the record-level research export. */
export async function listPersonFacts(
  db: Executor,
  snapshotId: string,
  basis: VictimStatusBasis,
  from: number,
  to: number,
) {
  const year = YEAR_OF_BASIS[basis];
  return db
    .select({
      year: year,
      departmentCode: facts.departmentCode,
      sex: facts.sex,
      birthYear: facts.birthYear,
      ageAtFirstFacts: facts.ageAtFirstFacts,
      exploitationFamilies: facts.exploitationFamilies,
      nationalities: facts.nationalities,
      recruitmentChannel: facts.recruitmentChannel,
      exploiterRelationship: facts.exploiterRelationship,
      profile: facts.profile,
      yearPresumed: facts.yearPresumed,
      yearIdentified: facts.yearIdentified,
      yearRecognised: facts.yearRecognised,
    })
    .from(facts)
    .where(and(eq(facts.snapshotId, snapshotId), isNotNull(year), between(year, from, to)));
}

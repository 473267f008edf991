import { DEPARTMENTS } from "@shared/departments.ts";
import { NATIONALITY_GROUP_OF } from "@shared/observatory/nationality-groups.ts";
import { desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/connection.ts";
import { rowsOf } from "../../db/rows-of.ts";
import { observatorySnapshots } from "../../db/schema.ts";
import { SEED_RUN_KEY } from "../../seed/seed-bulk.queries.ts";

export type SnapshotRow = typeof observatorySnapshots.$inferSelect;

/**
 * What the source tables look like now: counts and latest change times. Any write that can move a count (a new
 * case, a profile edit or a confirmed link — both bump `updated_at` —, a status, a screening attached) changes it.
 */
export async function readSourceFingerprint(db: Executor): Promise<string> {
  const [row] = await rowsOf<{ fingerprint: string }>(
    db,
    sql`select concat_ws(':',
          (select count(*) from cases),
          (select max(updated_at) from cases),
          (select count(*) from case_victim_statuses),
          (select max(recorded_at) from case_victim_statuses),
          (select count(*) from screenings where case_id is not null)) as fingerprint`,
  );
  return row?.fingerprint ?? "";
}

export async function findLatestSnapshot(db: Executor): Promise<SnapshotRow | undefined> {
  const [row] = await db
    .select()
    .from(observatorySnapshots)
    .orderBy(desc(observatorySnapshots.createdAt), desc(observatorySnapshots.id))
    .limit(1);
  return row;
}

export async function findSnapshot(db: Executor, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(observatorySnapshots).where(eq(observatorySnapshots.id, id));
  return row;
}

const departmentRegions = JSON.stringify(Object.fromEntries(DEPARTMENTS.map((d) => [d.code, d.regionCode])));
const nationalityGroups = JSON.stringify(NATIONALITY_GROUP_OF);

/**
 * D1 in SQL: one row per person (cases sharing `person_id` after a confirmed link), for a new snapshot.
 *  - the year a person first reached a basis: "possible" = first clear-concern screening or first recorded status
 *    of any level; "presumed" = first status presumed or higher; and so on (levels are cumulative);
 *  - the person's département, sex, age and profile come from their first case (by creation); the ASE
 *    département in charge wins for a young person placed at the ASE;
 *  - multi-valued attributes (forms, channels, relationships, nationalities) are the union over the person's
 *    cases, reduced to one category: the value when there is one, "multiple" when several, "unknown" when none.
 */
export async function insertSnapshotFacts(db: Executor, input: { fingerprint: string }): Promise<SnapshotRow> {
  const [counts] = await rowsOf<{ cases: number; synthetic: number }>(
    db,
    sql`select (select count(*)::int from cases) as cases,
               (select count(distinct case_id)::int from case_timeline_entries
                 where kind = 'created' and details ? ${SEED_RUN_KEY}) as synthetic`,
  );
  const [snapshot] = await db
    .insert(observatorySnapshots)
    .values({
      sourceFingerprint: input.fingerprint,
      personCount: 0,
      caseCount: Number(counts?.cases ?? 0),
      syntheticCaseCount: Number(counts?.synthetic ?? 0),
    })
    .returning();
  if (!snapshot) throw new Error("snapshot not created");

  await db.execute(sql`
    insert into observatory_person_facts (
      snapshot_id, person_id, year_possible, year_presumed, year_identified, year_recognised, department_code,
      region_code, exploitation_family, sex, birth_year, age_at_first_facts, profile, nationality_group,
      recruitment_channel, exploiter_relationship, exploitation_families, nationalities)
    with clear_screenings as (
      select case_id, min(screened_on::date) as first_clear
      from screenings where level = 'clear' and case_id is not null group by case_id
    ), statuses as (
      select case_id,
             min(decided_on) as first_any,
             min(decided_on) filter (where status in ('presumed', 'identified_le', 'recognised_court')) as first_presumed,
             min(decided_on) filter (where status in ('identified_le', 'recognised_court')) as first_identified,
             min(decided_on) filter (where status = 'recognised_court') as first_recognised
      from case_victim_statuses group by case_id
    ), per_case as (
      select c.*,
             least(cs.first_clear, st.first_any) as possible_on,
             st.first_presumed, st.first_identified, st.first_recognised,
             row_number() over (partition by c.person_id order by c.created_at, c.id) as rank_in_person
      from cases c
      left join clear_screenings cs on cs.case_id = c.id
      left join statuses st on st.case_id = c.id
    ), years as (
      select person_id,
             extract(year from min(possible_on))::smallint as year_possible,
             extract(year from min(first_presumed))::smallint as year_presumed,
             extract(year from min(first_identified))::smallint as year_identified,
             extract(year from min(first_recognised))::smallint as year_recognised
      from per_case group by person_id
    ), families as (
      select person_id, array_agg(distinct f order by f) as list
      from per_case, unnest(exploitation_families) f group by person_id
    ), channels as (
      select person_id, array_agg(distinct v order by v) as list
      from per_case, unnest(recruitment_channels) v group by person_id
    ), relationships as (
      select person_id, array_agg(distinct v order by v) as list
      from per_case, unnest(exploiter_relationships) v where v <> 'unknown' group by person_id
    ), nationality_lists as (
      select person_id, array_agg(distinct upper(v) order by upper(v)) as list
      from per_case, unnest(nationalities) v group by person_id
    ), first_case as (
      select * from per_case where rank_in_person = 1
    ), located as (
      select fc.*,
             case when fc.ase_placement_type is not null and fc.ase_department_code is not null
                  then fc.ase_department_code else fc.department_code end as counted_department
      from first_case fc
    )
    select ${snapshot.id}::uuid, l.person_id, y.year_possible, y.year_presumed, y.year_identified, y.year_recognised,
           l.counted_department,
           coalesce(${departmentRegions}::jsonb ->> l.counted_department, 'unknown'),
           case coalesce(cardinality(f.list), 0) when 0 then 'unknown' when 1 then f.list[1] else 'multiple' end,
           case l.gender when 'female' then 'female' when 'male' then 'male' else 'other_or_unknown' end,
           l.birth_year, l.age_at_first_facts,
           case when l.age_assessment_status is not null then 'mna'
                when l.ase_placement_type is not null then 'ase_placed'
                when l.care_leaver_status is not null then 'care_leaver'
                else 'other' end,
           case when n.list is null then 'unknown'
                when 'FR' = any(n.list) then 'france'
                else coalesce(${nationalityGroups}::jsonb ->> n.list[1], 'other') end,
           case coalesce(cardinality(ch.list), 0) when 0 then 'unknown' when 1 then ch.list[1] else 'multiple' end,
           case coalesce(cardinality(r.list), 0) when 0 then 'unknown' when 1 then r.list[1] else 'multiple' end,
           coalesce(f.list, '{}'), coalesce(n.list, '{}')
    from located l
    join years y on y.person_id = l.person_id
    left join families f on f.person_id = l.person_id
    left join channels ch on ch.person_id = l.person_id
    left join relationships r on r.person_id = l.person_id
    left join nationality_lists n on n.person_id = l.person_id
    where y.year_possible is not null
  `);
  const [person] = await rowsOf<{ count: number }>(
    db,
    sql`select count(*)::int as count from observatory_person_facts where snapshot_id = ${snapshot.id}`,
  );
  const [updated] = await db
    .update(observatorySnapshots)
    .set({ personCount: Number(person?.count ?? 0) })
    .where(eq(observatorySnapshots.id, snapshot.id))
    .returning();
  return updated ?? snapshot;
}

/** Drops snapshots older than the given one but the `keep` most recent, with their facts, cache and guards. */
export async function deleteSnapshotsBefore(db: Executor, createdAt: Date, keep: number): Promise<void> {
  const old = await db
    .select({ id: observatorySnapshots.id })
    .from(observatorySnapshots)
    .where(lt(observatorySnapshots.createdAt, createdAt))
    .orderBy(desc(observatorySnapshots.createdAt))
    .offset(keep);
  for (const { id } of old) await db.delete(observatorySnapshots).where(eq(observatorySnapshots.id, id));
}

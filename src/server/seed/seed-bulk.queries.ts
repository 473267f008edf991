import { sql } from "drizzle-orm";
import type { Executor } from "../db/connection.ts";
import { rowsOf } from "../db/rows-of.ts";
import { caseCounters, caseTimelineEntries } from "../db/schema.ts";

/**
 * Moves each (département, year) counter forward by a whole block in one statement and returns the last number of
 * each block, so a batch numbers its cases without one round trip per case.
 */
export async function reserveCaseNumbers(
  db: Executor,
  blocks: readonly { departmentCode: string; year: number; count: number }[],
): Promise<Map<string, number>> {
  if (blocks.length === 0) return new Map();
  const json = JSON.stringify(blocks.map((b) => ({ d: b.departmentCode, y: b.year, n: b.count })));
  const rows = await rowsOf<{ department_code: string; year: number; last_value: number }>(
    db,
    sql`insert into ${caseCounters} (department_code, year, last_value)
        select d, y, n from json_to_recordset(${json}::json) as x(d text, y smallint, n integer)
        on conflict (department_code, year)
        do update set last_value = ${caseCounters}.last_value + excluded.last_value
        returning department_code, year, last_value`,
  );
  return new Map(rows.map((r) => [`${r.department_code}|${Number(r.year)}`, Number(r.last_value)]));
}

/** Keys of the "created" timeline entry that tie a seeded case to its run and its index in the synthetic stream. */
export const SEED_RUN_KEY = "seedRun";
export const SEED_INDEX_KEY = "seedIndex";

/** How many cases of a seed run are stored, and the highest synthetic index among them. */
export async function findSeedRunProgress(db: Executor, runKey: string) {
  const [row] = await rowsOf<{ count: number; last_index: number | null }>(
    db,
    // The keys are written out so that the planner can use case_timeline_seed_idx (migration 0006).
    sql`select count(*)::int as count, max((details->>'seedIndex')::int) as last_index
        from ${caseTimelineEntries}
        where kind = 'created' and details->>'seedRun' = ${runKey}`,
  );
  return { count: Number(row?.count ?? 0), lastIndex: row?.last_index ?? null };
}

interface ForeignKey {
  child: string;
  parent: string;
  column: string;
  notNull: boolean;
}

// A reset that reached these would destroy accounts or the audit trail: refuse rather than follow the graph there.
const NEVER_RESET = new Set([
  "users",
  "organisations",
  "audit_events",
  "audit_chain_heads",
  "audit_anchors",
  "sessions",
]);

/**
 * Tables whose optional link to a case is one of several possible subjects (a check wants one of them): a row with
 * no other subject than the case is case data and goes with it, the others are detached. Table → the other subject.
 */
const OTHER_SUBJECT: Readonly<Record<string, string>> = { screenings: "pre_case_id" };

async function listForeignKeys(db: Executor): Promise<ForeignKey[]> {
  return rowsOf<ForeignKey>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
               quote_ident(a.attname) as "column", a.attnotnull as "notNull"
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f'`,
  );
}

export interface CaseDataReset {
  cases: number;
  /** Rows removed from tables that depend on cases (identities, index, statuses, timeline, shares…). */
  dependentRows: number;
  /** Rows of other tables whose optional link to a case was cleared. */
  detachedRows: number;
}

/**
 * Empties case data: cases, every table that cannot exist without a case (found from the foreign keys, so tables
 * added later are covered), and the case-number counters. Users, organisations and the audit trail stay. A row
 * that merely may point at a case (nullable link) is kept, its link cleared.
 */
export async function resetCaseData(db: Executor): Promise<CaseDataReset> {
  const keys = await listForeignKeys(db);
  const dependents = new Set<string>(["cases"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const key of keys) {
      if (key.notNull && dependents.has(key.parent) && !dependents.has(key.child)) {
        dependents.add(key.child);
        grew = true;
      }
    }
  }
  const forbidden = [...dependents].filter((table) => NEVER_RESET.has(table));
  if (forbidden.length > 0) throw new Error(`reset would reach ${forbidden.join(", ")}`);
  const detachable = keys.filter((k) => !k.notNull && dependents.has(k.parent) && !dependents.has(k.child));

  const countOf = async (table: string, where = sql``) => {
    const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(table)} ${where}`);
    return Number(row?.n ?? 0);
  };
  let cases = 0;
  let dependentRows = 0;
  for (const table of dependents) {
    const n = await countOf(table);
    if (table === "cases") cases = n;
    else dependentRows += n;
  }
  let detachedRows = 0;
  for (const key of detachable) {
    const column = sql.raw(key.column);
    const other = OTHER_SUBJECT[key.child];
    if (other) {
      const alone = sql`where ${column} is not null and ${sql.raw(other)} is null`;
      dependentRows += await countOf(key.child, alone);
      await db.execute(sql`delete from ${sql.raw(key.child)} ${alone}`);
    }
    detachedRows += await countOf(key.child, sql`where ${column} is not null`);
    await db.execute(sql`update ${sql.raw(key.child)} set ${column} = null where ${column} is not null`);
  }
  // TRUNCATE is instant at a million cases but refuses while any other table keeps a foreign key to these; the
  // detached links above still have theirs, so then rows are deleted children first.
  if (detachable.length === 0) {
    const tables = [...dependents, "case_counters"].map((t) => sql.raw(t));
    await db.execute(sql`truncate table ${sql.join(tables, sql`, `)}`);
  } else {
    const order = deletionOrder(dependents, keys);
    for (const table of order) await db.execute(sql`delete from ${sql.raw(table)}`);
    await db.execute(sql`delete from case_counters`);
  }
  return { cases, dependentRows, detachedRows };
}

/** Children before parents, so no foreign key is violated along the way. */
function deletionOrder(tables: Set<string>, keys: readonly ForeignKey[]): string[] {
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (table: string) => {
    if (visited.has(table)) return;
    visited.add(table);
    for (const key of keys) if (key.parent === table && tables.has(key.child) && key.child !== table) visit(key.child);
    order.push(table);
  };
  for (const table of tables) visit(table);
  return order;
}

/**
 * `repere seed`: appends synthetic cases to the database the app uses, in batches of one transaction each, so
 * memory stays flat and an interrupted run loses at most the batch in flight.
 *
 * Resuming needs to know which cases a run already stored, without a table of runs: the "created" timeline entry
 * of each seeded case carries the run key and the case's index in the synthetic stream. Batches commit in index
 * order, so the stored indices of a run are always a prefix, and the run goes on after the highest one. The timeline
 * was chosen over `cases.idempotency_key` because retention clears that key when it anonymises a closed case, while
 * timeline details stay.
 */

import { createHash } from "node:crypto";
import type { DeadlineOverrides } from "@shared/calendar/deadline-rules.ts";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import { inBulkTransaction, type WriteRows } from "../db/bulk-transaction.ts";
import type { Executor } from "../db/connection.ts";
import {
  caseBlindIndex,
  caseIdentities,
  caseShares,
  cases,
  caseTimelineEntries,
  caseVictimStatuses,
  pathwayDeadlines,
  pathwayMeasures,
  pathwayPlanReviews,
  pathwayPlans,
  pathwayTracks,
  pathwayTransitions,
  screenings,
} from "../db/schema.ts";
import { loadDeadlineOverrides } from "../pathway/deadlines/deadlines.service.ts";
import { systemActor } from "../policy/actor.ts";
import { DEPARTMENT_CASE_TABLE } from "./department-reference.ts";
import { type CaseDataReset, findSeedRunProgress, reserveCaseNumbers, resetCaseData } from "./seed-bulk.queries.ts";
import { assignCaseNumber, buildSeedCaseRows, type SeedCaseRows } from "./seed-case-rows.ts";
import { ensureSeedOrganisations, type SeedDepartmentRefs } from "./seed-organisations.ts";
import { generateSyntheticCase, SYNTHETIC_GENERATOR_VERSION, type SyntheticCaseOptions } from "./synthetic-person.ts";

export const DEFAULT_SEED_BATCH_SIZE = 2000;

export interface SeedCasesOptions {
  /** How many cases of this run the database should hold at the end (those already stored count). */
  cases: number;
  seed: string;
  years: readonly [from: number, to: number];
  now: Date;
  /** Empty case data first. */
  reset?: boolean;
  batchSize?: number;
  /** Keep only cases of these départements (the demo); by default, the whole of France. */
  departments?: readonly string[];
  /** Written to the audit entry: "cli:seed", "demo-seed"… */
  actorName?: string;
}

export interface SeedProgress {
  /** Cases of this run stored so far, counting those of earlier interrupted runs. */
  stored: number;
  target: number;
  insertedThisRun: number;
}

export interface SeedSummary {
  runKey: string;
  target: number;
  alreadyStored: number;
  inserted: number;
  reset: CaseDataReset | null;
  organisationsCreated: number;
  usersCreated: number;
  /** Rows written per table in this run. */
  rows: Record<string, number>;
  durationMs: number;
}

/** A dataset is named by everything its content depends on: the same key means the same cases. */
export function seedRunKey(options: Pick<SeedCasesOptions, "seed" | "years" | "now" | "departments">): string {
  const text = [
    SYNTHETIC_GENERATOR_VERSION,
    options.seed,
    `${options.years[0]}-${options.years[1]}`,
    options.now.toISOString(),
    options.departments ? [...options.departments].sort().join(",") : "*",
  ].join("|");
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

const TABLES = {
  cases,
  case_identities: caseIdentities,
  case_blind_index: caseBlindIndex,
  case_victim_statuses: caseVictimStatuses,
  case_timeline_entries: caseTimelineEntries,
  case_shares: caseShares,
  screenings,
  pathway_tracks: pathwayTracks,
  pathway_transitions: pathwayTransitions,
  pathway_deadlines: pathwayDeadlines,
  pathway_measures: pathwayMeasures,
  pathway_plans: pathwayPlans,
  pathway_plan_reviews: pathwayPlanReviews,
} as const;

async function writeBatch(
  db: Executor,
  write: WriteRows,
  batch: readonly SeedCaseRows[],
  rows: Record<string, number>,
) {
  const blocks = new Map<string, { departmentCode: string; year: number; count: number }>();
  for (const item of batch) {
    const key = `${item.departmentCode}|${item.numberYear}`;
    const block = blocks.get(key) ?? { departmentCode: item.departmentCode, year: item.numberYear, count: 0 };
    block.count++;
    blocks.set(key, block);
  }
  // Reserved inside the batch's transaction: a batch that fails leaves no gap, so a resumed run numbers its cases
  // exactly as an uninterrupted one.
  const lastOfBlock = await reserveCaseNumbers(db, [...blocks.values()]);
  const nextOfBlock = new Map<string, number>();
  for (const [key, block] of blocks) nextOfBlock.set(key, (lastOfBlock.get(key) ?? 0) - block.count + 1);
  for (const item of batch) {
    const key = `${item.departmentCode}|${item.numberYear}`;
    const sequence = nextOfBlock.get(key) ?? 1;
    nextOfBlock.set(key, sequence + 1);
    assignCaseNumber(item, `${item.departmentCode}-${item.numberYear}-${String(sequence).padStart(6, "0")}`);
  }
  const collected = {
    cases: batch.map((b) => b.caseRow),
    case_identities: batch.map((b) => b.identity),
    case_blind_index: batch.flatMap((b) => b.blindIndex),
    case_victim_statuses: batch.flatMap((b) => b.statuses),
    case_timeline_entries: batch.flatMap((b) => b.timeline),
    case_shares: batch.flatMap((b) => b.shares),
    screenings: batch.flatMap((b) => b.pathway.screenings),
    pathway_tracks: batch.flatMap((b) => b.pathway.tracks),
    pathway_transitions: batch.flatMap((b) => b.pathway.transitions),
    pathway_deadlines: batch.flatMap((b) => b.pathway.deadlines),
    pathway_measures: batch.flatMap((b) => b.pathway.measures),
    pathway_plans: batch.flatMap((b) => b.pathway.plans),
    pathway_plan_reviews: batch.flatMap((b) => b.pathway.planReviews),
  };
  for (const name of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    await write(TABLES[name], collected[name]);
    rows[name] = (rows[name] ?? 0) + collected[name].length;
  }
}

function checkOptions(options: SeedCasesOptions) {
  if (!Number.isSafeInteger(options.cases) || options.cases < 0) throw new RangeError("cases must be a count");
  for (const code of options.departments ?? []) {
    // A filter on a département no case is drawn in would scan the stream forever.
    if (DEPARTMENT_CASE_TABLE.probability(code) === 0) throw new RangeError(`no synthetic case in ${code}`);
  }
}

/**
 * Brings the run's dataset to `options.cases` cases: creates the organisations and accounts it needs, resets if
 * asked, then appends what is missing. One audit entry records the run, written with the reset and the accounts.
 */
export async function seedCases(
  ctx: AppContext,
  options: SeedCasesOptions,
  hooks: { onBatch?: (progress: SeedProgress) => void } = {},
): Promise<SeedSummary> {
  checkOptions(options);
  const started = performance.now();
  const runKey = seedRunKey(options);
  const departmentCodes = options.departments ?? DEPARTMENT_CASE_TABLE.values;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_SEED_BATCH_SIZE);
  const actor = systemActor(options.actorName ?? "cli:seed");

  const setup = await ctx.db.transaction(async (tx) => {
    const reset = options.reset ? await resetCaseData(tx) : null;
    const progress = await findSeedRunProgress(tx, runKey);
    const organisations = await ensureSeedOrganisations(tx, departmentCodes);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "system.seed",
      details: {
        kind: "synthetic_cases",
        runKey,
        generator: SYNTHETIC_GENERATOR_VERSION,
        seed: options.seed,
        years: [...options.years],
        now: options.now.toISOString(),
        departments: options.departments ? [...options.departments] : null,
        target: options.cases,
        alreadyStored: progress.count,
        resetCases: reset?.cases ?? null,
        organisationsCreated: organisations.organisationsCreated,
        usersCreated: organisations.usersCreated,
      },
    });
    // Read once, as startDeadline reads them for each step: a département's own delays time its seeded cases.
    const overrides = new Map<string, DeadlineOverrides | undefined>();
    for (const code of departmentCodes) overrides.set(code, await loadDeadlineOverrides(tx, code));
    return { reset, progress, organisations, overrides };
  });

  const frame: SyntheticCaseOptions = { years: options.years, now: options.now };
  const wanted = options.departments ? new Set(options.departments) : null;
  const refsOf = (code: string): SeedDepartmentRefs => {
    const refs = setup.organisations.departments.get(code);
    if (!refs) throw new Error(`no organisations for département ${code}`);
    return refs;
  };
  let nextIndex = (setup.progress.lastIndex ?? -1) + 1;
  const alreadyStored = setup.progress.count;
  let inserted = 0;
  const rows: Record<string, number> = {};

  const prepareBatch = async (): Promise<SeedCaseRows[]> => {
    const batch: SeedCaseRows[] = [];
    const size = Math.min(batchSize, options.cases - alreadyStored - inserted);
    while (batch.length < size) {
      const synthetic = generateSyntheticCase(options.seed, nextIndex++, frame);
      if (wanted && !wanted.has(synthetic.departmentCode)) continue;
      batch.push(
        buildSeedCaseRows(synthetic, {
          keys: ctx.keys,
          refs: refsOf(synthetic.departmentCode),
          runKey,
          now: options.now,
          overrides: setup.overrides.get(synthetic.departmentCode),
        }),
      );
      // Lets the previous batch's statements go out while this one is built: the database works on one core and
      // the generator on the other. Often, because each of the write's dozen round trips waits for a turn here: at
      // one turn per 250 cases the generator sat idle a third of the time, waiting for the write's last steps.
      if (batch.length % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return batch;
  };

  let next = await prepareBatch();
  while (next.length > 0) {
    const batch = next;
    const writing = inBulkTransaction(ctx.database, (tx, write) => writeBatch(tx, write, batch, rows));
    // Handled below; this keeps a failing write from being reported as unhandled while the next batch is built.
    writing.catch(() => undefined);
    // Counted before it commits, so that the next batch is sized for what will then be stored.
    inserted += batch.length;
    next = await prepareBatch();
    await writing;
    hooks.onBatch?.({ stored: alreadyStored + inserted, target: options.cases, insertedThisRun: inserted });
  }

  return {
    runKey,
    target: options.cases,
    alreadyStored,
    inserted,
    reset: setup.reset,
    organisationsCreated: setup.organisations.organisationsCreated,
    usersCreated: setup.organisations.usersCreated,
    rows,
    durationMs: performance.now() - started,
  };
}

import { OBSERVATORY_FIRST_YEAR, SYNTHETIC_LABEL } from "@shared/observatory.ts";
import { recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import { systemActor } from "../../policy/actor.ts";
import { loadDemoReferenceIfEmpty } from "../reference/reference.service.ts";
import {
  deleteSnapshotsBefore,
  findLatestSnapshot,
  insertSnapshotFacts,
  readSourceFingerprint,
  type SnapshotRow,
} from "./snapshot.queries.ts";

/** Older snapshots kept so that a dashboard opened just before a refresh still finishes its queries. */
const SNAPSHOTS_KEPT = 2;

/** What every view says about the data it was computed from. */
export interface SnapshotInfo {
  id: string;
  createdAt: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
}

export function describeSnapshot(snapshot: SnapshotRow): SnapshotInfo {
  const isSynthetic = snapshot.syntheticCaseCount > 0;
  return {
    id: snapshot.id,
    createdAt: snapshot.createdAt.toISOString(),
    isSynthetic,
    syntheticLabel: isSynthetic ? SYNTHETIC_LABEL : null,
  };
}

/**
 * Takes a new snapshot when the source data changed since the last one (or when there is none), and returns the
 * current one. The snapshot job calls it on a clock; requests only take one when none exists yet, so that their
 * answers stay instant and a user's differencing guard stays bound to the same data between two refreshes.
 */
export async function refreshObservatorySnapshot(ctx: AppContext, options: { force?: boolean } = {}) {
  const fingerprint = await readSourceFingerprint(ctx.db);
  const latest = await findLatestSnapshot(ctx.db);
  if (latest && latest.sourceFingerprint === fingerprint && !options.force) return { snapshot: latest, isNew: false };
  const snapshot = await ctx.db.transaction(async (tx) => {
    const created = await insertSnapshotFacts(tx, { fingerprint });
    await recordAudit(tx, ctx.keys.audit, systemActor("job:observatory-snapshot"), {
      action: "system.observatory_snapshot",
      targetType: "observatory_snapshot",
      targetId: created.id,
      details: { persons: created.personCount, cases: created.caseCount, syntheticCases: created.syntheticCaseCount },
    });
    return created;
  });
  await deleteSnapshotsBefore(ctx.db, snapshot.createdAt, SNAPSHOTS_KEPT - 1);
  if (snapshot.syntheticCaseCount > 0) {
    const lastYear = ctx.now().getUTCFullYear();
    const years = Array.from({ length: lastYear - OBSERVATORY_FIRST_YEAR + 1 }, (_, i) => OBSERVATORY_FIRST_YEAR + i);
    await loadDemoReferenceIfEmpty(ctx, systemActor("job:observatory-snapshot"), years);
  }
  return { snapshot, isNew: true };
}

export async function currentSnapshot(ctx: AppContext): Promise<SnapshotRow> {
  return (await findLatestSnapshot(ctx.db)) ?? (await refreshObservatorySnapshot(ctx)).snapshot;
}

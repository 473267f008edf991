/**
 * Re-encrypts every sealed value under the current data key (`ctx.keys.data[0]`), in batches of one transaction
 * each, column after column, paging by primary key. A value already under the current key is never selected, so a
 * run that stops (crash, Ctrl-C) goes on where it was when started again. Servers keep working meanwhile: each value
 * is replaced only if it did not change since it was read.
 */

import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import { systemActor } from "../policy/actor.ts";
import { countStaleSealedValues, listStaleSealedValues, replaceSealedValue } from "./rotate.queries.ts";
import { SEALED_COLUMNS, type SealedColumn, sealedColumnName } from "./sealed-columns.ts";
import { open, seal } from "./secret-box.ts";

export const DEFAULT_ROTATION_BATCH_SIZE = 500;

export interface RotationProgress {
  /** "table.column" being re-encrypted. */
  column: string;
  /** Values re-encrypted so far in this run, all columns together. */
  done: number;
  /** Values under older keys when the run started. */
  total: number;
}

export interface RotationSummary {
  keyId: string;
  /** Values under older keys when the run started. */
  found: number;
  reencrypted: number;
  /** Values a user changed between our read and our write: left as the server wrote them. */
  changedMeanwhile: number;
  /** Values no key of the ring opens (a key removed too early, or a damaged value), per column. */
  unreadable: Record<string, number>;
  /** Values still under older keys at the end: written by servers that have not loaded the new key yet. */
  remaining: number;
  durationMs: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Whether this run put a new key first (recorded in the audit entry). */
  newKey: boolean;
  /** Written to the audit entry: "cli:keys". */
  actorName?: string;
}

/** Sealed values, all columns together, not under the key `keyId`: 0 once a rotation to it has finished. */
export async function countValuesUnderOtherKeys(ctx: AppContext, keyId: string): Promise<number> {
  let total = 0;
  for (const entry of SEALED_COLUMNS) total += await countStaleSealedValues(ctx.db, entry, keyId);
  return total;
}

export async function reencryptSealedValues(
  ctx: AppContext,
  options: RotationOptions,
  hooks: { onBatch?: (progress: RotationProgress) => void } = {},
): Promise<RotationSummary> {
  const started = performance.now();
  // A copy: a reload of the key file (reloadDataKeys) cannot change the target key in the middle of a run.
  const keys = [...ctx.keys.data];
  const current = keys[0];
  if (!current) throw new Error("no data key");
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_ROTATION_BATCH_SIZE);
  const found = await countValuesUnderOtherKeys(ctx, current.id);
  await recordAudit(ctx.db, ctx.keys.audit, systemActor(options.actorName ?? "cli:keys"), {
    action: "system.key_rotation",
    details: { keyId: current.id, keyIds: keys.map((k) => k.id), newKey: options.newKey, found },
  });

  const summary = { reencrypted: 0, changedMeanwhile: 0, unreadable: {} as Record<string, number> };
  const reencryptColumn = async (entry: SealedColumn) => {
    const name = sealedColumnName(entry);
    let after: string[] | null = null;
    for (;;) {
      const last = await ctx.db.transaction(async (tx) => {
        const batch = await listStaleSealedValues(tx, entry, current.id, after, batchSize);
        for (const stale of batch) {
          const aad = entry.aad(stale.key);
          let plaintext: string;
          try {
            plaintext = open(keys, stale.value, aad);
          } catch {
            summary.unreadable[name] = (summary.unreadable[name] ?? 0) + 1;
            continue;
          }
          const replaced = await replaceSealedValue(tx, entry, stale, seal(keys, plaintext, aad));
          if (replaced) summary.reencrypted++;
          else summary.changedMeanwhile++;
        }
        return batch.at(-1)?.key ?? null;
      });
      if (!last) return;
      after = last;
      hooks.onBatch?.({ column: name, done: summary.reencrypted, total: found });
    }
  };
  for (const entry of SEALED_COLUMNS) await reencryptColumn(entry);

  return {
    keyId: current.id,
    found,
    ...summary,
    remaining: await countValuesUnderOtherKeys(ctx, current.id),
    durationMs: performance.now() - started,
  };
}

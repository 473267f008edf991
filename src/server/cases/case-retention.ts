import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import type { SystemActor } from "../policy/actor.ts";
import { eraseIdentifyingData, listCasesDueForAnonymisation } from "./case-retention.queries.ts";

/**
 * Default delay between closure and anonymisation. Offences against minors are prosecuted long after majority
 * (legal.md rule O3), so this must be set by each département's data protection officer; five years is a floor.
 */
export const DEFAULT_RETENTION_DAYS_AFTER_CLOSURE = 5 * 365;

/**
 * Anonymises the cases closed more than `retentionDays` ago: sealed identity, blind index, note texts and emergency
 * reasons are dropped; the profile, statuses and timeline kinds stay for the observatory. Meant for a daily job
 * (register it in jobs/recurring-jobs.ts). Returns how many cases were anonymised.
 */
export async function anonymiseClosedCases(
  ctx: AppContext,
  actor: SystemActor,
  options: { retentionDays?: number; batchSize?: number } = {},
): Promise<number> {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS_AFTER_CLOSURE;
  const now = ctx.now();
  const closedBefore = new Date(now.getTime() - retentionDays * 86_400_000);
  const due = await listCasesDueForAnonymisation(ctx.db, closedBefore, options.batchSize ?? 500);
  for (const caseFile of due) {
    await ctx.db.transaction(async (tx) => {
      await eraseIdentifyingData(tx, caseFile.id, now);
      await recordAudit(tx, ctx.keys.audit, actor, {
        action: "system.case_retention",
        targetType: "case",
        targetId: caseFile.id,
        caseId: caseFile.id,
        departmentCode: caseFile.departmentCode,
        details: { caseNumber: caseFile.number, retentionDays },
      });
    });
  }
  return due.length;
}

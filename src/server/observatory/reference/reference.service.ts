import type { ReferenceImportReport } from "@shared/observatory.ts";
import { recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../../policy/actor.ts";
import { can } from "../../policy/policy.ts";
import { toReferenceCsv } from "../../seed/department-reference.ts";
import { countIndicators, upsertIndicators } from "./indicators.queries.ts";
import { parseReferenceCsv } from "./reference-csv.ts";

/**
 * Imports the per-département indicators. All or nothing: one faulty line and nothing changes, so that rates are
 * never computed from a half-loaded year; the report lists every problem (line, column, message) in French.
 */
export async function importReferenceCsv(ctx: AppContext, actor: Actor, csv: string): Promise<ReferenceImportReport> {
  if (!can(actor, "observatory.import_reference", { kind: "observatory_scope", departmentCode: null })) {
    throw new AppError("forbidden", 403);
  }
  const { rows, issues } = parseReferenceCsv(csv);
  const years = [...new Set(rows.map((row) => row.year))].sort();
  if (issues.length > 0) return { imported: false, rowCount: 0, years: [], issues };
  const importedAt = ctx.now();
  const importedByUserId = actor.kind === "user" ? actor.userId : null;
  await ctx.db.transaction(async (tx) => {
    await upsertIndicators(
      tx,
      rows.map((row) => ({ ...row, importedAt, importedByUserId })),
    );
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "observatory.import_reference",
      targetType: "department_indicators",
      details: { rows: rows.length, years },
    });
  });
  return { imported: true, rowCount: rows.length, years, issues: [] };
}

/**
 * Demo and synthetic databases get the reference figures of figures.md Appendix A for the years they hold, so
 * that rates work from the first start; a real deployment imports DREES figures instead.
 */
export async function loadDemoReferenceIfEmpty(
  ctx: AppContext,
  actor: Actor,
  years: readonly number[],
): Promise<boolean> {
  if (years.length === 0 || (await countIndicators(ctx.db)) > 0) return false;
  const report = await importReferenceCsv(ctx, actor, toReferenceCsv(years));
  return report.imported;
}

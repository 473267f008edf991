import { ResearchExportInput } from "@shared/observatory.ts";
import { recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../../policy/actor.ts";
import { can } from "../../policy/policy.ts";
import { anonymiseRecords, HTCDS_QUASI_IDENTIFIERS, type RecordValue } from "../disclosure/k-anonymity.ts";
import { currentSnapshot, describeSnapshot } from "../snapshot/observatory-snapshot.ts";
import { listPersonFacts } from "../tables/tables.queries.ts";
import { HTCDS_EXPORT_FIELDS, toHtcdsRecord } from "./htcds-record.ts";

const csvField = (value: RecordValue) => {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Record-level export in HTCDS v2.0 columns for authorised research: every combination of quasi-identifiers is
 * shared by at least 11 persons (k-anonymity, anonymiseRecords) and each class holds two forms of exploitation at
 * least (D7). Audited with its stated purpose and the generalisation applied; never cached, never public (D9).
 */
export async function exportResearchRecords(ctx: AppContext, actor: Actor, input: unknown) {
  if (!can(actor, "observatory.research_export", { kind: "observatory_scope", departmentCode: null })) {
    throw new AppError("forbidden", 403);
  }
  const request = ResearchExportInput.parse(input);
  const snapshot = await currentSnapshot(ctx);
  const persons = await listPersonFacts(ctx.db, snapshot.id, "possible", request.from, request.to);
  const { records, report } = anonymiseRecords(persons.map(toHtcdsRecord), HTCDS_QUASI_IDENTIFIERS, {
    k: 11,
    sensitiveAttribute: "vic_TypeOfExploitation",
  });
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "observatory.research_export",
    targetType: "observatory_snapshot",
    targetId: snapshot.id,
    details: {
      from: request.from,
      to: request.to,
      purposeLength: request.purpose.length,
      exported: records.length,
      suppressed: report.suppressedRecords,
      generalisation: report.generalisation,
    },
  });
  const synthetic = describeSnapshot(snapshot).syntheticLabel;
  const lines = [
    ...(synthetic ? [`# ${synthetic}`] : []),
    `# Export HTCDS v2.0 k-anonyme (k = ${report.k}) ; généralisation : ${Object.entries(report.generalisation)
      .map(([field, level]) => `${field}=${level}`)
      .join(", ")} ; ${report.suppressedRecords} enregistrement(s) retiré(s).`,
    HTCDS_EXPORT_FIELDS.join(","),
    ...records.map((record) => HTCDS_EXPORT_FIELDS.map((field) => csvField(record[field])).join(",")),
  ];
  return {
    csv: `\ufeff${lines.join("\r\n")}\r\n`,
    fileName: `repere-htcds-${request.from}-${request.to}.csv`,
    report,
  };
}

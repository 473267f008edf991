import type { ImportIssue, ReferenceImportReport } from "@shared/observatory.ts";
import { ApiProblem } from "../../api.ts";

function isIssueList(value: unknown): value is ImportIssue[] {
  return Array.isArray(value) && value.every((item) => typeof item === "object" && item !== null && "line" in item);
}

/**
 * The line-by-line problems of a refused CSV, whether the server answered with a report, or with a problem carrying
 * them (as `issues`, inside `report`, or as field errors).
 */
export function importIssuesOf(outcome: ReferenceImportReport | Error | null | undefined): ImportIssue[] {
  if (!outcome) return [];
  if (!(outcome instanceof Error)) return outcome.issues;
  if (!(outcome instanceof ApiProblem)) return [];
  const body = outcome.problem as unknown as { issues?: unknown; report?: { issues?: unknown } };
  if (isIssueList(body.issues)) return body.issues;
  if (isIssueList(body.report?.issues)) return body.report.issues;
  // The survey CSV reports its problems as field errors whose path names the line ("ligne 3").
  return outcome.fieldErrors.map(({ path, message }) => {
    const line = /^ligne (\d+)$/.exec(path)?.[1];
    return { line: line ? Number(line) : 0, column: line ? "" : path, message };
  });
}

import { computeDeadline, type DeadlineContext, deadlineStatus } from "@shared/calendar/compute-deadline.ts";
import { type DeadlineCode, DeadlineOverrides, getDeadlineRule } from "@shared/calendar/deadline-rules.ts";
import type { DeadlineView, Track } from "@shared/pathway.ts";
import type { Executor } from "../../db/connection.ts";
import {
  closeOpenDeadlines,
  type DeadlineRow,
  findDepartmentOverrides,
  findOpenDeadline,
  insertDeadline,
} from "./deadlines.queries.ts";

/** The département's overrides as stored; a row that no longer validates is ignored rather than breaking every step. */
export async function loadDeadlineOverrides(
  db: Executor,
  departmentCode: string,
): Promise<DeadlineOverrides | undefined> {
  const row = await findDepartmentOverrides(db, departmentCode);
  if (!row) return undefined;
  const parsed = DeadlineOverrides.safeParse(row.overrides);
  return parsed.success ? parsed.data : undefined;
}

export interface StartDeadline {
  caseId: string;
  code: DeadlineCode;
  track: Track | "plan" | "transfer" | null;
  startAt: Date;
  /** Whose calendar counts: holidays, working days and time zone are the département's. */
  departmentCode: string;
  transferId?: string | null;
  context?: DeadlineContext;
}

/**
 * Starts a deadline, computed once with the département's calendar and overrides and stored as computed, so a later
 * change of overrides never moves a running deadline. An open deadline of the same code is kept, not doubled.
 */
export async function startDeadline(db: Executor, start: StartDeadline): Promise<DeadlineRow> {
  const transferId = start.transferId ?? null;
  const open = await findOpenDeadline(db, start.caseId, start.code, transferId);
  if (open) return open;
  const overrides = await loadDeadlineOverrides(db, start.departmentCode);
  const computed = computeDeadline(
    getDeadlineRule(start.code),
    start.startAt,
    start.departmentCode,
    overrides,
    start.context,
  );
  return insertDeadline(db, {
    caseId: start.caseId,
    code: start.code,
    track: start.track,
    transferId,
    departmentCode: start.departmentCode,
    timeZone: computed.timeZone,
    unit: computed.unit,
    amount: computed.amount,
    startAt: start.startAt,
    dueAt: computed.dueAt,
    dueLocalDate: computed.dueLocalDate,
    warnAt: computed.warnAt ?? null,
  });
}

/** Marks open deadlines as met at the instant the awaited step happened (which may be before it was recorded). */
export function meetDeadlines(
  db: Executor,
  caseId: string,
  codes: readonly DeadlineCode[],
  at: Date,
  transferId?: string,
) {
  return closeOpenDeadlines(db, caseId, codes, "met", at, transferId ?? null);
}

export function cancelDeadlines(
  db: Executor,
  caseId: string,
  codes: readonly DeadlineCode[],
  at: Date,
  transferId?: string,
) {
  return closeOpenDeadlines(db, caseId, codes, "cancelled", at, transferId ?? null);
}

export function presentDeadline(row: DeadlineRow, now: Date): DeadlineView {
  const rule = getDeadlineRule(row.code as DeadlineCode);
  const status = row.status as DeadlineView["status"];
  return {
    id: row.id,
    code: rule.code,
    label: rule.label,
    basis: rule.basis,
    source: rule.source,
    unit: row.unit as DeadlineView["unit"],
    amount: row.amount,
    track: row.track as DeadlineView["track"],
    startAt: row.startAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    dueLocalDate: row.dueLocalDate,
    warnAt: row.warnAt?.toISOString() ?? null,
    timeZone: row.timeZone,
    status,
    urgency: status === "open" ? deadlineStatus({ dueAt: row.dueAt, warnAt: row.warnAt ?? undefined }, now) : null,
    metAt: row.metAt?.toISOString() ?? null,
  };
}

import type { AddNoteInput, TimelineEntryView } from "@shared/cases.ts";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../http/errors.ts";
import type { UserActor } from "../policy/actor.ts";
import { appendTimelineEntry, presentTimeline } from "./case-timeline.ts";
import { listTimelineEntries } from "./cases.queries.ts";
import { getCaseFor } from "./cases.service.ts";

/** The case's feed, oldest first. Notes are identifying data: reading them is audited. */
export async function getTimeline(ctx: AppContext, actor: UserActor, caseId: string): Promise<TimelineEntryView[]> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.read_timeline");
  return ctx.db.transaction(async (tx) => {
    const entries = presentTimeline(ctx.keys.data, await listTimelineEntries(tx, caseId));
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.read_timeline",
      targetType: "case",
      targetId: caseId,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, entries: entries.length },
    });
    return entries;
  });
}

export async function addNote(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: AddNoteInput,
): Promise<TimelineEntryView> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.add_note");
  if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
  if (record.case.status === "closed") throw new AppError("case_closed", 409);
  return ctx.db.transaction(async (tx) => {
    const id = await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "note",
      at: ctx.now(),
      text: input.text,
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.add_note",
      targetType: "case_timeline_entry",
      targetId: id,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, length: input.text.length },
    });
    const entry = presentTimeline(ctx.keys.data, await listTimelineEntries(tx, caseId)).find((e) => e.id === id);
    if (!entry) throw new Error("note vanished");
    return entry;
  });
}

import { randomUUID } from "node:crypto";
import type { TimelineEntryKind, TimelineEntryView } from "@shared/cases.ts";
import type { Executor } from "../db/connection.ts";
import type { Key } from "../keys/key-ring.ts";
import type { Actor } from "../policy/actor.ts";
import { insertTimelineEntry, type listTimelineEntries } from "./cases.queries.ts";
import { organisationRef } from "./present-case.ts";
import { openJson, sealAad, sealJson } from "./sealed.ts";

const textAad = (entryId: string) => sealAad("case_timeline_entries", "text_enc", entryId);

/** Appends one typed, authored entry to a case's feed; a note's text is sealed like identity. */
export async function appendTimelineEntry(
  db: Executor,
  keys: readonly Key[],
  actor: Actor,
  entry: { caseId: string; kind: TimelineEntryKind; at: Date; details?: Record<string, unknown>; text?: string },
): Promise<string> {
  const id = randomUUID();
  await insertTimelineEntry(db, {
    id,
    caseId: entry.caseId,
    kind: entry.kind,
    occurredAt: entry.at,
    authorUserId: actor.kind === "user" ? actor.userId : null,
    authorOrganisationId: actor.kind === "user" ? actor.organisationId : null,
    textEnc: entry.text === undefined ? null : sealJson(keys, entry.text, textAad(id)),
    details: actor.kind === "system" ? { ...entry.details, system: actor.name } : (entry.details ?? {}),
  });
  return id;
}

export function presentTimeline(
  keys: readonly Key[],
  rows: Awaited<ReturnType<typeof listTimelineEntries>>,
): TimelineEntryView[] {
  return rows.map(({ entry, author, organisation }) => ({
    id: entry.id,
    kind: entry.kind as TimelineEntryKind,
    occurredAt: entry.occurredAt.toISOString(),
    author: author ? { id: author.id, displayName: author.displayName } : null,
    authorOrganisation: organisation ? organisationRef(organisation) : null,
    text: entry.textEnc ? openJson<string>(keys, entry.textEnc, textAad(entry.id)) : null,
    details: entry.details,
  }));
}

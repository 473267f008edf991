import type { PathwayTimelineKind } from "@shared/pathway.ts";
import { appendTimelineEntry } from "../cases/case-timeline.ts";
import { getCaseFor } from "../cases/cases.service.ts";
import type { AppContext } from "../context.ts";
import type { Executor } from "../db/connection.ts";
import { AppError } from "../http/errors.ts";
import type { Actor, UserActor } from "../policy/actor.ts";
import type { authorize } from "../policy/policy.ts";

type Action = Parameters<typeof authorize>[1];

/** The case and its policy target, once the actor is known to be allowed `action` on it (404 when not even readable). */
export function getPathwayCase(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  action: Action,
  db: Executor = ctx.db,
) {
  return getCaseFor(ctx, actor, caseId, action, db);
}

export type PathwayCase = Awaited<ReturnType<typeof getPathwayCase>>;

/** Steps are only recorded on a live case: a closed or anonymised case must be reopened first. */
export function assertCaseOpen(loaded: PathwayCase): void {
  if (loaded.record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
  if (loaded.record.case.status === "closed") throw new AppError("case_closed", 409);
}

/** Pathway events on the case's own feed, so the history follows the case wherever it goes. */
export function appendPathwayTimelineEntry(
  db: Executor,
  ctx: AppContext,
  actor: Actor,
  entry: { caseId: string; kind: PathwayTimelineKind; at: Date; details: Record<string, unknown> },
): Promise<string> {
  return appendTimelineEntry(db, ctx.keys.data, actor, entry);
}

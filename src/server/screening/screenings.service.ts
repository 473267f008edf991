import { randomBytes } from "node:crypto";
import {
  AGE_ASSESSMENT_STATUS_LABELS,
  type AgeAssessmentStatus,
  ASE_PLACEMENT_TYPE_LABELS,
  type AsePlacementType,
  GENDER_LABELS,
  type Gender,
  isPresumedMinor,
} from "@shared/cases/vocabulary.ts";
import {
  ACTION_CATALOGUE,
  ACTION_STATUS_LABELS,
  type ActionCode,
  type ActionStatus,
  type ActionStatusUpdate,
  computeLegalActions,
  type ProfileForActions,
} from "@shared/qualification/legal-actions.ts";
import type { QualificationInput } from "@shared/qualification/qualification-input.ts";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import { qualify } from "@shared/qualification/qualify.ts";
import { ROLE_LABELS, type Role } from "@shared/roles.ts";
import { type ScreeningResult, scoreScreening } from "@shared/screening/score-screening.ts";
import type { ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import type { CaseActionView, PreCaseView, QualificationRecordView, ScreeningView } from "@shared/screenings.ts";
import { recordAudit } from "../audit/record.ts";
import { getUserWithOrganisation } from "../auth/auth.queries.ts";
import { openIdentity } from "../cases/case-identity.ts";
import { appendTimelineEntry } from "../cases/case-timeline.ts";
import { findSealedIdentity } from "../cases/cases.queries.ts";
import { getCaseFor } from "../cases/cases.service.ts";
import { openJson, type Sealed, sealAad, sealJson } from "../cases/sealed.ts";
import type { AppContext } from "../context.ts";
import type { Executor, Tx } from "../db/connection.ts";
import type { cases, screenings } from "../db/schema.ts";
import { AppError, conflict, notFound } from "../http/errors.ts";
import type { Key } from "../keys/key-ring.ts";
import type { UserActor } from "../policy/actor.ts";
import { authorize, can, type Target } from "../policy/policy.ts";
import { dueDateOf } from "./due-date.ts";
import {
  attachPreCase,
  findCaseActions,
  findLatestCaseScreening,
  findLatestQualification,
  findPreCase,
  insertCaseActions,
  insertPreCase,
  insertQualification,
  insertScreening,
  listCaseActions,
  listCaseScreenings,
  listPreCaseScreenings,
  setActionSources,
  updateCaseActionVersioned,
} from "./screenings.queries.ts";

type CaseRow = typeof cases.$inferSelect;
type ScreeningRow = typeof screenings.$inferSelect;

const submissionAad = (id: string) => sealAad("screenings", "submission_enc", id);
const reasonAad = (caseId: string, code: string) => sealAad("case_actions", "reason_enc", `${caseId}:${code}`);

/** The result as stored: the override's written reason is free text, kept only in the sealed submission. */
function storableResult(result: ScreeningResult): Record<string, unknown> {
  return { ...result, override: result.override ? { ...result.override, reason: null } : null };
}

function presentScreening(
  ctx: AppContext,
  row: { screening: ScreeningRow; authorName: string | null; organisationName: string | null },
): ScreeningView {
  const { screening } = row;
  const result = screening.result as unknown as ScreeningResult;
  const submission = openJson<ScreeningSubmission>(
    ctx.keys.data,
    screening.submissionEnc as Sealed,
    submissionAad(screening.id),
  );
  return {
    id: screening.id,
    caseId: screening.caseId,
    preCaseId: screening.preCaseId,
    gridVersion: screening.gridVersion,
    mode: screening.mode as ScreeningView["mode"],
    screenedOn: screening.screenedOn,
    level: result.level,
    levelLabel: result.levelLabel,
    result: {
      ...result,
      override:
        result.override && submission.override
          ? { ...result.override, reason: submission.override.reason }
          : result.override,
    },
    author: { id: screening.authorUserId, name: row.authorName, organisation: row.organisationName },
    createdAt: screening.createdAt.toISOString(),
  };
}

/** What the action rules need from a case's profile; an unknown age counts as a minor (presumption of minority). */
function profileForActions(row: CaseRow, now: Date): ProfileForActions {
  const age = row.birthYear === null ? null : now.getUTCFullYear() - row.birthYear - 1;
  const presumed = isPresumedMinor(row.ageAssessmentStatus as AgeAssessmentStatus | null);
  return {
    isMinor: age === null || age < 18 || presumed,
    isUnaccompaniedMinor: row.ageAssessmentStatus !== null && presumed,
  };
}

/**
 * Recomputes what the law requires from the latest screening, the latest qualification and the profile. New actions
 * start "to do" with a deadline counted from now; actions already on the case keep their status and gain sources.
 */
async function raiseRequiredActions(tx: Tx, row: CaseRow, now: Date): Promise<ActionCode[]> {
  const [screening, qualification] = await Promise.all([
    findLatestCaseScreening(tx, row.id),
    findLatestQualification(tx, row.id),
  ]);
  const required = computeLegalActions({
    ...(screening ? { screening: screening.result as unknown as ScreeningResult } : {}),
    ...(qualification ? { qualification: qualification.result as unknown as QualificationResult } : {}),
    profile: profileForActions(row, now),
  });
  const existing = new Map(
    (
      await findCaseActions(
        tx,
        row.id,
        required.map((a) => a.code),
      )
    ).map((a) => [a.code, a]),
  );
  const fresh = required.filter((a) => !existing.has(a.code));
  await insertCaseActions(
    tx,
    fresh.map((a) => ({
      caseId: row.id,
      code: a.code,
      sources: a.sources,
      raisedAt: now,
      dueAt: dueDateOf(a.deadline, now, row.departmentCode),
    })),
  );
  for (const action of required) {
    const current = existing.get(action.code);
    if (current && action.sources.some((s) => !current.sources.includes(s))) {
      await setActionSources(tx, row.id, action.code, [...new Set([...current.sources, ...action.sources])]);
    }
  }
  return fresh.map((a) => a.code);
}

export async function recordCaseScreening(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  submission: ScreeningSubmission,
): Promise<ScreeningView> {
  const { record } = await getCaseFor(ctx, actor, caseId, "screening.record");
  if (record.case.status === "closed") throw new AppError("case_closed", 409);
  const result = scoreScreening(submission);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await storeScreening(ctx, tx, actor, { caseId, preCaseId: null }, submission, result);
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "screening_recorded",
      at: now,
      details: { screeningId: row.id, level: result.level, mode: result.mode, gridVersion: result.gridVersion },
    });
    const raised = await raiseRequiredActions(tx, record.case, now);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "screening.record",
      targetType: "screening",
      targetId: row.id,
      caseId,
      departmentCode: record.case.departmentCode,
      details: {
        caseNumber: record.case.number,
        level: result.level,
        overridden: result.override !== null,
        actionsRaised: raised,
      },
    });
    return row.id;
  });
  const views = await listScreeningsOf(ctx, caseId);
  const view = views.find((v) => v.id === id);
  if (!view) throw notFound();
  return view;
}

async function storeScreening(
  ctx: AppContext,
  tx: Executor,
  actor: UserActor,
  subject: { caseId: string | null; preCaseId: string | null },
  submission: ScreeningSubmission,
  result: ScreeningResult,
) {
  return insertScreening(tx, screeningRow(ctx.keys.data, crypto.randomUUID(), subject, actor, submission, result));
}

/**
 * A screening as stored: the submission sealed and bound to the row, the result without the override's free text.
 * Also used by the seed, which writes screenings in bulk.
 */
export function screeningRow(
  dataKeys: readonly Key[],
  id: string,
  subject: { caseId: string | null; preCaseId: string | null },
  author: { organisationId: string; userId: string },
  submission: ScreeningSubmission,
  result: ScreeningResult,
): typeof screenings.$inferInsert {
  return {
    id,
    ...subject,
    organisationId: author.organisationId,
    authorUserId: author.userId,
    gridVersion: result.gridVersion,
    mode: result.mode,
    screenedOn: result.screenedOn,
    computedLevel: result.computedLevel,
    level: result.level,
    result: storableResult(result),
    submissionEnc: sealJson(dataKeys, submission, submissionAad(id)),
  };
}

async function listScreeningsOf(ctx: AppContext, caseId: string) {
  return (await listCaseScreenings(ctx.db, caseId)).map((row) => presentScreening(ctx, row));
}

/** Screenings may carry notes about the child: each reading is audited, like the timeline. */
export async function listScreenings(ctx: AppContext, actor: UserActor, caseId: string): Promise<ScreeningView[]> {
  const { record } = await getCaseFor(ctx, actor, caseId, "screening.read");
  const views = await listScreeningsOf(ctx, caseId);
  await recordAudit(ctx.db, ctx.keys.audit, actor, {
    action: "screening.read",
    targetType: "case",
    targetId: caseId,
    caseId,
    departmentCode: record.case.departmentCode,
    details: { caseNumber: record.case.number, returned: views.length },
  });
  return views;
}

// ——— pre-cases: a screening before a case exists ———

const preCaseTarget = (p: { id: string; organisationId: string }, departmentCode: string | null): Target => ({
  kind: "pre_case",
  id: p.id,
  organisationId: p.organisationId,
  departmentCode,
});

async function getPreCaseFor(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  action: "pre_case.read" | "pre_case.screen" | "pre_case.attach",
) {
  const preCase = await findPreCase(ctx.db, id);
  if (!preCase) throw notFound();
  authorize(actor, action, preCaseTarget(preCase, actor.departmentCode));
  return preCase;
}

async function presentPreCase(
  ctx: AppContext,
  preCase: NonNullable<Awaited<ReturnType<typeof findPreCase>>>,
): Promise<PreCaseView> {
  return {
    id: preCase.id,
    number: preCase.number,
    caseId: preCase.caseId,
    createdAt: preCase.createdAt.toISOString(),
    screenings: (await listPreCaseScreenings(ctx.db, preCase.id)).map((row) => presentScreening(ctx, row)),
  };
}

/** An anonymous pre-case: "PRE-" and random letters, so the number says nothing about the child or the date. */
export async function createPreCase(
  ctx: AppContext,
  actor: UserActor,
  submission: ScreeningSubmission,
): Promise<PreCaseView> {
  authorize(actor, "pre_case.create");
  const result = scoreScreening(submission);
  const preCase = await ctx.db.transaction(async (tx) => {
    const created = await insertPreCase(tx, {
      number: `PRE-${randomBytes(4).toString("hex").toUpperCase()}`,
      organisationId: actor.organisationId,
      createdByUserId: actor.userId,
    });
    const screening = await storeScreening(ctx, tx, actor, { caseId: null, preCaseId: created.id }, submission, result);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pre_case.create",
      targetType: "pre_case",
      targetId: created.id,
      details: { number: created.number, screeningId: screening.id, level: result.level },
    });
    return created;
  });
  return presentPreCase(ctx, preCase);
}

export async function getPreCase(ctx: AppContext, actor: UserActor, id: string): Promise<PreCaseView> {
  return presentPreCase(ctx, await getPreCaseFor(ctx, actor, id, "pre_case.read"));
}

/** The pre-case becomes part of a case: its screenings move onto the case and count for its required actions. */
export async function attachPreCaseToCase(
  ctx: AppContext,
  actor: UserActor,
  preCaseId: string,
  caseId: string,
): Promise<PreCaseView> {
  const preCase = await getPreCaseFor(ctx, actor, preCaseId, "pre_case.attach");
  if (preCase.caseId) throw new AppError("conflict", 409, "Ce pré-dossier est déjà rattaché à un dossier.");
  const { record } = await getCaseFor(ctx, actor, caseId, "screening.record");
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const moved = await attachPreCase(tx, preCaseId, caseId, now);
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "screening_recorded",
      at: now,
      details: { fromPreCase: preCase.number, screenings: moved },
    });
    await raiseRequiredActions(tx, record.case, now);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pre_case.attach",
      targetType: "pre_case",
      targetId: preCaseId,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, screenings: moved },
    });
  });
  return getPreCase(ctx, actor, preCaseId);
}

// ——— qualification recorded on a case ———

export async function recordCaseQualification(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: QualificationInput,
): Promise<QualificationRecordView> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.record_qualification");
  if (record.case.status === "closed") throw new AppError("case_closed", 409);
  const result = qualify(input, { today: ctx.now() });
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const stored = await insertQualification(tx, {
      caseId,
      authorUserId: actor.userId,
      trafficking: result.trafficking,
      article: result.article,
      input: input as unknown as Record<string, unknown>,
      result: result as unknown as Record<string, unknown>,
    });
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "qualification_recorded",
      at: now,
      details: { qualificationId: stored.id, trafficking: result.trafficking, article: result.article },
    });
    const raised = await raiseRequiredActions(tx, record.case, now);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.record_qualification",
      targetType: "qualification",
      targetId: stored.id,
      caseId,
      departmentCode: record.case.departmentCode,
      details: {
        caseNumber: record.case.number,
        trafficking: result.trafficking,
        article: result.article,
        actionsRaised: raised,
      },
    });
    return stored;
  });
  return { id: row.id, caseId, result, authorName: null, createdAt: row.createdAt.toISOString() };
}

// ——— required actions ———

export async function listRequiredActions(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
): Promise<CaseActionView[]> {
  const { target } = await getCaseFor(ctx, actor, caseId, "case.read_actions");
  // Reasons are free text: only those who work on the case read them.
  const readsReasons = can(actor, "case.update_action", target);
  const now = ctx.now();
  return (await listCaseActions(ctx.db, caseId)).map((row) => {
    const definition = ACTION_CATALOGUE[row.code as ActionCode];
    const status = row.status as ActionStatus;
    return {
      code: row.code as ActionCode,
      label: definition?.label ?? row.code,
      legalBasis: definition?.legalBasis ?? "",
      deadlineText: definition?.deadlineText ?? "",
      dueAt: row.dueAt?.toISOString() ?? null,
      overdue: status === "to_do" && row.dueAt !== null && row.dueAt < now,
      status,
      statusLabel: ACTION_STATUS_LABELS[status],
      doneOn: row.doneOn,
      reason:
        readsReasons && row.reasonEnc
          ? openJson<string>(ctx.keys.data, row.reasonEnc as Sealed, reasonAad(caseId, row.code))
          : null,
      sources: row.sources as CaseActionView["sources"],
      raisedAt: row.raisedAt.toISOString(),
      version: row.version,
    };
  });
}

export async function updateRequiredAction(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  code: string,
  input: ActionStatusUpdate & { version: number },
): Promise<CaseActionView[]> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.update_action");
  await ctx.db.transaction(async (tx) => {
    const [current] = await findCaseActions(tx, caseId, [code]);
    if (!current) throw notFound();
    const updated = await updateCaseActionVersioned(tx, caseId, code, input.version, {
      status: input.status,
      doneOn: input.status === "done" ? input.doneOn : null,
      reasonEnc:
        input.status === "not_applicable" ? sealJson(ctx.keys.data, input.reason, reasonAad(caseId, code)) : null,
      updatedByUserId: actor.userId,
    });
    if (!updated) throw conflict();
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "action_updated",
      at: ctx.now(),
      details: { code, status: input.status },
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.update_action",
      targetType: "case_action",
      targetId: `${caseId}:${code}`,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, code, status: input.status },
    });
  });
  return listRequiredActions(ctx, actor, caseId);
}

// ——— the signalement to the parquet ———

export interface SignalementRequest {
  factsSummary: string;
  measuresRequested: string[];
  includeIdentity: boolean;
}

/** Renders the signalement in memory (never stored), audited; identity only when the author may reveal it. */
export async function generateSignalement(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  request: SignalementRequest,
): Promise<{ pdf: Buffer; fileName: string }> {
  const { record, target } = await getCaseFor(ctx, actor, caseId, "case.signalement");
  const row = record.case;
  const withIdentity = request.includeIdentity && can(actor, "case.reveal_identity", target);
  const sealed = withIdentity ? await findSealedIdentity(ctx.db, caseId) : undefined;
  const identity = sealed ? openIdentity(ctx.keys.data, caseId, sealed) : null;
  const [latestScreening, latestQualification, author] = await Promise.all([
    findLatestCaseScreening(ctx.db, caseId),
    findLatestQualification(ctx.db, caseId),
    getUserWithOrganisation(ctx.db, actor.userId),
  ]);
  const now = ctx.now();
  const situation = [
    row.asePlacementType
      ? `Placement ASE : ${ASE_PLACEMENT_TYPE_LABELS[row.asePlacementType as AsePlacementType]}`
      : null,
    row.ageAssessmentStatus
      ? `Mineur non accompagné — évaluation : ${AGE_ASSESSMENT_STATUS_LABELS[row.ageAssessmentStatus as AgeAssessmentStatus]}`
      : null,
  ].filter((s): s is string => s !== null);
  // pdfkit and its fonts cost a few hundred milliseconds to load: only the first signalement pays for them.
  const { renderSignalementPdf } = await import("./signalement-pdf.ts");
  const pdf = await renderSignalementPdf({
    caseNumber: row.number,
    departmentCode: row.departmentCode,
    generatedAt: now,
    author: {
      name: author?.user.displayName ?? "",
      roleLabel: actor.roles.map((r: Role) => ROLE_LABELS[r]).join(", "),
      organisation: author?.organisation.name ?? "",
    },
    identity: identity
      ? {
          surname: identity.surname,
          firstNames: identity.firstNames,
          birthDate: identity.birthDate ?? null,
          estimatedAge: identity.ageEstimate?.age ?? null,
        }
      : null,
    profile: {
      sexLabel: GENDER_LABELS[row.gender as Gender] ?? row.gender,
      ageAtFacts: row.ageAtFirstFacts,
      situation,
    },
    factsSummary: request.factsSummary,
    screening: latestScreening ? (latestScreening.result as unknown as ScreeningResult) : null,
    qualification: latestQualification ? (latestQualification.result as unknown as QualificationResult) : null,
    measuresRequested: request.measuresRequested,
  });
  await ctx.db.transaction(async (tx) => {
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "signalement_generated",
      at: now,
      details: { withIdentity: identity !== null },
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.signalement",
      targetType: "case",
      targetId: caseId,
      caseId,
      departmentCode: row.departmentCode,
      details: { caseNumber: row.number, withIdentity: identity !== null },
    });
  });
  return { pdf, fileName: `signalement-${row.number}.pdf` };
}

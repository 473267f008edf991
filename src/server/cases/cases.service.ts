import { randomUUID } from "node:crypto";
import type {
  AssignCaseInput,
  CaseCreatedView,
  CaseListQuery,
  CasePage,
  CaseView,
  CloseCaseInput,
  CreateCaseInput,
  IdentityView,
  Profile,
  RecordVictimStatusInput,
  ReopenCaseInput,
  UpdateCaseInput,
  UpdateIdentityInput,
} from "@shared/cases.ts";
import { isDepartmentCode } from "@shared/departments.ts";
import type { CaseAssignee } from "@shared/directory.ts";
import type { FieldError } from "@shared/problem.ts";
import type { Role } from "@shared/roles.ts";
import type { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import type { Executor, Tx } from "../db/connection.ts";
import { AppError, conflict, notFound } from "../http/errors.ts";
import type { UserActor } from "../policy/actor.ts";
import { authorize, type CaseTarget, caseAccessOf } from "../policy/policy.ts";
import { type Bind, readableCases, readableCasesShape, scopeValues } from "../policy/scopes.ts";
import { birthDateDigest, blindIndexEntries, nameSearchDigests } from "./blind-index.ts";
import { ageAtFirstFacts, type BirthInClear, birthInClear, parisDate } from "./case-age.ts";
import { checkCaseDates, checkNotFuture } from "./case-dates.ts";
import { openIdentity, presentIdentity, sealIdentity } from "./case-identity.ts";
import { countPendingProposalsOfCase } from "./case-links.queries.ts";
import { proposeLinksForCase } from "./case-links.service.ts";
import { appendTimelineEntry } from "./case-timeline.ts";
import {
  type CaseRecord,
  type CaseRowValues,
  findCaseIdByIdempotencyKey,
  findOrganisationRef,
  findSealedIdentity,
  insertCase,
  insertVictimStatus,
  listAssigneeCandidates,
  listCaseRecords,
  listVictimStatuses,
  lockCase,
  nextCaseSequence,
  replaceBlindIndex,
  updateCase,
  updateCaseVersioned,
  upsertIdentity,
} from "./cases.queries.ts";
import { loadCase } from "./load-case.ts";
import { caseTarget, presentCase, presentCaseSummary, storedProfile } from "./present-case.ts";

type CreateInput = z.output<typeof CreateCaseInput>;
type UpdateInput = z.output<typeof UpdateCaseInput>;
type UpdateIdentity = z.output<typeof UpdateIdentityInput>;
type ListQuery = z.output<typeof CaseListQuery>;

/** The case and its target, after checking that the actor may perform `action` on it (404 if it may not even read). */
export async function getCaseFor(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  action: Parameters<typeof authorize>[1],
  db: Executor = ctx.db,
) {
  const loaded = await loadCase(ctx, db, id);
  if (!loaded) throw notFound();
  authorize(actor, action, loaded.target);
  return loaded;
}

/** The case as the caller may see it now. */
export async function viewCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  db: Executor = ctx.db,
): Promise<CaseView> {
  const loaded = await loadCase(ctx, db, id);
  if (!loaded) throw notFound();
  const statuses = await listVictimStatuses(db, id);
  const identity = await findSealedIdentity(db, id);
  return presentCase(actor, loaded.record, loaded.target, statuses, {
    today: parisDate(ctx.now()),
    hasIdentity: identity !== undefined,
  });
}

/** Reading through a share or a break-glass access is audited: every use of a share leaves a trace. */
export async function getCase(ctx: AppContext, actor: UserActor, id: string): Promise<CaseView> {
  const { record, target } = await getCaseFor(ctx, actor, id, "case.read");
  const access = caseAccessOf(actor, target)?.access;
  if (access !== "full") {
    await recordAudit(ctx.db, ctx.keys.audit, actor, {
      action: "case.read",
      targetType: "case",
      targetId: id,
      caseId: id,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, access },
    });
  }
  return viewCase(ctx, actor, id);
}

const departmentOfCommune = (code: string) => (code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2));

/** Checks what the schema cannot: organisations that must exist, communes of real départements. */
async function checkProfileReferences(ctx: AppContext, profile: Partial<Profile>) {
  const errors: FieldError[] = [];
  const establishmentId = profile.asePlacement?.establishmentOrganisationId;
  if (establishmentId) {
    const establishment = await findOrganisationRef(ctx.db, establishmentId);
    if (establishment?.type !== "establishment" || !establishment.isActive) {
      errors.push({
        path: "profile.asePlacement.establishmentOrganisationId",
        message: "Établissement inconnu dans Repère.",
      });
    }
  }
  profile.places?.forEach((place, i) => {
    if (!isDepartmentCode(departmentOfCommune(place.communeCode))) {
      errors.push({ path: `profile.places.${i}.communeCode`, message: "Code commune INSEE inconnu." });
    }
  });
  if (errors.length > 0) throw new AppError("invalid_input", 400, undefined, errors);
}

function profileColumns(profile: Profile): CaseRowValues {
  return {
    gender: profile.gender,
    nationalities: profile.nationalities,
    firstFactsOn: profile.firstFactsOn,
    asePlacementType: profile.asePlacement?.type ?? null,
    aseLegalBasis: profile.asePlacement?.legalBasis ?? null,
    aseDepartmentCode: profile.asePlacement?.departmentCode ?? null,
    placementOrganisationId: profile.asePlacement?.establishmentOrganisationId ?? null,
    ageAssessmentStatus: profile.ageAssessmentStatus,
    careLeaverStatus: profile.careLeaverStatus,
    schooling: profile.schooling,
    vulnerabilityFactors: profile.vulnerabilityFactors,
    exploitations: profile.exploitations,
    exploitationFamilies: [...new Set(profile.exploitations.map((e) => e.family))],
    recruitmentChannels: profile.recruitmentChannels,
    exploiterRelationships: profile.exploiterRelationships,
    places: profile.places,
  };
}

function birthColumns(birth: BirthInClear, ageAtFacts: number | null): CaseRowValues {
  return { ...birth, ageAtFirstFacts: ageAtFacts };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; message?: string };
    if (pg.code === "23505" && (pg.constraint === constraint || pg.message?.includes(constraint))) return true;
  }
  return false;
}

export async function createCase(
  ctx: AppContext,
  actor: UserActor,
  input: CreateInput,
  idempotencyKey?: string,
): Promise<{ created: boolean; view: CaseCreatedView }> {
  authorize(actor, "case.create");
  if (idempotencyKey) {
    const existing = await findCaseIdByIdempotencyKey(ctx.db, actor.userId, idempotencyKey);
    if (existing) return { created: false, view: await createdView(ctx, actor, existing) };
  }
  const departmentCode = input.departmentCode ?? actor.departmentCode;
  if (!departmentCode) {
    throw new AppError("department_required", 400, undefined, [
      { path: "departmentCode", message: "Indiquez le département du dossier." },
    ]);
  }
  const now = ctx.now();
  const today = parisDate(now);
  const birth = birthInClear(input.identity);
  checkCaseDates(today, birth, input.profile, input.identity);
  await checkProfileReferences(ctx, input.profile);
  const id = randomUUID();
  try {
    await ctx.db.transaction(async (tx) => {
      const year = Number(today.slice(0, 4));
      const sequence = await nextCaseSequence(tx, departmentCode, year);
      const number = `${departmentCode}-${year}-${String(sequence).padStart(6, "0")}`;
      await insertCase(tx, {
        id,
        number,
        personId: id,
        departmentCode,
        ownerOrganisationId: actor.organisationId,
        createdByUserId: actor.userId,
        idempotencyKey: idempotencyKey ?? null,
        ...profileColumns(input.profile),
        ...birthColumns(birth, ageAtFirstFacts(input.identity, birth, input.profile.firstFactsOn)),
        createdAt: now,
        updatedAt: now,
      });
      await upsertIdentity(tx, id, sealIdentity(ctx.keys.data, id, input.identity), now);
      await replaceBlindIndex(tx, id, blindIndexEntries(ctx.keys.blindIndex, input.identity));
      await appendTimelineEntry(tx, ctx.keys.data, actor, {
        caseId: id,
        kind: "created",
        at: now,
        details: { number },
      });
      await recordAudit(tx, ctx.keys.audit, actor, {
        action: "case.create",
        targetType: "case",
        targetId: id,
        caseId: id,
        departmentCode,
        details: { caseNumber: number },
      });
      await proposeLinksForCase(tx, ctx, id, actor.organisationId);
    });
  } catch (error) {
    // Two submits with the same key raced: the first one won, the second answers with its case.
    if (idempotencyKey && isUniqueViolation(error, "cases_idempotency_unique")) {
      const existing = await findCaseIdByIdempotencyKey(ctx.db, actor.userId, idempotencyKey);
      if (existing) return { created: false, view: await createdView(ctx, actor, existing) };
    }
    throw error;
  }
  return { created: true, view: await createdView(ctx, actor, id) };
}

async function createdView(ctx: AppContext, actor: UserActor, id: string): Promise<CaseCreatedView> {
  const view = await viewCase(ctx, actor, id);
  return { ...view, linkProposalCount: await countPendingProposalsOfCase(ctx.db, id) };
}

function assertEditable(record: CaseRecord) {
  if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
  if (record.case.status === "closed") throw new AppError("case_closed", 409);
}

/**
 * Runs a versioned change in one transaction: the row is locked, the version compared (409 conflict if stale, and
 * nothing written), then `write` runs and the timeline and audit are appended.
 */
async function changeCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  version: number,
  write: (
    tx: Tx,
    record: CaseRecord,
    now: Date,
  ) => Promise<{
    values: CaseRowValues;
    timeline?: Parameters<typeof appendTimelineEntry>[3]["kind"];
    details?: Record<string, unknown>;
  }>,
  action: Parameters<typeof authorize>[1],
): Promise<CaseView> {
  return ctx.db.transaction(async (tx) => {
    const locked = await lockCase(tx, id);
    if (!locked) throw notFound();
    const { record } = await getCaseFor(ctx, actor, id, action, tx);
    if (locked.version !== version) throw conflict();
    const now = ctx.now();
    const { values, timeline, details = {} } = await write(tx, record, now);
    const updated = await updateCaseVersioned(tx, id, version, values, now);
    if (!updated) throw conflict();
    if (timeline) await appendTimelineEntry(tx, ctx.keys.data, actor, { caseId: id, kind: timeline, at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: action as never,
      targetType: "case",
      targetId: id,
      caseId: id,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, ...details },
    });
    return viewCase(ctx, actor, id, tx);
  });
}

export async function updateCaseProfile(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: UpdateInput,
): Promise<CaseView> {
  await checkProfileReferences(ctx, input.profile);
  return changeCase(
    ctx,
    actor,
    id,
    input.version,
    async (tx, record) => {
      assertEditable(record);
      const profile: Profile = { ...storedProfile(record.case), ...input.profile };
      const sealed = await findSealedIdentity(tx, id);
      const identity = sealed ? openIdentity(ctx.keys.data, id, sealed) : undefined;
      const birth = identity ? birthInClear(identity) : birthOfRow(record);
      checkCaseDates(parisDate(ctx.now()), birth, input.profile, undefined);
      const ageAtFacts = identity
        ? ageAtFirstFacts(identity, birth, profile.firstFactsOn)
        : record.case.ageAtFirstFacts;
      return {
        values: { ...profileColumns(profile), ageAtFirstFacts: ageAtFacts },
        timeline: "profile_updated",
        details: { fields: Object.keys(input.profile) },
      };
    },
    "case.update",
  );
}

function birthOfRow(record: CaseRecord): BirthInClear {
  const row = record.case;
  return {
    birthYear: row.birthYear,
    birthMonth: row.birthMonth,
    isAgeEstimated: row.isAgeEstimated,
    ageEstimationMethod: row.ageEstimationMethod,
  };
}

export async function updateCaseIdentity(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: UpdateIdentity,
): Promise<CaseView> {
  const birth = birthInClear(input.identity);
  const view = await changeCase(
    ctx,
    actor,
    id,
    input.version,
    async (tx, record, now) => {
      assertEditable(record);
      checkCaseDates(parisDate(now), birth, storedProfile(record.case), input.identity);
      await upsertIdentity(tx, id, sealIdentity(ctx.keys.data, id, input.identity), now);
      await replaceBlindIndex(tx, id, blindIndexEntries(ctx.keys.blindIndex, input.identity));
      await proposeLinksForCase(tx, ctx, id, record.case.ownerOrganisationId);
      return {
        values: birthColumns(birth, ageAtFirstFacts(input.identity, birth, record.case.firstFactsOn)),
        timeline: "identity_updated",
      };
    },
    "case.update_identity",
  );
  return view;
}

/** Every reveal is audited, in the same transaction as the read, whoever the reader. */
export async function revealIdentity(ctx: AppContext, actor: UserActor, id: string): Promise<IdentityView> {
  const { record, target } = await getCaseFor(ctx, actor, id, "case.reveal_identity");
  return ctx.db.transaction(async (tx) => {
    const sealed = await findSealedIdentity(tx, id);
    if (!sealed)
      throw new AppError(
        record.case.anonymisedAt ? "case_anonymised" : "not_found",
        record.case.anonymisedAt ? 409 : 404,
      );
    const identity = openIdentity(ctx.keys.data, id, sealed);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.reveal_identity",
      targetType: "case",
      targetId: id,
      caseId: id,
      departmentCode: record.case.departmentCode,
      details: {
        caseNumber: record.case.number,
        access: target.activeEmergencyUserIds.includes(actor.userId) ? "emergency" : "regular",
      },
    });
    return presentIdentity(id, record.case.number, identity);
  });
}

export async function closeCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: CloseCaseInput,
): Promise<CaseView> {
  return changeCase(
    ctx,
    actor,
    id,
    input.version,
    async (_tx, record, now) => {
      assertEditable(record);
      return {
        values: { status: "closed", closureReason: input.reason, closedAt: now },
        timeline: "closed",
        details: { reason: input.reason },
      };
    },
    "case.close",
  );
}

export async function reopenCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: ReopenCaseInput,
): Promise<CaseView> {
  return changeCase(
    ctx,
    actor,
    id,
    input.version,
    async (_tx, record) => {
      if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
      if (record.case.status === "open") throw new AppError("case_already_open", 409);
      return {
        values: { status: "open", closureReason: null, closedAt: null },
        timeline: "reopened",
        details: { previousReason: record.case.closureReason },
      };
    },
    "case.reopen",
  );
}

/** The referent must be someone who can work the case: an active ASE referent or manager of the owner or the département's ASE. */
export async function assignCase(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: AssignCaseInput,
): Promise<CaseView> {
  return changeCase(
    ctx,
    actor,
    id,
    input.version,
    async (tx, record) => {
      assertEditable(record);
      if (input.userId) {
        const [assignee] = await listAssigneeCandidates(tx, record.case, input.userId);
        if (!assignee)
          throw new AppError("invalid_assignee", 400, undefined, [
            { path: "userId", message: "Choisissez un référent ASE de ce dossier." },
          ]);
      }
      return { values: { assignedUserId: input.userId }, timeline: "assigned", details: { userId: input.userId } };
    },
    "case.assign",
  );
}

/** The people the actor may name referent of this case, the owning organisation's first. */
export async function listCaseAssignees(ctx: AppContext, actor: UserActor, id: string): Promise<CaseAssignee[]> {
  const { record } = await getCaseFor(ctx, actor, id, "case.list_assignees");
  const rows = await listAssigneeCandidates(ctx.db, record.case);
  return rows.map((row) => ({ ...row, roles: row.roles as Role[] }));
}

export async function recordVictimStatus(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: RecordVictimStatusInput,
): Promise<CaseView> {
  const { record } = await getCaseFor(ctx, actor, id, "case.record_victim_status");
  if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
  const now = ctx.now();
  checkNotFuture(parisDate(now), "decidedOn", input.decidedOn);
  return ctx.db.transaction(async (tx) => {
    await lockCase(tx, id);
    await insertVictimStatus(tx, { caseId: id, ...input, recordedByUserId: actor.userId, recordedAt: now });
    await updateCase(tx, id, { victimStatus: input.status }, now);
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId: id,
      kind: "victim_status_recorded",
      at: now,
      details: { ...input },
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.record_victim_status",
      targetType: "case",
      targetId: id,
      caseId: id,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, status: input.status, decidedBy: input.decidedBy },
    });
    return viewCase(ctx, actor, id, tx);
  });
}

interface Cursor {
  at: string;
  id: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
function decodeCursor(text: string): { at: Date; id: string } {
  try {
    const c = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Cursor;
    const at = new Date(c.at);
    if (Number.isNaN(at.getTime()) || typeof c.id !== "string" || !/^[0-9a-f-]{36}$/.test(c.id))
      throw new Error("bad cursor");
    return { at, id: c.id };
  } catch {
    throw new AppError("invalid_input", 400, undefined, [
      { path: "cursor", message: "Curseur de pagination invalide." },
    ]);
  }
}

/** Readable cases only (scope in SQL), filtered, newest first, by keyset pages; names match through the blind index. */
export async function listCases(ctx: AppContext, actor: UserActor, query: ListQuery): Promise<CasePage> {
  authorize(actor, "case.list");
  const now = ctx.now();
  const today = parisDate(now);
  const year = Number(today.slice(0, 4));
  // An age band today is a range of birth years in SQL; the exact band is checked on the presented rows.
  const bandYears: Record<string, [number, number]> = {
    under_13: [0, 13],
    "13_14": [13, 15],
    "15_17": [15, 18],
    "18_21": [18, 22],
    over_21: [22, 200],
  };
  const band = query.ageBand ? bandYears[query.ageBand] : undefined;
  const scope = {
    shape: readableCasesShape(actor),
    build: (bind: Bind) => readableCases(actor, now, bind),
    values: scopeValues(actor, now),
  };
  const rows = await listCaseRecords(
    ctx.db,
    scope,
    {
      status: query.status,
      departmentCode: query.departmentCode,
      gender: query.gender,
      exploitationFamily: query.exploitationFamily,
      victimStatus: query.victimStatus,
      ageAssessmentStatus: query.ageAssessmentStatus,
      asePlacementType: query.asePlacementType,
      nationality: query.nationality,
      assignedUserId: query.assignedTo === "me" ? actor.userId : query.assignedTo,
      numberPrefix: query.number,
      birthYearRange: band ? { min: year - band[1], max: year - band[0] } : undefined,
      nameDigests: query.name ? nameSearchDigests(ctx.keys.blindIndex, query.name) : undefined,
      birthDateDigest: query.birthDate ? birthDateDigest(ctx.keys.blindIndex, query.birthDate) : undefined,
    },
    { sort: query.sort, cursor: query.cursor ? decodeCursor(query.cursor) : undefined, limit: query.limit },
  );
  const page = rows.slice(0, query.limit);
  const facts = {
    shares: page.flatMap((r) => r.activeShares.map((share) => ({ caseId: r.case.id, ...share }))),
    emergencies: page.flatMap((r) => r.activeEmergencyUserIds.map((userId) => ({ caseId: r.case.id, userId }))),
  };
  // A filter on a section the caller does not see must not match, or it would tell what the section holds.
  const filtersProfile = [
    query.gender,
    query.exploitationFamily,
    query.victimStatus,
    query.ageAssessmentStatus,
    query.asePlacementType,
    query.nationality,
    query.ageBand,
  ].some((value) => value !== undefined);
  const filtersIdentity = query.name !== undefined || query.birthDate !== undefined;
  const items = page.flatMap((record) => {
    const target: CaseTarget = caseTarget(record.case, facts);
    const reach = caseAccessOf(actor, target);
    if (!reach) return [];
    if (filtersProfile && !reach.sections.includes("profile")) return [];
    if (filtersIdentity && !reach.sections.includes("identity")) return [];
    const summary = presentCaseSummary(actor, record, target, today);
    if (!summary || (query.ageBand && summary.ageBandToday !== query.ageBand)) return [];
    return [summary];
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          at: (query.sort === "created" ? last.case.createdAt : last.case.updatedAt).toISOString(),
          id: last.case.id,
        })
      : null;
  return { items, nextCursor };
}

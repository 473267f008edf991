import { randomUUID } from "node:crypto";
import {
  type CaseSection,
  type CaseView,
  type CreateShareInput,
  type EmergencyAccessGrantView,
  type EmergencyAccessInput,
  type EmergencyAccessView,
  type ParentalNotInformedReason,
  SHARE_RECIPIENT_ROLES,
  type ShareLegalBasis,
  type SharePurpose,
  type ShareView,
  TRANSFER_DESTINATION_TYPES,
  type TransferCaseInput,
} from "@shared/cases.ts";
import type { z } from "zod";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, forbidden, notFound } from "../http/errors.ts";
import type { UserActor } from "../policy/actor.ts";
import { authorize, can, mayAttempt } from "../policy/policy.ts";
import { casesWithFullAccess } from "../policy/scopes.ts";
import { parisDate } from "./case-age.ts";
import {
  findEmergencyAccess,
  findShare,
  insertEmergencyAccess,
  insertShare,
  listEmergencyAccesses,
  listSharesOfCase,
  markEmergencyAccessReviewed,
  revokeShare as revokeShareRow,
} from "./case-sharing.queries.ts";
import { appendTimelineEntry } from "./case-timeline.ts";
import {
  findCaseIdByNumber,
  findOrganisationRef,
  findUserRef,
  lockCase,
  updateCaseVersioned,
} from "./cases.queries.ts";
import { getCaseFor, viewCase } from "./cases.service.ts";
import { loadCase } from "./load-case.ts";
import { organisationRef } from "./present-case.ts";
import { openJson, type Sealed, sealAad, sealJson } from "./sealed.ts";

/** How long a break-glass access lasts: long enough for an emergency, short enough to need a new reason after. */
export const EMERGENCY_ACCESS_HOURS = 4;
/** A share ends by itself; a year at most, so that each one is reconsidered. */
const MAX_SHARE_DAYS = 366;

type ShareInput = z.output<typeof CreateShareInput>;
type ShareRows = Awaited<ReturnType<typeof listSharesOfCase>>;

function presentShares(rows: ShareRows, now: Date): ShareView[] {
  return rows.map(({ share, organisation, user, userOrganisation, grantedBy }) => ({
    id: share.id,
    organisation: organisation ? organisationRef(organisation) : null,
    user:
      user && userOrganisation
        ? { id: user.id, displayName: user.displayName, organisation: organisationRef(userOrganisation) }
        : null,
    purpose: share.purpose as SharePurpose,
    legalBasis: share.legalBasis as ShareLegalBasis,
    sections: share.sections as CaseSection[],
    expiresAt: share.expiresAt.toISOString(),
    parentalAuthorityInformed: share.parentalAuthorityInformed,
    parentalNotInformedReason: share.parentalNotInformedReason as ParentalNotInformedReason | null,
    grantedBy: grantedBy ? { id: grantedBy.id, displayName: grantedBy.displayName } : null,
    createdAt: share.createdAt.toISOString(),
    revokedAt: share.revokedAt?.toISOString() ?? null,
    isActive: share.revokedAt === null && share.expiresAt > now,
  }));
}

export async function listShares(ctx: AppContext, actor: UserActor, caseId: string): Promise<ShareView[]> {
  await getCaseFor(ctx, actor, caseId, "case.list_shares");
  return presentShares(await listSharesOfCase(ctx.db, caseId), ctx.now());
}

const dayAfter = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000);

export async function shareCase(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: ShareInput,
): Promise<ShareView> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.share");
  if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
  if (record.case.status === "closed") throw new AppError("case_closed", 409);
  const now = ctx.now();
  const today = parisDate(now);
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_SHARE_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (input.expiresOn <= today || input.expiresOn > latest) {
    throw new AppError("invalid_input", 400, undefined, [
      { path: "expiresOn", message: "La fin du partage doit être dans le futur, à un an au plus." },
    ]);
  }
  if (input.organisationId) {
    const organisation = await findOrganisationRef(ctx.db, input.organisationId);
    if (
      !organisation?.isActive ||
      organisation.type === "national_coordination" ||
      organisation.id === record.case.ownerOrganisationId
    ) {
      throw new AppError("invalid_share_recipient", 400, undefined, [
        { path: "organisationId", message: "Organisation inconnue ou non habilitée." },
      ]);
    }
  }
  if (input.userId) {
    const user = await findUserRef(ctx.db, input.userId);
    if (!user?.isActive || !SHARE_RECIPIENT_ROLES.some((role) => user.roles.includes(role))) {
      throw new AppError("invalid_share_recipient", 400, undefined, [
        { path: "userId", message: "Personne inconnue ou non habilitée." },
      ]);
    }
  }
  return ctx.db.transaction(async (tx) => {
    const { id } = await insertShare(tx, {
      caseId,
      organisationId: input.organisationId,
      userId: input.userId,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      sections: input.sections,
      expiresAt: dayAfter(input.expiresOn),
      parentalAuthorityInformed: input.parentalAuthorityInformed,
      parentalNotInformedReason: input.parentalAuthorityInformed === false ? input.parentalNotInformedReason : null,
      grantedByUserId: actor.userId,
      createdAt: now,
    });
    const details = {
      shareId: id,
      organisationId: input.organisationId,
      userId: input.userId,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      sections: input.sections,
      expiresOn: input.expiresOn,
      parentalAuthorityInformed: input.parentalAuthorityInformed,
    };
    await appendTimelineEntry(tx, ctx.keys.data, actor, { caseId, kind: "share_granted", at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.share",
      targetType: "case_share",
      targetId: id,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, ...details },
    });
    const share = presentShares(await listSharesOfCase(tx, caseId), now).find((s) => s.id === id);
    if (!share) throw new Error("share vanished");
    return share;
  });
}

export async function revokeShare(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  shareId: string,
): Promise<ShareView> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.revoke_share");
  const share = await findShare(ctx.db, shareId);
  if (!share || share.caseId !== caseId) throw notFound();
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    if (!(await revokeShareRow(tx, shareId, actor.userId, now))) throw conflict("Ce partage a déjà été révoqué.");
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "share_revoked",
      at: now,
      details: { shareId },
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.revoke_share",
      targetType: "case_share",
      targetId: shareId,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number },
    });
    const view = presentShares(await listSharesOfCase(tx, caseId), now).find((s) => s.id === shareId);
    if (!view) throw new Error("share vanished");
    return view;
  });
}

/** Hands the case to another organisation, often another département's ASE; number, history and shares stay. */
export async function transferCase(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: z.output<typeof TransferCaseInput>,
): Promise<CaseView | null> {
  const { record } = await getCaseFor(ctx, actor, caseId, "case.transfer");
  if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
  const destination = await findOrganisationRef(ctx.db, input.organisationId);
  if (
    !destination?.isActive ||
    !TRANSFER_DESTINATION_TYPES.some((type) => type === destination.type) ||
    !destination.departmentCode ||
    destination.id === record.case.ownerOrganisationId
  ) {
    throw new AppError("invalid_transfer", 400, undefined, [
      { path: "organisationId", message: "Choisissez un service actif d'une autre organisation." },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked || locked.version !== input.version) throw conflict();
    const now = ctx.now();
    const updated = await updateCaseVersioned(
      tx,
      caseId,
      input.version,
      {
        ownerOrganisationId: destination.id,
        departmentCode: destination.departmentCode ?? record.case.departmentCode,
        assignedUserId: null,
      },
      now,
    );
    if (!updated) throw conflict();
    const details = {
      fromOrganisationId: record.case.ownerOrganisationId,
      toOrganisationId: destination.id,
      fromDepartmentCode: record.case.departmentCode,
      toDepartmentCode: destination.departmentCode,
    };
    await appendTimelineEntry(tx, ctx.keys.data, actor, { caseId, kind: "transferred", at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.transfer",
      targetType: "case",
      targetId: caseId,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, ...details },
    });
    // The actor may no longer read the case: answer with what they still may see, or a bare acknowledgement.
    return viewCaseOrNull(ctx, actor, caseId, tx);
  });
}

async function viewCaseOrNull(ctx: AppContext, actor: UserActor, caseId: string, tx: Parameters<typeof viewCase>[3]) {
  const loaded = await loadCase(ctx, tx ?? ctx.db, caseId);
  return loaded && can(actor, "case.read", loaded.target) ? viewCase(ctx, actor, caseId, tx) : null;
}

const reasonAad = (id: string) => sealAad("case_emergency_accesses", "reason_enc", id);

/** Break-glass: opens a case outside one's scope for a few hours, with a written reason, and tells its owners. */
export async function requestEmergencyAccess(
  ctx: AppContext,
  actor: UserActor,
  input: EmergencyAccessInput,
): Promise<EmergencyAccessGrantView> {
  authorize(actor, "case.emergency_access");
  const caseId = await findCaseIdByNumber(ctx.db, input.caseNumber);
  if (!caseId) throw notFound();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_HOURS * 3_600_000);
  const id = randomUUID();
  return ctx.db.transaction(async (tx) => {
    const loaded = await loadCase(ctx, tx, caseId);
    if (!loaded) throw notFound();
    const { record } = loaded;
    if (record.case.anonymisedAt) throw new AppError("case_anonymised", 409);
    await insertEmergencyAccess(tx, {
      id,
      caseId,
      userId: actor.userId,
      organisationId: actor.organisationId,
      reasonEnc: sealJson(ctx.keys.data, input.reason, reasonAad(id)),
      createdAt: now,
      expiresAt,
    });
    // The owners' managers see it in the case's feed and in the review list.
    await appendTimelineEntry(tx, ctx.keys.data, actor, {
      caseId,
      kind: "emergency_access",
      at: now,
      details: {
        accessId: id,
        userId: actor.userId,
        organisationId: actor.organisationId,
        expiresAt: expiresAt.toISOString(),
      },
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.emergency_access",
      targetType: "case",
      targetId: caseId,
      caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number, accessId: id, expiresAt: expiresAt.toISOString() },
    });
    return { id, caseId, caseNumber: record.case.number, expiresAt: expiresAt.toISOString() };
  });
}

/** Emergency accesses to the reviewer's cases, with their reasons; reading the reasons is audited. */
export async function listEmergencyAccessesForReview(
  ctx: AppContext,
  actor: UserActor,
  filters: { unreviewedOnly?: boolean },
): Promise<EmergencyAccessView[]> {
  if (!mayAttempt(actor, "case.review_emergency_access")) throw forbidden();
  const rows = await listEmergencyAccesses(ctx.db, casesWithFullAccess(actor), filters);
  const views = rows.map((row) => ({
    id: row.access.id,
    caseId: row.access.caseId,
    caseNumber: row.caseNumber,
    user: row.user,
    organisation: organisationRef(row.organisation),
    reason: row.access.reasonEnc
      ? openJson<string>(ctx.keys.data, row.access.reasonEnc as Sealed, reasonAad(row.access.id))
      : null,
    createdAt: row.access.createdAt.toISOString(),
    expiresAt: row.access.expiresAt.toISOString(),
    reviewedAt: row.access.reviewedAt?.toISOString() ?? null,
    reviewedBy:
      row.access.reviewedByUserId && row.reviewedBy
        ? { id: row.reviewedBy.id, displayName: row.reviewedBy.displayName }
        : null,
  }));
  if (views.length > 0) {
    await recordAudit(ctx.db, ctx.keys.audit, actor, {
      action: "case.review_emergency_access",
      targetType: "emergency_access_list",
      details: { listed: views.length },
    });
  }
  return views;
}

export async function markEmergencyAccessAsReviewed(ctx: AppContext, actor: UserActor, accessId: string) {
  const access = await findEmergencyAccess(ctx.db, accessId);
  if (!access) throw notFound();
  const { record } = await getCaseFor(ctx, actor, access.caseId, "case.review_emergency_access");
  await ctx.db.transaction(async (tx) => {
    if (!(await markEmergencyAccessReviewed(tx, accessId, actor.userId, ctx.now())))
      throw conflict("Cet accès a déjà été examiné.");
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "case.review_emergency_access",
      targetType: "case_emergency_access",
      targetId: accessId,
      caseId: access.caseId,
      departmentCode: record.case.departmentCode,
      details: { caseNumber: record.case.number },
    });
  });
  const [view] = (await listEmergencyAccessesForReview(ctx, actor, {})).filter((v) => v.id === accessId);
  if (!view) throw notFound();
  return view;
}

import { type DeadlineCode, getDeadlineRule } from "@shared/calendar/deadline-rules.ts";
import {
  type DeclineTransferInput,
  type MeasureKind,
  type MeasureStatus,
  OPEN_MEASURE_STATUSES,
  type RequestTransferInput,
  TRACKS,
  TRANSFER_RECEIVING_TYPES,
  type TransferContactView,
  type TransferView,
} from "@shared/pathway.ts";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { transferCase } from "../../cases/case-sharing.service.ts";
import { loadCase } from "../../cases/load-case.ts";
import { organisationRef } from "../../cases/present-case.ts";
import { openJson, sealAad, sealJson } from "../../cases/sealed.ts";
import type { AppContext } from "../../context.ts";
import type { Executor, Tx } from "../../db/connection.ts";
import { AppError, notFound } from "../../http/errors.ts";
import type { UserActor } from "../../policy/actor.ts";
import { authorize, can, type PathwayTransferTarget } from "../../policy/policy.ts";
import { listDeadlinesOfCase, listDeadlinesOfTransfer } from "../deadlines/deadlines.queries.ts";
import { cancelDeadlines, meetDeadlines, presentDeadline, startDeadline } from "../deadlines/deadlines.service.ts";
import { listMeasuresOfCase } from "../measures/measures.queries.ts";
import { queueMail } from "../notifications/mail.ts";
import { insertNotification } from "../notifications/notifications.queries.ts";
import { findOrganisation, listUsersWithOrganisation } from "../pathway.queries.ts";
import { appendPathwayTimelineEntry, assertCaseOpen, getPathwayCase, type PathwayCase } from "../pathway-case.ts";
import { currentTrackState } from "../tracks/track-steps.ts";
import { listTracksOfCase } from "../tracks/tracks.queries.ts";
import { actorOfUser } from "../user-actor.ts";
import {
  decideTransferRow,
  findPendingTransferOfCase,
  findTransfer,
  insertTransfer,
  type TransferRow,
} from "./transfers.queries.ts";

/** Who can take a case over: a team that follows children, with a département whose calendar then applies. */

const handoverAad = (id: string) => sealAad("pathway_transfers", "handover_enc", id);
const declineAad = (id: string) => sealAad("pathway_transfers", "decline_reason_enc", id);

interface Handover {
  summary: string;
  contacts: TransferContactView[];
}
interface Snapshot {
  openMeasures: TransferView["handover"]["openMeasures"];
  openDeadlines: TransferView["handover"]["openDeadlines"];
  tracks: TransferView["handover"]["tracks"];
}

async function snapshotOf(db: Executor, loaded: PathwayCase): Promise<Snapshot> {
  const caseId = loaded.record.case.id;
  const [measures, deadlines, tracks] = await Promise.all([
    listMeasuresOfCase(db, caseId),
    listDeadlinesOfCase(db, caseId),
    listTracksOfCase(db, caseId),
  ]);
  return {
    openMeasures: measures
      .filter(({ measure }) => OPEN_MEASURE_STATUSES.includes(measure.status as MeasureStatus))
      .map(({ measure }) => ({
        kind: measure.kind as MeasureKind,
        status: measure.status as MeasureStatus,
        startOn: measure.startOn,
        endOn: measure.endOn,
      })),
    openDeadlines: deadlines
      .filter((d) => d.status === "open")
      .map((d) => ({
        code: d.code as DeadlineCode,
        label: getDeadlineRule(d.code as DeadlineCode).label,
        dueAt: d.dueAt.toISOString(),
        dueLocalDate: d.dueLocalDate,
      })),
    tracks: TRACKS.map((track) => ({
      track,
      state: currentTrackState(
        track,
        tracks.find((t) => t.track === track),
        loaded.record.case.victimStatus,
      ),
    })),
  };
}

async function loadTransfer(ctx: AppContext, db: Executor, id: string, forUpdate = false) {
  const transfer = await findTransfer(db, id, forUpdate);
  if (!transfer) throw notFound();
  const loaded = await loadCase(ctx, db, transfer.caseId);
  if (!loaded) throw notFound();
  const target: PathwayTransferTarget = {
    kind: "pathway_transfer",
    id,
    fromOrganisationId: transfer.fromOrganisationId,
    toOrganisationId: transfer.toOrganisationId,
    departmentCode: transfer.toDepartmentCode,
    case: loaded.target,
  };
  return { transfer, loaded, target };
}

async function presentTransfer(
  ctx: AppContext,
  db: Executor,
  actor: UserActor,
  transfer: TransferRow,
  target: PathwayTransferTarget,
  caseNumber: string,
): Promise<TransferView> {
  const [from, to, deadlines] = await Promise.all([
    findOrganisation(db, transfer.fromOrganisationId),
    findOrganisation(db, transfer.toOrganisationId),
    listDeadlinesOfTransfer(db, transfer.id),
  ]);
  if (!from || !to) throw new Error("transfer organisation vanished");
  const handover = openJson<Handover>(ctx.keys.data, transfer.handoverEnc, handoverAad(transfer.id));
  const snapshot = transfer.snapshot as unknown as Snapshot;
  const acceptance = deadlines.find((d) => d.code === "transfer_acceptance");
  return {
    id: transfer.id,
    caseId: transfer.caseId,
    caseNumber,
    fromOrganisation: organisationRef(from),
    toOrganisation: organisationRef(to),
    status: transfer.status as TransferView["status"],
    requestedAt: transfer.requestedAt.toISOString(),
    decidedAt: transfer.decidedAt?.toISOString() ?? null,
    declineReason: transfer.declineReasonEnc
      ? openJson<string>(ctx.keys.data, transfer.declineReasonEnc, declineAad(transfer.id))
      : null,
    handover: { ...handover, ...snapshot },
    acceptanceDeadline: acceptance ? presentDeadline(acceptance, ctx.now()) : null,
    can: (["pathway.decide_transfer", "pathway.withdraw_transfer"] as const).filter(
      (action) => transfer.status === "requested" && can(actor, action, target),
    ),
  };
}

/**
 * Asks another département's team to take the case over, with a structured hand-over: a summary and contacts (sealed),
 * and the open measures, deadlines and track states as they stand. The case stays with the sender until accepted.
 */
export async function requestTransfer(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: z.output<typeof RequestTransferInput>,
): Promise<TransferView> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.request_transfer", tx);
    assertCaseOpen(loaded);
    if (await findPendingTransferOfCase(tx, caseId)) throw new AppError("transfer_already_pending", 409);
    const destination = await findOrganisation(tx, input.toOrganisationId);
    if (
      !destination?.isActive ||
      !(TRANSFER_RECEIVING_TYPES as readonly string[]).includes(destination.type) ||
      !destination.departmentCode ||
      destination.id === loaded.record.case.ownerOrganisationId
    ) {
      throw new AppError("invalid_transfer", 400, undefined, [
        { path: "toOrganisationId", message: "Choisissez le service ASE ou la CRIP d'une autre organisation." },
      ]);
    }
    const id = crypto.randomUUID();
    const now = ctx.now();
    const handover: Handover = { summary: input.summary, contacts: input.contacts };
    const transfer = await insertTransfer(tx, {
      id,
      caseId,
      fromOrganisationId: loaded.record.case.ownerOrganisationId,
      toOrganisationId: destination.id,
      fromDepartmentCode: loaded.record.case.departmentCode,
      toDepartmentCode: destination.departmentCode,
      requestedByUserId: actor.userId,
      handoverEnc: sealJson(ctx.keys.data, handover, handoverAad(id)),
      snapshot: (await snapshotOf(tx, loaded)) as unknown as Record<string, unknown>,
      requestedAt: now,
    });
    // Working days of the receiving département: it is their team, and their public holidays, that set the pace.
    await startDeadline(tx, {
      caseId,
      code: "transfer_acceptance",
      track: "transfer",
      transferId: id,
      startAt: now,
      departmentCode: destination.departmentCode,
    });
    const details = {
      transferId: id,
      event: "requested",
      toOrganisationId: destination.id,
      toDepartmentCode: destination.departmentCode,
    };
    await appendPathwayTimelineEntry(tx, ctx, actor, { caseId, kind: "pathway_transfer", at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.request_transfer",
      targetType: "pathway_transfer",
      targetId: id,
      caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, ...details },
    });
    const { target } = await loadTransfer(ctx, tx, id);
    return presentTransfer(ctx, tx, actor, transfer, target, loaded.record.case.number);
  });
}

/** The hand-over, for the sender and the receiving team; its summary is free text, so reading it is audited. */
export async function getTransfer(ctx: AppContext, actor: UserActor, transferId: string): Promise<TransferView> {
  return ctx.db.transaction(async (tx) => {
    const { transfer, loaded, target } = await loadTransfer(ctx, tx, transferId);
    authorize(actor, "pathway.read_transfer", target);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.read_transfer",
      targetType: "pathway_transfer",
      targetId: transferId,
      caseId: transfer.caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number },
    });
    return presentTransfer(ctx, tx, actor, transfer, target, loaded.record.case.number);
  });
}

async function closeTransfer(
  tx: Tx,
  ctx: AppContext,
  actor: UserActor,
  transfer: TransferRow,
  caseNumber: string,
  decision: "accepted" | "declined" | "withdrawn",
  declineReason?: string,
) {
  const now = ctx.now();
  const decided = await decideTransferRow(tx, transfer.id, {
    status: decision,
    decidedAt: now,
    decidedByUserId: actor.userId,
    declineReasonEnc: declineReason ? sealJson(ctx.keys.data, declineReason, declineAad(transfer.id)) : null,
  });
  if (!decided) throw new AppError("transfer_not_pending", 409);
  if (decision === "accepted") await meetDeadlines(tx, transfer.caseId, ["transfer_acceptance"], now, transfer.id);
  else await cancelDeadlines(tx, transfer.caseId, ["transfer_acceptance"], now, transfer.id);
  if (decision !== "withdrawn") {
    const notificationId = await insertNotification(tx, {
      userId: transfer.requestedByUserId,
      caseId: transfer.caseId,
      kind: "transfer_decided",
      details: { transferId: transfer.id, decision },
      createdAt: now,
    });
    await queueMail(tx, ctx, {
      notificationId,
      recipientUserId: transfer.requestedByUserId,
      caseId: transfer.caseId,
      caseNumber,
      headline: decision === "accepted" ? "Transfert accepté" : "Transfert refusé",
    });
  }
  const details = { transferId: transfer.id, event: decision, toOrganisationId: transfer.toOrganisationId };
  await appendPathwayTimelineEntry(tx, ctx, actor, {
    caseId: transfer.caseId,
    kind: "pathway_transfer",
    at: now,
    details,
  });
  await recordAudit(tx, ctx.keys.audit, actor, {
    action: decision === "withdrawn" ? "pathway.withdraw_transfer" : "pathway.decide_transfer",
    targetType: "pathway_transfer",
    targetId: transfer.id,
    caseId: transfer.caseId,
    departmentCode: transfer.fromDepartmentCode,
    details: { caseNumber, ...details },
  });
  return decided;
}

/**
 * The receiving team accepts: the case service's own transfer moves the case (ownership, département, referent),
 * in the name of the professional who asked for it, then the request is closed. Until then the sender kept the case.
 */
export async function acceptTransfer(ctx: AppContext, actor: UserActor, transferId: string): Promise<TransferView> {
  const { transfer, loaded, target } = await loadTransfer(ctx, ctx.db, transferId);
  authorize(actor, "pathway.decide_transfer", target);
  if (transfer.status !== "requested") throw new AppError("transfer_not_pending", 409);
  const [requester] = await listUsersWithOrganisation(ctx.db, [transfer.requestedByUserId]);
  if (!requester) throw new Error("transfer requester vanished");
  // The case service checks that the requester still holds the case; a second acceptance finds it moved (409/404).
  await transferCase(ctx, actorOfUser(requester), transfer.caseId, {
    version: loaded.record.case.version,
    organisationId: transfer.toOrganisationId,
  });
  return ctx.db.transaction(async (tx) => {
    const decided = await closeTransfer(tx, ctx, actor, transfer, loaded.record.case.number, "accepted");
    const reloaded = await loadTransfer(ctx, tx, transferId);
    return presentTransfer(ctx, tx, actor, decided, reloaded.target, loaded.record.case.number);
  });
}

export async function declineTransfer(
  ctx: AppContext,
  actor: UserActor,
  transferId: string,
  input: DeclineTransferInput,
): Promise<TransferView> {
  return ctx.db.transaction(async (tx) => {
    const { transfer, loaded, target } = await loadTransfer(ctx, tx, transferId, true);
    authorize(actor, "pathway.decide_transfer", target);
    const decided = await closeTransfer(tx, ctx, actor, transfer, loaded.record.case.number, "declined", input.reason);
    return presentTransfer(ctx, tx, actor, decided, target, loaded.record.case.number);
  });
}

export async function withdrawTransfer(ctx: AppContext, actor: UserActor, transferId: string): Promise<TransferView> {
  return ctx.db.transaction(async (tx) => {
    const { transfer, loaded, target } = await loadTransfer(ctx, tx, transferId, true);
    authorize(actor, "pathway.withdraw_transfer", target);
    const decided = await closeTransfer(tx, ctx, actor, transfer, loaded.record.case.number, "withdrawn");
    return presentTransfer(ctx, tx, actor, decided, target, loaded.record.case.number);
  });
}

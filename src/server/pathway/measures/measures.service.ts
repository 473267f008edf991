import {
  type CreateMeasureInput,
  MEASURE_STATUS_TRANSITIONS,
  type MeasureKind,
  type MeasureStatus,
  type MeasureView,
  type UpdateMeasureInput,
} from "@shared/pathway.ts";
import type { z } from "zod";
import { recordAudit } from "../../audit/record.ts";
import { organisationRef } from "../../cases/present-case.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/connection.ts";
import { AppError, conflict, notFound } from "../../http/errors.ts";
import type { UserActor } from "../../policy/actor.ts";
import { findOrganisation, type OrganisationRow } from "../pathway.queries.ts";
import { appendPathwayTimelineEntry, assertCaseOpen, getPathwayCase } from "../pathway-case.ts";
import {
  insertMeasure,
  listMeasuresOfCase,
  lockMeasure,
  type MeasureRow,
  updateMeasureVersioned,
} from "./measures.queries.ts";

type CreateInput = z.output<typeof CreateMeasureInput>;
type UpdateInput = z.output<typeof UpdateMeasureInput>;

export function presentMeasure(row: MeasureRow, provider: OrganisationRow | null): MeasureView {
  return {
    id: row.id,
    kind: row.kind as MeasureKind,
    status: row.status as MeasureStatus,
    providerOrganisation: provider ? organisationRef(provider) : null,
    providerName: row.providerName,
    startOn: row.startOn,
    endOn: row.endOn,
    placement:
      row.placementType === null
        ? null
        : {
            type: row.placementType,
            isSecure: row.isSecurePlacement ?? false,
            isDistant: row.isDistantPlacement ?? false,
          },
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listMeasureViews(db: Executor, caseId: string): Promise<MeasureView[]> {
  return (await listMeasuresOfCase(db, caseId)).map((r) => presentMeasure(r.measure, r.provider));
}

async function checkProvider(db: Executor, id: string | null | undefined): Promise<OrganisationRow | null> {
  if (!id) return null;
  const provider = await findOrganisation(db, id);
  if (!provider?.isActive) {
    throw new AppError("invalid_input", 400, undefined, [
      { path: "providerOrganisationId", message: "Organisation inconnue ou désactivée." },
    ]);
  }
  return provider;
}

function checkDates(startOn: string | null, endOn: string | null): void {
  if (startOn && endOn && startOn > endOn) {
    throw new AppError("invalid_input", 400, undefined, [{ path: "endOn", message: "La fin précède le début." }]);
  }
}

export async function recordMeasure(
  ctx: AppContext,
  actor: UserActor,
  caseId: string,
  input: CreateInput,
): Promise<MeasureView> {
  return ctx.db.transaction(async (tx) => {
    const loaded = await getPathwayCase(ctx, actor, caseId, "pathway.record_measure", tx);
    assertCaseOpen(loaded);
    const provider = await checkProvider(tx, input.providerOrganisationId);
    const now = ctx.now();
    const row = await insertMeasure(tx, {
      caseId,
      kind: input.kind,
      status: input.status,
      providerOrganisationId: input.providerOrganisationId,
      providerName: input.providerName,
      startOn: input.startOn,
      endOn: input.endOn,
      placementType: input.placement?.type ?? null,
      isSecurePlacement: input.placement?.isSecure ?? null,
      isDistantPlacement: input.placement?.isDistant ?? null,
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const details = { measureId: row.id, kind: row.kind, status: row.status };
    await appendPathwayTimelineEntry(tx, ctx, actor, { caseId, kind: "pathway_measure", at: now, details });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.record_measure",
      targetType: "pathway_measure",
      targetId: row.id,
      caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, ...details },
    });
    return presentMeasure(row, provider);
  });
}

/** Moves a measure along MEASURE_STATUS_TRANSITIONS and edits its facts, under optimistic locking. */
export async function updateMeasure(
  ctx: AppContext,
  actor: UserActor,
  measureId: string,
  input: UpdateInput,
): Promise<MeasureView> {
  return ctx.db.transaction(async (tx) => {
    const measure = await lockMeasure(tx, measureId);
    if (!measure) throw notFound();
    const loaded = await getPathwayCase(ctx, actor, measure.caseId, "pathway.update_measure", tx);
    assertCaseOpen(loaded);
    if (measure.version !== input.version) throw conflict();
    const status = (input.status ?? measure.status) as MeasureStatus;
    if (status !== measure.status && !MEASURE_STATUS_TRANSITIONS[measure.status as MeasureStatus].includes(status)) {
      throw new AppError("invalid_measure_status", 409);
    }
    if (input.placement !== undefined && (input.placement === null) === (measure.kind === "placement")) {
      throw new AppError("invalid_input", 400, undefined, [
        { path: "placement", message: "Précisez le placement, et seulement pour une mesure de placement." },
      ]);
    }
    const startOn = input.startOn === undefined ? measure.startOn : input.startOn;
    const endOn = input.endOn === undefined ? measure.endOn : input.endOn;
    checkDates(startOn, endOn);
    const providerId =
      input.providerOrganisationId === undefined ? measure.providerOrganisationId : input.providerOrganisationId;
    const provider = await checkProvider(tx, providerId);
    const now = ctx.now();
    const updated = await updateMeasureVersioned(
      tx,
      measureId,
      input.version,
      {
        status,
        startOn,
        endOn,
        providerOrganisationId: providerId,
        providerName: input.providerName === undefined ? measure.providerName : input.providerName,
        ...(input.placement
          ? {
              placementType: input.placement.type,
              isSecurePlacement: input.placement.isSecure,
              isDistantPlacement: input.placement.isDistant,
            }
          : {}),
      },
      now,
    );
    if (!updated) throw conflict();
    const details = { measureId, kind: measure.kind, from: measure.status, to: status };
    if (status !== measure.status) {
      await appendPathwayTimelineEntry(tx, ctx, actor, {
        caseId: measure.caseId,
        kind: "pathway_measure",
        at: now,
        details,
      });
    }
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.update_measure",
      targetType: "pathway_measure",
      targetId: measureId,
      caseId: measure.caseId,
      departmentCode: loaded.record.case.departmentCode,
      details: { caseNumber: loaded.record.case.number, ...details, fields: Object.keys(input) },
    });
    return presentMeasure(updated, provider);
  });
}

import { getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { totpAad } from "../auth/totp.ts";
import { sealAad } from "../cases/sealed.ts";
import {
  caseActions,
  caseEmergencyAccesses,
  caseIdentities,
  caseTimelineEntries,
  pathwayPlanReviews,
  pathwayPlans,
  pathwayReviewMembers,
  pathwayReviews,
  pathwayTransfers,
  pathwayTransitions,
  screenings,
  users,
} from "../db/schema.ts";

/** One column holding values sealed with the data keys, and how to rebuild the aad each value is bound to. */
export interface SealedColumn {
  table: PgTable;
  column: PgColumn;
  /** The row's primary key, in the order the aad joins it. */
  key: readonly PgColumn[];
  aad: (key: readonly string[]) => string;
}

/** The usual binding, `sealAad(table, column, key parts joined by ":")`. */
function bound(table: PgTable, column: PgColumn, ...key: PgColumn[]): SealedColumn {
  return { table, column, key, aad: (parts) => sealAad(getTableName(table), column.name, parts.join(":")) };
}

/** A TOTP secret, pending or confirmed, is bound to its user whichever column holds it. */
const totp = (column: PgColumn): SealedColumn => ({
  table: users,
  column,
  key: [users.id],
  aad: ([userId]) => totpAad(userId ?? ""),
});

/**
 * Every column sealed with the data keys: what `repere keys rotate` re-encrypts. sealed-columns.test.ts fails when
 * schema.ts gains an `_enc` column missing here, since a forgotten column would stop opening once its key is removed.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  totp(users.totpSecretEnc),
  totp(users.totpPendingSecretEnc),
  bound(caseIdentities, caseIdentities.surnameEnc, caseIdentities.caseId),
  bound(caseIdentities, caseIdentities.firstNamesEnc, caseIdentities.caseId),
  bound(caseIdentities, caseIdentities.aliasesEnc, caseIdentities.caseId),
  bound(caseIdentities, caseIdentities.birthDateEnc, caseIdentities.caseId),
  bound(caseIdentities, caseIdentities.ageEstimateEnc, caseIdentities.caseId),
  bound(caseIdentities, caseIdentities.phonesEnc, caseIdentities.caseId),
  bound(caseIdentities, caseIdentities.placementAddressEnc, caseIdentities.caseId),
  bound(caseTimelineEntries, caseTimelineEntries.textEnc, caseTimelineEntries.id),
  bound(caseEmergencyAccesses, caseEmergencyAccesses.reasonEnc, caseEmergencyAccesses.id),
  bound(screenings, screenings.submissionEnc, screenings.id),
  bound(caseActions, caseActions.reasonEnc, caseActions.caseId, caseActions.code),
  bound(pathwayTransitions, pathwayTransitions.reasonEnc, pathwayTransitions.id),
  bound(pathwayTransitions, pathwayTransitions.referenceEnc, pathwayTransitions.id),
  bound(pathwayReviews, pathwayReviews.reasonsEnc, pathwayReviews.id),
  bound(pathwayReviews, pathwayReviews.minutesEnc, pathwayReviews.id),
  bound(
    pathwayReviewMembers,
    pathwayReviewMembers.conflictNoteEnc,
    pathwayReviewMembers.reviewId,
    pathwayReviewMembers.userId,
  ),
  bound(pathwayPlans, pathwayPlans.goalsEnc, pathwayPlans.id),
  bound(pathwayPlanReviews, pathwayPlanReviews.notesEnc, pathwayPlanReviews.id),
  bound(pathwayTransfers, pathwayTransfers.handoverEnc, pathwayTransfers.id),
  bound(pathwayTransfers, pathwayTransfers.declineReasonEnc, pathwayTransfers.id),
];

/** "table.column", for progress and summaries. */
export const sealedColumnName = (entry: SealedColumn) => `${getTableName(entry.table)}.${entry.column.name}`;

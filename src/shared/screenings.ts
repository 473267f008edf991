import type { ActionCode, ActionSource, ActionStatus } from "./qualification/legal-actions.ts";
import { ActionStatusUpdate as StatusUpdate } from "./qualification/legal-actions.ts";
import type { QualificationResult } from "./qualification/qualification-result.ts";
import type { ScreeningResult } from "./screening/score-screening.ts";
import type { ScreeningLevel } from "./screening/screening-levels.ts";
import { z } from "./zod-fr.ts";

export { ActionStatusUpdate } from "./qualification/legal-actions.ts";
export { QualificationInput } from "./qualification/qualification-input.ts";
export { ScreeningSubmission } from "./screening/screening-submission.ts";

/** A recorded screening. Notes and the override's reason are only returned to those who see the screenings. */
export interface ScreeningView {
  id: string;
  caseId: string | null;
  preCaseId: string | null;
  gridVersion: string;
  mode: "brief" | "full";
  screenedOn: string;
  level: ScreeningLevel;
  levelLabel: string;
  result: ScreeningResult;
  author: { id: string | null; name: string | null; organisation: string | null };
  createdAt: string;
}

export interface PreCaseView {
  id: string;
  number: string;
  caseId: string | null;
  createdAt: string;
  screenings: ScreeningView[];
}

export interface QualificationRecordView {
  id: string;
  caseId: string;
  result: QualificationResult;
  authorName: string | null;
  createdAt: string;
}

/** One action the law requires on a case, where it stands, and by when. */
export interface CaseActionView {
  code: ActionCode;
  label: string;
  legalBasis: string;
  deadlineText: string;
  dueAt: string | null;
  overdue: boolean;
  status: ActionStatus;
  statusLabel: string;
  doneOn: string | null;
  /** Why it does not apply, when the caller may read it. */
  reason: string | null;
  sources: ActionSource[];
  raisedAt: string;
  version: number;
}

/** A change of an action's status, at the version the editor saw (a stale one answers 409). */
export const UpdateCaseActionInput = z.strictObject({
  version: z.int().min(1),
  update: StatusUpdate,
});
export type UpdateCaseActionInput = z.infer<typeof UpdateCaseActionInput>;

export const AttachPreCaseInput = z.strictObject({ caseId: z.uuid("Dossier invalide.") });

export const SignalementInput = z.strictObject({
  factsSummary: z.string().trim().min(1, "Résumez les faits.").max(10_000, "10 000 caractères au plus."),
  measuresRequested: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
  includeIdentity: z.boolean().default(true),
});
export type SignalementInput = z.infer<typeof SignalementInput>;

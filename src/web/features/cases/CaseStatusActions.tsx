import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  AddNoteInput,
  type CaseView,
  CLOSURE_REASON_LABELS,
  CLOSURE_REASONS,
  CloseCaseInput,
  NOTE_MAX_LENGTH,
} from "@shared/cases.ts";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { NO_ERRORS } from "../../components/form-errors.ts";
import type { Notice } from "../../components/notice.tsx";
import { ConflictReload } from "./ConflictReload.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "./case-form-errors.ts";
import { vocabularyOptions } from "./case-labels.tsx";
import { useCaseChange, useReloadCase } from "./use-case-change.ts";

interface CaseStatusActionsProps {
  caseFile: CaseView;
  onNotice: (notice: Notice) => void;
}

/** Close with a reason (and an optional note in the timeline), or reopen. */
export function CaseStatusActions({ caseFile, onNotice }: CaseStatusActionsProps) {
  if (caseFile.status === "open" && caseFile.can.includes("case.close"))
    return <CloseCaseForm caseFile={caseFile} onNotice={onNotice} />;
  if (caseFile.status === "closed" && caseFile.can.includes("case.reopen") && !caseFile.anonymisedAt)
    return <ReopenCase caseFile={caseFile} onNotice={onNotice} />;
  return null;
}

interface CloseDraft {
  reason: string;
  note: string;
}

function CloseCaseForm({ caseFile, onNotice }: CaseStatusActionsProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [draft, setDraft] = useState<CloseDraft>({ reason: "", note: "" });
  const reload = useReloadCase(caseFile.id);
  const { mutation, errors, setErrors, isConflict } = useCaseChange(
    caseFile.id,
    // The note goes first: once closed, the case takes no more notes.
    async ({ input, note }: { input: CloseCaseInput; note: string }) => {
      if (note) await api.addCaseNote(caseFile.id, { text: note });
      return api.closeCase(caseFile.id, input);
    },
    () => {
      setIsOpen(false);
      onNotice({ severity: "success", text: "Le dossier est clos." });
    },
  );
  const canAddNote = caseFile.can.includes("case.add_note");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = CloseCaseInput.safeParse({ version: caseFile.version, reason: draft.reason });
    const note = draft.note.trim();
    const parsedNote = note ? AddNoteInput.safeParse({ text: note }) : undefined;
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    if (parsedNote && !parsedNote.success) {
      setErrors(nestedErrorsFromZod(parsedNote.error, "note"));
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate({ input: parsed.data, note });
  }

  if (!isOpen) {
    return (
      <Button priority="secondary" iconId="fr-icon-folder-2-line" onClick={() => setIsOpen(true)}>
        Clore le dossier
      </Button>
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-2w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Clore le dossier</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
          {isConflict && <ConflictReload onReload={reload} />}
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Motif de clôture"
            {...fieldStateAt(errors, "reason")}
            nativeSelectProps={{
              name: "reason",
              value: draft.reason,
              onChange: (event) => setDraft({ ...draft, reason: event.target.value }),
              "aria-invalid": invalidAt(errors, "reason"),
            }}
          >
            <option value="" disabled>
              Choisir un motif
            </option>
            {vocabularyOptions(CLOSURE_REASONS, CLOSURE_REASON_LABELS)}
          </Select>
        </div>
        {canAddNote && (
          <div className="fr-fieldset__element">
            <Input
              label="Note de clôture (facultatif)"
              hintText="Ajoutée à la chronologie du dossier."
              textArea
              {...fieldStateAt(errors, "note")}
              nativeTextAreaProps={{
                name: "note",
                rows: 3,
                maxLength: NOTE_MAX_LENGTH,
                value: draft.note,
                onChange: (event) => setDraft({ ...draft, note: event.target.value }),
                "aria-invalid": invalidAt(errors, "note"),
              }}
            />
          </div>
        )}
        <FormButtons
          submit="Confirmer la clôture"
          pending={mutation.isPending}
          onCancel={() => setIsOpen(false)}
          small
        />
      </fieldset>
    </form>
  );
}

function ReopenCase({ caseFile, onNotice }: CaseStatusActionsProps) {
  const reload = useReloadCase(caseFile.id);
  const { mutation, errors, isConflict } = useCaseChange(
    caseFile.id,
    () => api.reopenCase(caseFile.id, { version: caseFile.version }),
    () => onNotice({ severity: "success", text: "Le dossier est rouvert." }),
  );
  return (
    <div>
      {errors.title && (
        <p className="fr-error-text" role="alert">
          {errors.title}
        </p>
      )}
      {isConflict && <ConflictReload onReload={reload} />}
      <Button
        priority="secondary"
        iconId="fr-icon-folder-2-line"
        onClick={() => mutation.mutate(undefined)}
        disabled={mutation.isPending}
      >
        Rouvrir le dossier
      </Button>
    </div>
  );
}

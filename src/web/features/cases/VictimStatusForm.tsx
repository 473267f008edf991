import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  type CaseView,
  RecordVictimStatusInput,
  VICTIM_STATUS_DECIDER_LABELS,
  VICTIM_STATUS_DECIDERS,
  VICTIM_STATUS_LABELS,
  VICTIM_STATUSES,
} from "@shared/cases.ts";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { NO_ERRORS } from "../../components/form-errors.ts";
import type { Notice } from "../../components/notice.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "./case-form-errors.ts";
import { formatIsoDate, vocabularyOptions } from "./case-labels.tsx";
import { useCaseChange } from "./use-case-change.ts";

interface VictimStatusFormProps {
  caseFile: CaseView;
  onNotice: (notice: Notice) => void;
}

/** Statuses are recorded, never edited: a new decision adds a line to the history. */
export function VictimStatusSection({ caseFile, onNotice }: VictimStatusFormProps) {
  const history = caseFile.victimStatusHistory;
  const canRecord = caseFile.can.includes("case.record_victim_status");
  return (
    <section className="fr-mb-4w" aria-labelledby="victim-status-title">
      <h3 id="victim-status-title" className="fr-h5">
        Statut de victime
      </h3>
      {history.length === 0 ? (
        <p>Aucun statut enregistré.</p>
      ) : (
        <ul>
          {history.map((entry) => (
            <li key={`${entry.recordedAt}-${entry.status}`}>
              <strong>{VICTIM_STATUS_LABELS[entry.status]}</strong> — {VICTIM_STATUS_DECIDER_LABELS[entry.decidedBy]},
              le {formatIsoDate(entry.decidedOn)}
              {entry.recordedBy && ` (enregistré par ${entry.recordedBy.displayName})`}
            </li>
          ))}
        </ul>
      )}
      {canRecord && <VictimStatusForm caseFile={caseFile} onNotice={onNotice} />}
    </section>
  );
}

function VictimStatusForm({ caseFile, onNotice }: VictimStatusFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState("");
  const [decidedBy, setDecidedBy] = useState("");
  const [decidedOn, setDecidedOn] = useState("");
  const { mutation, errors, setErrors } = useCaseChange(
    caseFile.id,
    (input: RecordVictimStatusInput) => api.recordVictimStatus(caseFile.id, input),
    () => {
      setStatus("");
      setDecidedBy("");
      setDecidedOn("");
      onNotice({ severity: "success", text: "Le statut de victime a été enregistré." });
    },
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = RecordVictimStatusInput.safeParse({ status, decidedBy, decidedOn });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Enregistrer un statut</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-5">
          <Select
            label="Statut"
            {...fieldStateAt(errors, "status")}
            nativeSelectProps={{
              name: "status",
              value: status,
              onChange: (event) => setStatus(event.target.value),
              "aria-invalid": invalidAt(errors, "status"),
            }}
          >
            <option value="" disabled>
              Choisir un statut
            </option>
            {vocabularyOptions(VICTIM_STATUSES, VICTIM_STATUS_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select
            label="Décidé par"
            {...fieldStateAt(errors, "decidedBy")}
            nativeSelectProps={{
              name: "decidedBy",
              value: decidedBy,
              onChange: (event) => setDecidedBy(event.target.value),
              "aria-invalid": invalidAt(errors, "decidedBy"),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {vocabularyOptions(VICTIM_STATUS_DECIDERS, VICTIM_STATUS_DECIDER_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
          <Input
            label="Date de la décision"
            {...fieldStateAt(errors, "decidedOn")}
            nativeInputProps={{
              type: "date",
              name: "decidedOn",
              value: decidedOn,
              onChange: (event) => setDecidedOn(event.target.value),
              "aria-invalid": invalidAt(errors, "decidedOn"),
            }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Button type="submit" priority="secondary" disabled={mutation.isPending}>
            Enregistrer le statut
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { NextStepView, PathwayView, Track, TrackState, TransitionInput } from "@shared/pathway.ts";
import { TransitionInput as TransitionSchema } from "@shared/pathway.ts";
import { type FormEvent, useRef, useState } from "react";
import { pathwayApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import type { Notice } from "../../components/notice.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { usePathwayChange } from "./pathway-query.ts";
import { fromZonedInput, toZonedInput } from "./zoned-input.ts";

interface StepFormProps {
  pathway: PathwayView;
  track: Track;
  from: TrackState;
  step: NextStepView;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}

/**
 * Records one step. `from` is the state the user is looking at: if someone moved the track meanwhile, the server
 * refuses (409) and the form keeps what was typed.
 */
export function StepForm({ pathway, track, from, step, onDone, onCancel }: StepFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const zone = pathway.timeZone;
  const [occurredAt, setOccurredAt] = useState(() => toZonedInput(new Date(), zone));
  const [reason, setReason] = useState("");
  const [reference, setReference] = useState("");
  const [triggerLevel, setTriggerLevel] = useState("");
  const [screenedAt, setScreenedAt] = useState("");
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: TransitionInput) => pathwayApi.recordStep(pathway.caseId, track, input),
    () => onDone({ severity: "success", text: `Étape enregistrée : ${step.label}.` }),
  );
  const fieldId = `${track}-${step.to}`;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trigger = triggerLevel
      ? { level: triggerLevel, screenedAt: fromZonedInput(screenedAt, zone) ?? screenedAt }
      : undefined;
    const parsed = TransitionSchema.safeParse({
      from,
      to: step.to,
      occurredAt: occurredAt ? (fromZonedInput(occurredAt, zone) ?? occurredAt) : undefined,
      reason: reason.trim() || undefined,
      reference: reference.trim() || undefined,
      trigger,
    });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    const missing: Record<string, string> = {};
    if (step.requiresReason && !parsed.data.reason) missing.reason = "Indiquez le motif de cette décision.";
    if (step.requiresReference && !parsed.data.reference) missing.reference = "Indiquez la référence de la décision.";
    if (Object.keys(missing).length > 0) {
      setErrors({ title: "Certaines informations manquent.", fields: missing });
      return;
    }
    mutation.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-background-alt--grey fr-p-3w fr-mt-2w">
      <fieldset className="fr-fieldset" aria-labelledby={`${fieldId}-legend`}>
        <legend id={`${fieldId}-legend`} className="fr-fieldset__legend">
          {step.label}
        </legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Input
            label={step.occurredAtLabel ?? "Date et heure"}
            hintText={`Heure locale du département (${zone})`}
            {...fieldStateAt(errors, "occurredAt")}
            nativeInputProps={{
              type: "datetime-local",
              name: "occurredAt",
              value: occurredAt,
              onChange: (event) => setOccurredAt(event.target.value),
              "aria-invalid": invalidAt(errors, "occurredAt"),
            }}
          />
        </div>
        {step.requiresReference && (
          <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
            <Input
              label="Référence de la décision"
              hintText="Numéro de procès-verbal, de jugement ou de parquet"
              {...fieldStateAt(errors, "reference")}
              nativeInputProps={{
                name: "reference",
                value: reference,
                onChange: (event) => setReference(event.target.value),
                "aria-invalid": invalidAt(errors, "reference"),
                maxLength: 200,
              }}
            />
          </div>
        )}
        {step.acceptsTrigger && (
          <>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
              <Select
                label="Résultat du repérage à l'origine de l'étape (facultatif)"
                hint="Les délais de transmission courent à partir de ce résultat."
                {...fieldStateAt(errors, "trigger.level")}
                nativeSelectProps={{
                  name: "triggerLevel",
                  value: triggerLevel,
                  onChange: (event) => setTriggerLevel(event.target.value),
                }}
              >
                <option value="">Non précisé</option>
                <option value="clear">Préoccupation claire</option>
                <option value="possible">Préoccupation possible</option>
              </Select>
            </div>
            {triggerLevel && (
              <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
                <Input
                  label="Date et heure du repérage"
                  {...fieldStateAt(errors, "trigger.screenedAt")}
                  nativeInputProps={{
                    type: "datetime-local",
                    name: "screenedAt",
                    value: screenedAt,
                    onChange: (event) => setScreenedAt(event.target.value),
                    "aria-invalid": invalidAt(errors, "trigger.screenedAt"),
                  }}
                />
              </div>
            )}
          </>
        )}
        <div className="fr-fieldset__element">
          <Input
            textArea
            label={step.requiresReason ? "Motif" : "Commentaire (facultatif)"}
            hintText="Texte chiffré, visible des seuls professionnels du dossier."
            {...fieldStateAt(errors, "reason")}
            nativeTextAreaProps={{
              name: "reason",
              value: reason,
              rows: 3,
              maxLength: 2000,
              onChange: (event) => setReason(event.target.value),
              "aria-invalid": invalidAt(errors, "reason"),
            }}
          />
        </div>
        <FormButtons submit="Enregistrer l'étape" pending={mutation.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}

import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { SCREENING_LEVEL_LABELS, SCREENING_LEVELS, type ScreeningLevel } from "@shared/screening/screening-levels.ts";
import type { ScreeningOverride } from "@shared/screening/screening-submission.ts";
import { type FormEvent, useRef, useState } from "react";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, fieldState, isInvalid, NO_ERRORS } from "../../components/form-errors.ts";
import { parseOverride } from "./screening-form.ts";

interface ScreeningOverrideFormProps {
  computedLevel: ScreeningLevel;
  override: ScreeningOverride | undefined;
  onChange: (override: ScreeningOverride | undefined) => void;
}

/** Lets professional judgement prevail over the computed level, with the written reason the grid demands. */
export function ScreeningOverrideForm({ computedLevel, override, onChange }: ScreeningOverrideFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [level, setLevel] = useState<ScreeningLevel | undefined>(override?.level);
  const [reason, setReason] = useState(override?.reason ?? "");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const otherLevels = SCREENING_LEVELS.filter((candidate) => candidate !== computedLevel);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseOverride(level, reason);
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setErrors(NO_ERRORS);
    onChange(parsed.override);
  }

  function handleReset() {
    setLevel(undefined);
    setReason("");
    setErrors(NO_ERRORS);
    onChange(undefined);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-mt-4w fr-p-3w fr-background-alt--grey">
      <h3>Modifier le niveau (jugement professionnel)</h3>
      <p>
        Le jugement professionnel prévaut sur le niveau calculé ({SCREENING_LEVEL_LABELS[computedLevel]}), à condition
        d'en écrire le motif.
      </p>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <RadioButtons
        legend="Niveau retenu"
        name="override-level"
        {...fieldState(errors, "level")}
        options={otherLevels.map((candidate) => ({
          label: SCREENING_LEVEL_LABELS[candidate],
          nativeInputProps: {
            value: candidate,
            checked: level === candidate,
            onChange: () => setLevel(candidate),
            "aria-invalid": isInvalid(errors, "level") || undefined,
          },
        }))}
      />
      <Input
        label="Motif de la modification"
        hintText="Obligatoire. Décrivez les éléments qui justifient un autre niveau que celui calculé."
        textArea
        {...fieldState(errors, "reason")}
        nativeTextAreaProps={{
          name: "override-reason",
          value: reason,
          rows: 4,
          maxLength: 2000,
          onChange: (event) => setReason(event.target.value),
          "aria-invalid": isInvalid(errors, "reason"),
        }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit">Appliquer ce niveau</Button>
        </li>
        {override && (
          <li>
            <Button type="button" priority="secondary" onClick={handleReset}>
              Revenir au niveau calculé
            </Button>
          </li>
        )}
      </ul>
    </form>
  );
}

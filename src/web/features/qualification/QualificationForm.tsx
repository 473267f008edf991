import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { QualificationInput } from "@shared/qualification/qualification-input.ts";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import { RULE_SETS } from "@shared/qualification/rule-sets.ts";
import {
  ACT_LABELS,
  ACTS,
  CIRCUMSTANCE_LABELS,
  CIRCUMSTANCES,
  MEANS,
  MEANS_LABELS,
  PURPOSE_LABELS,
} from "@shared/qualification/vocabulary.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
} from "../../components/form-errors.ts";
import { GUIDE_TEXTS, type GuideTopic } from "./guide-texts.ts";
import {
  capitalise,
  looksLikeMinor,
  PENDING_PURPOSES,
  parseQualificationForm,
  type QualificationFormState,
  qualificationFormErrors,
  RECOGNISED_PURPOSES,
} from "./qualification-form.ts";

interface QualificationFormProps {
  initial: QualificationFormState;
  onResult: (result: QualificationResult) => void;
  /** Where the facts go: the stateless engine by default, or a case that records the qualification. */
  submit?: (input: QualificationInput) => Promise<QualificationResult>;
}

function GuideAccordion({ topic }: { topic: GuideTopic }) {
  const guide = GUIDE_TEXTS[topic];
  return (
    <Accordion label={guide.title} titleAs="h3" className="fr-mb-4w">
      {guide.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </Accordion>
  );
}

interface VocabularyCheckboxesProps<T extends string> {
  field: "acts" | "means" | "purposes" | "circumstances";
  legend: string;
  hintText?: string;
  values: readonly T[];
  labels: Record<T, string>;
  selected: readonly T[];
  errors: FormErrors;
  onChange: (selected: T[]) => void;
}

function VocabularyCheckboxes<T extends string>(props: VocabularyCheckboxesProps<T>) {
  const { field, legend, hintText, values, labels, selected, errors, onChange } = props;
  const toggle = (value: T, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  return (
    <Checkbox
      legend={legend}
      hintText={hintText}
      {...fieldState(errors, field)}
      options={values.map((value) => ({
        label: capitalise(labels[value]),
        nativeInputProps: {
          name: field,
          value,
          checked: selected.includes(value),
          onChange: (event) => toggle(value, event.target.checked),
          "aria-invalid": isInvalid(errors, field) || undefined,
        },
      }))}
    />
  );
}

const PENDING_NOTE = RULE_SETS.at(-1)?.unrecognisedPurposeNotes[PENDING_PURPOSES[0] ?? "forced_marriage"];

/** The facts to qualify, in the vocabulary of the public contract; validated with the API's own schema. */
export function QualificationForm({ initial, onResult, submit = api.runQualification }: QualificationFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const run = useMutation({
    mutationFn: submit,
    onSuccess: onResult,
    onError: (error) => setErrors(qualificationFormErrors(formErrorsFromUnknown(error))),
  });
  const update = (patch: Partial<QualificationFormState>) => setState((previous) => ({ ...previous, ...patch }));
  const minor = looksLikeMinor(state);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseQualificationForm(state);
    if (!parsed.success) {
      const invalid = { ...formErrorsFromZod(parsed.error), title: "Certaines informations sont invalides." };
      setErrors(qualificationFormErrors(invalid));
      return;
    }
    setErrors(NO_ERRORS);
    run.mutate(parsed.input);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="faits-a-qualifier">
      <h2 id="faits-a-qualifier">Faits à qualifier</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <p className="fr-hint-text">
        Cochez tout ce qui ressort des faits connus. Aucun champ n'est obligatoire à part l'âge, ou à défaut la mention
        d'un âge incertain.
      </p>

      <fieldset className="fr-fieldset" aria-labelledby="age-legend">
        <legend id="age-legend" className="fr-fieldset__legend">
          Âge de la personne au moment des faits
        </legend>
        <div className="fr-fieldset__element">
          <Input
            label="Âge au moment des faits (en années)"
            hintText="Laissez vide si l'âge est inconnu."
            {...fieldState(errors, "ageAtFacts")}
            nativeInputProps={{
              name: "ageAtFacts",
              inputMode: "numeric",
              autoComplete: "off",
              value: state.ageText,
              onChange: (event) => update({ ageText: event.target.value }),
              "aria-invalid": isInvalid(errors, "ageAtFacts"),
            }}
          />
        </div>
        <div className="fr-fieldset__element">
          <Checkbox
            {...fieldState(errors, "ageUncertain")}
            options={[
              {
                label: "L'âge est incertain (présomption de minorité)",
                hintText:
                  "Il existe des raisons de penser que la personne peut être mineure : elle est traitée comme mineure jusqu'à ce que son âge soit établi.",
                nativeInputProps: {
                  name: "ageUncertain",
                  checked: state.ageUncertain,
                  onChange: (event) => update({ ageUncertain: event.target.checked }),
                  "aria-invalid": isInvalid(errors, "ageUncertain") || undefined,
                },
              },
            ]}
          />
        </div>
      </fieldset>
      <GuideAccordion topic="minorRule" />

      <VocabularyCheckboxes
        field="acts"
        legend="Actes (article 225-4-1)"
        hintText="Un seul acte suffit."
        values={ACTS}
        labels={ACT_LABELS}
        selected={state.acts}
        errors={errors}
        onChange={(acts) => update({ acts })}
      />
      <GuideAccordion topic="acts" />

      <VocabularyCheckboxes
        field="means"
        legend="Moyens (article 225-4-1 I, 1° à 4°)"
        hintText={
          minor
            ? "Victime mineure ou présumée mineure : les moyens ne sont pas requis. S'il en existe, cochez-les : ils aggravent l'infraction."
            : "Pour une victime majeure, au moins un moyen est requis. Pour une victime mineure, ils ne sont pas requis."
        }
        values={MEANS}
        labels={MEANS_LABELS}
        selected={state.means}
        errors={errors}
        onChange={(means) => update({ means })}
      />
      <GuideAccordion topic="means" />

      <VocabularyCheckboxes
        field="purposes"
        legend="Finalités d'exploitation (article 225-4-1)"
        values={RECOGNISED_PURPOSES}
        labels={PURPOSE_LABELS}
        selected={state.purposes.filter((purpose) => RECOGNISED_PURPOSES.includes(purpose))}
        errors={errors}
        onChange={(recognised) =>
          update({
            purposes: [...recognised, ...state.purposes.filter((purpose) => PENDING_PURPOSES.includes(purpose))],
          })
        }
      />
      <GuideAccordion topic="purposes" />

      {PENDING_PURPOSES.length > 0 && (
        <>
          <VocabularyCheckboxes
            field="purposes"
            legend="Finalités ajoutées par la directive (UE) 2024/1712"
            hintText={PENDING_NOTE ? `${capitalise(PENDING_NOTE)}.` : undefined}
            values={PENDING_PURPOSES}
            labels={PURPOSE_LABELS}
            selected={state.purposes.filter((purpose) => PENDING_PURPOSES.includes(purpose))}
            errors={NO_ERRORS}
            onChange={(pending) =>
              update({
                purposes: [...state.purposes.filter((purpose) => RECOGNISED_PURPOSES.includes(purpose)), ...pending],
              })
            }
          />
          <GuideAccordion topic="euPurposes" />
        </>
      )}

      <VocabularyCheckboxes
        field="circumstances"
        legend="Circonstances aggravantes (articles 225-4-2 à 225-4-4)"
        hintText="Elles n'aggravent la traite que si ses éléments sont réunis."
        values={CIRCUMSTANCES}
        labels={CIRCUMSTANCE_LABELS}
        selected={state.circumstances}
        errors={errors}
        onChange={(circumstances) => update({ circumstances })}
      />
      <GuideAccordion topic="circumstances" />

      <Input
        label="Date des faits (facultatif)"
        hintText="Les règles applicables dépendent de la date des faits. Sans date, la date du jour est retenue."
        {...fieldState(errors, "factsDate")}
        nativeInputProps={{
          name: "factsDate",
          type: "date",
          value: state.factsDate,
          onChange: (event) => update({ factsDate: event.target.value }),
          "aria-invalid": isInvalid(errors, "factsDate"),
        }}
      />
      <GuideAccordion topic="consent" />

      <Button type="submit" disabled={run.isPending}>
        Qualifier les faits
      </Button>
    </form>
  );
}

import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { AGE_ESTIMATION_METHOD_LABELS, AGE_ESTIMATION_METHODS } from "@shared/cases.ts";
import { memo } from "react";
import type { FormErrors } from "../../components/form-errors.ts";
import { errorAt, fieldStateAt, invalidAt } from "./case-form-errors.ts";
import type { BirthMode, IdentityDraft } from "./case-form-model.ts";
import { vocabularyOptions } from "./case-labels.tsx";

interface IdentityFieldsProps {
  draft: IdentityDraft;
  errors: FormErrors;
  onChange: (draft: IdentityDraft) => void;
  headingLevel?: "h2" | "h3" | "h4";
}

const BIRTH_MODES: { value: BirthMode; label: string }[] = [
  { value: "date", label: "Date de naissance connue" },
  { value: "unknown", label: "Âge inconnu pour l'instant" },
  { value: "estimate", label: "Âge estimé" },
];

/** The identifying part of a case: sealed on the server, never shown in lists. */
// Memoised: the creation form re-renders on every key typed, and this part holds hundreds of options.
export const IdentityFields = memo(function IdentityFields({
  draft,
  errors,
  onChange,
  headingLevel: Heading = "h2",
}: IdentityFieldsProps) {
  const set = <K extends keyof IdentityDraft>(key: K, value: IdentityDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (path: string) => fieldStateAt(errors, `identity.${path}`);
  const native = (key: "surname" | "firstNames" | "birthDate" | "estimatedAge" | "estimatedOn", path: string) => ({
    name: `identity.${path}`,
    value: draft[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
    "aria-invalid": invalidAt(errors, `identity.${path}`),
  });
  const birthError = errors.fields["identity.ageEstimate"];

  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">
        <Heading className="fr-h4 fr-mb-0">Identité</Heading>
        <span className="fr-hint-text">
          Chiffrée, jamais affichée dans les listes ; chaque consultation est enregistrée.
        </span>
      </legend>
      <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
        <Input
          label="Nom"
          {...text("surname")}
          nativeInputProps={{ ...native("surname", "surname"), autoComplete: "off" }}
        />
      </div>
      <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
        <Input
          label="Prénoms (facultatif)"
          {...text("firstNames")}
          nativeInputProps={{ ...native("firstNames", "firstNames"), autoComplete: "off" }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Autres noms ou surnoms (facultatif)"
          hintText="Un par ligne : noms d'usage, pseudonymes sur les réseaux sociaux…"
          textArea
          {...fieldStateAt(errors, "identity.aliases")}
          nativeTextAreaProps={{
            name: "identity.aliases",
            rows: 2,
            value: draft.aliases,
            onChange: (event) => set("aliases", event.target.value),
            "aria-invalid": invalidAt(errors, "identity.aliases"),
          }}
        />
      </div>
      <div className="fr-fieldset__element">
        <RadioButtons
          legend="Âge"
          orientation="horizontal"
          state={birthError ? "error" : "default"}
          stateRelatedMessage={birthError}
          options={BIRTH_MODES.map((mode) => ({
            label: mode.label,
            nativeInputProps: {
              value: mode.value,
              checked: draft.birthMode === mode.value,
              onChange: () => set("birthMode", mode.value),
            },
          }))}
        />
      </div>
      {draft.birthMode === "date" && (
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Date de naissance"
            {...text("birthDate")}
            nativeInputProps={{ ...native("birthDate", "birthDate"), type: "date" }}
          />
        </div>
      )}
      {draft.birthMode === "estimate" && (
        <>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
            <Input
              label="Âge estimé (en années)"
              {...text("ageEstimate.age")}
              nativeInputProps={{
                ...native("estimatedAge", "ageEstimate.age"),
                type: "number",
                min: 0,
                max: 30,
                inputMode: "numeric",
              }}
            />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <Input
              label="Date de l'estimation"
              {...text("ageEstimate.estimatedOn")}
              nativeInputProps={{ ...native("estimatedOn", "ageEstimate.estimatedOn"), type: "date" }}
            />
          </div>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-5">
            <Select
              label="Méthode d'estimation"
              {...fieldStateAt(errors, "identity.ageEstimate.method")}
              nativeSelectProps={{
                name: "identity.ageEstimate.method",
                value: draft.estimationMethod,
                onChange: (event) => set("estimationMethod", event.target.value as IdentityDraft["estimationMethod"]),
                "aria-invalid": invalidAt(errors, "identity.ageEstimate.method"),
              }}
            >
              <option value="" disabled>
                Choisir une méthode
              </option>
              {vocabularyOptions(AGE_ESTIMATION_METHODS, AGE_ESTIMATION_METHOD_LABELS)}
            </Select>
          </div>
        </>
      )}
      <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
        <Input
          label="Téléphones (facultatif)"
          hintText="Un numéro par ligne, ex. 06 12 34 56 78 ou +33 6 12 34 56 78"
          textArea
          {...fieldStateAt(errors, "identity.phones")}
          nativeTextAreaProps={{
            name: "identity.phones",
            rows: 2,
            value: draft.phones,
            onChange: (event) => set("phones", event.target.value),
            "aria-invalid": invalidAt(errors, "identity.phones"),
          }}
        />
      </div>
      <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
        <Input
          label="Adresse du lieu de placement (facultatif)"
          textArea
          {...fieldStateAt(errors, "identity.placementAddress")}
          nativeTextAreaProps={{
            name: "identity.placementAddress",
            rows: 2,
            value: draft.placementAddress,
            onChange: (event) => set("placementAddress", event.target.value),
            "aria-invalid": invalidAt(errors, "identity.placementAddress"),
          }}
        />
      </div>
      {errorAt(errors, "identity") && !hasPlacedIdentityError(errors) && (
        <p className="fr-error-text fr-fieldset__element">{errorAt(errors, "identity")}</p>
      )}
    </fieldset>
  );
});

const PLACED = ["surname", "firstNames", "aliases", "birthDate", "ageEstimate", "phones", "placementAddress"].map(
  (field) => `identity.${field}`,
);

function hasPlacedIdentityError(errors: FormErrors): boolean {
  return Object.keys(errors.fields).some(
    (key) => key.startsWith("identity.") && PLACED.some((p) => key === p || key.startsWith(`${p}.`)),
  );
}

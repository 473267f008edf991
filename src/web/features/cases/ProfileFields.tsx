import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  AGE_ASSESSMENT_STATUS_LABELS,
  AGE_ASSESSMENT_STATUSES,
  ASE_LEGAL_BASES,
  ASE_LEGAL_BASIS_LABELS,
  ASE_PLACEMENT_TYPE_LABELS,
  ASE_PLACEMENT_TYPES,
  CARE_LEAVER_STATUS_LABELS,
  CARE_LEAVER_STATUSES,
  EXPLOITER_RELATIONSHIP_LABELS,
  EXPLOITER_RELATIONSHIPS,
  GENDER_LABELS,
  GENDERS,
  RECRUITMENT_CHANNEL_LABELS,
  RECRUITMENT_CHANNELS,
  SCHOOLING_STATUS_LABELS,
  SCHOOLING_STATUSES,
  VULNERABILITY_FACTOR_LABELS,
  VULNERABILITY_FACTORS,
} from "@shared/cases.ts";
import { memo } from "react";
import { DepartmentOptions } from "../../components/DepartmentOptions.tsx";
import type { FormErrors } from "../../components/form-errors.ts";
import { errorAt, fieldStateAt, invalidAt } from "./case-form-errors.ts";
import type { ProfileDraft } from "./case-form-model.ts";
import { vocabularyOptions } from "./case-labels.tsx";
import { ExploitationRows } from "./ExploitationRows.tsx";
import { NationalitiesField } from "./NationalitiesField.tsx";
import { PlaceRows } from "./PlaceRows.tsx";

interface ProfileFieldsProps {
  draft: ProfileDraft;
  errors: FormErrors;
  onChange: (draft: ProfileDraft) => void;
  /** The heading level of the section titles, so that the outline stays right on each page. */
  headingLevel: "h2" | "h3" | "h4";
}

type ListKey = "vulnerabilityFactors" | "recruitmentChannels" | "exploiterRelationships";

/** The non-identifying profile, shared by the creation form and the profile edit form. */
// Memoised: the creation form re-renders on every key typed, and this part holds hundreds of options.
export const ProfileFields = memo(function ProfileFields({
  draft,
  errors,
  onChange,
  headingLevel: Heading,
}: ProfileFieldsProps) {
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => onChange({ ...draft, [key]: value });
  const select = <K extends keyof ProfileDraft>(key: K, path: string) => ({
    ...fieldStateAt(errors, `profile.${path}`),
    nativeSelectProps: {
      name: `profile.${path}`,
      value: draft[key] as string,
      onChange: (event: { target: { value: string } }) => set(key, event.target.value as ProfileDraft[K]),
      "aria-invalid": invalidAt(errors, `profile.${path}`),
    },
  });

  function checkboxes<T extends string>(key: ListKey, legend: string, codes: readonly T[], labels: Record<T, string>) {
    const selected = draft[key] as readonly string[];
    const error = errorAt(errors, `profile.${key}`);
    return (
      <Checkbox
        legend={legend}
        small
        orientation="horizontal"
        state={error ? "error" : "default"}
        stateRelatedMessage={error}
        options={codes.map((code) => ({
          label: labels[code],
          nativeInputProps: {
            name: `profile.${key}`,
            value: code,
            checked: selected.includes(code),
            "aria-invalid": error !== undefined,
            onChange: (event) =>
              set(
                key,
                (event.target.checked
                  ? [...selected, code]
                  : selected.filter((value) => value !== code)) as ProfileDraft[ListKey],
              ),
          },
        }))}
      />
    );
  }

  return (
    <>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">
          <Heading className="fr-h4 fr-mb-0">Situation</Heading>
        </legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select label="Genre" {...select("gender", "gender")}>
            {vocabularyOptions(GENDERS, GENDER_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Date des premiers faits (facultatif)"
            {...fieldStateAt(errors, "profile.firstFactsOn")}
            nativeInputProps={{
              type: "date",
              name: "profile.firstFactsOn",
              value: draft.firstFactsOn,
              onChange: (event) => set("firstFactsOn", event.target.value),
              "aria-invalid": invalidAt(errors, "profile.firstFactsOn"),
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select label="Scolarité" {...select("schooling", "schooling")}>
            {vocabularyOptions(SCHOOLING_STATUSES, SCHOOLING_STATUS_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <NationalitiesField
            name="profile.nationalities"
            codes={draft.nationalities}
            error={errorAt(errors, "profile.nationalities")}
            onChange={(codes) => set("nationalities", codes)}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Mineur non accompagné : évaluation de minorité"
            hint="Laissez « Non concerné » si le ou la jeune n'est pas un mineur non accompagné."
            {...select("ageAssessmentStatus", "ageAssessmentStatus")}
          >
            <option value="">Non concerné</option>
            {vocabularyOptions(AGE_ASSESSMENT_STATUSES, AGE_ASSESSMENT_STATUS_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Jeune majeur·e sortant de l'ASE"
            hint="Pour les 18 à 21 ans anciennement confiés à l'ASE."
            {...select("careLeaverStatus", "careLeaverStatus")}
          >
            <option value="">Non concerné</option>
            {vocabularyOptions(CARE_LEAVER_STATUSES, CARE_LEAVER_STATUS_LABELS)}
          </Select>
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">
          <Heading className="fr-h4 fr-mb-0">Placement à l'aide sociale à l'enfance</Heading>
          <span className="fr-hint-text">Laissez vide si le ou la jeune n'est pas confié·e à l'ASE.</span>
        </legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select label="Type de placement" {...select("asePlacementType", "asePlacement.type")}>
            <option value="">Pas de placement ASE</option>
            {vocabularyOptions(ASE_PLACEMENT_TYPES, ASE_PLACEMENT_TYPE_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select label="Cadre juridique" {...select("aseLegalBasis", "asePlacement.legalBasis")}>
            <option value="">Non renseigné</option>
            {vocabularyOptions(ASE_LEGAL_BASES, ASE_LEGAL_BASIS_LABELS)}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select label="Département du placement" {...select("aseDepartmentCode", "asePlacement.departmentCode")}>
            <option value="">Non renseigné</option>
            <DepartmentOptions />
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Input
            label="Identifiant Repère de l'établissement d'accueil (facultatif)"
            hintText="Ses éducateurs et éducatrices verront le dossier. Format : identifiant à 36 caractères."
            {...fieldStateAt(errors, "profile.asePlacement.establishmentOrganisationId")}
            nativeInputProps={{
              name: "profile.asePlacement.establishmentOrganisationId",
              autoComplete: "off",
              spellCheck: false,
              value: draft.aseEstablishmentId,
              onChange: (event) => set("aseEstablishmentId", event.target.value),
              "aria-invalid": invalidAt(errors, "profile.asePlacement.establishmentOrganisationId"),
            }}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">
          <Heading className="fr-h4 fr-mb-0">Vulnérabilités et recrutement</Heading>
        </legend>
        <div className="fr-fieldset__element">
          {checkboxes(
            "vulnerabilityFactors",
            "Facteurs de vulnérabilité",
            VULNERABILITY_FACTORS,
            VULNERABILITY_FACTOR_LABELS,
          )}
        </div>
        <div className="fr-fieldset__element">
          {checkboxes("recruitmentChannels", "Canaux de recrutement", RECRUITMENT_CHANNELS, RECRUITMENT_CHANNEL_LABELS)}
        </div>
        <div className="fr-fieldset__element">
          {checkboxes(
            "exploiterRelationships",
            "Lien avec les exploiteurs",
            EXPLOITER_RELATIONSHIPS,
            EXPLOITER_RELATIONSHIP_LABELS,
          )}
        </div>
      </fieldset>

      <ExploitationRows
        rows={draft.exploitations}
        errors={errors}
        headingLevel={Heading}
        onChange={(rows) => set("exploitations", rows)}
      />
      <PlaceRows rows={draft.places} errors={errors} headingLevel={Heading} onChange={(rows) => set("places", rows)} />
    </>
  );
});

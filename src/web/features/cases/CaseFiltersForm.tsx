import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  AGE_ASSESSMENT_STATUS_LABELS,
  AGE_ASSESSMENT_STATUSES,
  AGE_BAND_LABELS,
  AGE_BANDS,
  ASE_PLACEMENT_TYPE_LABELS,
  ASE_PLACEMENT_TYPES,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CaseListQuery,
  EXPLOITATION_FAMILIES,
  EXPLOITATION_FAMILY_LABELS,
  GENDER_LABELS,
  GENDERS,
  VICTIM_STATUS_LABELS,
  VICTIM_STATUSES,
} from "@shared/cases.ts";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import type { CaseListFilters } from "../../api.ts";
import { DepartmentOptions } from "../../components/DepartmentOptions.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "./case-form-errors.ts";
import { vocabularyOptions } from "./case-labels.tsx";

type SelectFilter =
  | "status"
  | "departmentCode"
  | "exploitationFamily"
  | "victimStatus"
  | "gender"
  | "ageBand"
  | "ageAssessmentStatus"
  | "asePlacementType";
type TextFilter = "number" | "name" | "birthDate";
type Draft = Record<SelectFilter | TextFilter, string> & { assignedToMe: boolean };

const EMPTY: Draft = {
  status: "",
  departmentCode: "",
  exploitationFamily: "",
  victimStatus: "",
  gender: "",
  ageBand: "",
  ageAssessmentStatus: "",
  asePlacementType: "",
  number: "",
  name: "",
  birthDate: "",
  assignedToMe: false,
};

function draftOf(filters: CaseListFilters): Draft {
  const draft = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as (keyof Draft)[]) {
    const value = filters[key as keyof CaseListFilters];
    if (typeof value === "string" && key !== "assignedToMe") draft[key] = value;
  }
  return { ...draft, assignedToMe: filters.assignedTo === "me" };
}

interface CaseFiltersFormProps {
  initial: CaseListFilters;
  onApply: (filters: CaseListFilters) => void;
}

/** Filters on the profile, and searches by number or by name and birth date (matched on the server's blind index). */
export function CaseFiltersForm({ initial, onApply }: CaseFiltersFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (key: keyof Draft, value: string | boolean) => setDraft((current) => ({ ...current, [key]: value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const { assignedToMe, ...rest } = draft;
    const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value.trim() !== ""));
    const filters = { ...given, ...(assignedToMe ? { assignedTo: "me" } : {}) };
    const parsed = CaseListQuery.safeParse(filters);
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    onApply(filters as CaseListFilters);
  }

  function handleReset() {
    setDraft(EMPTY);
    setErrors(NO_ERRORS);
    onApply({});
  }

  const select = (key: SelectFilter, label: string, all: string, options: ReactNode) => (
    <div className="fr-fieldset__element fr-col-12 fr-col-sm-6 fr-col-lg-3">
      <Select
        label={label}
        nativeSelectProps={{ name: key, value: draft[key], onChange: (event) => set(key, event.target.value) }}
      >
        <option value="">{all}</option>
        {options}
      </Select>
    </div>
  );
  const text = (key: TextFilter, label: string, hint: string, type: "search" | "date") => (
    <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
      <Input
        label={label}
        hintText={hint}
        {...fieldStateAt(errors, key)}
        nativeInputProps={{
          type,
          name: key,
          autoComplete: "off",
          value: draft[key],
          onChange: (event) => set(key, event.target.value),
          "aria-invalid": invalidAt(errors, key),
        }}
      />
    </div>
  );

  return (
    <form ref={formRef} onSubmit={handleSubmit} className="fr-mb-3w" noValidate>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--bold">Rechercher un dossier</legend>
        {text("number", "Numéro de dossier", "Tout ou début du numéro, ex. 93-2026", "search")}
        {text("name", "Nom ou prénom", "Nom exact, sans faute : la recherche ne lit jamais les identités", "search")}
        {text("birthDate", "Date de naissance", "Date exacte", "date")}
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--bold">Filtrer</legend>
        {select("status", "Statut", "Tous", vocabularyOptions(CASE_STATUSES, CASE_STATUS_LABELS))}
        {select("departmentCode", "Département", "Tous les départements", <DepartmentOptions />)}
        {select(
          "exploitationFamily",
          "Forme d'exploitation",
          "Toutes",
          vocabularyOptions(EXPLOITATION_FAMILIES, EXPLOITATION_FAMILY_LABELS),
        )}
        {select("victimStatus", "Statut de victime", "Tous", vocabularyOptions(VICTIM_STATUSES, VICTIM_STATUS_LABELS))}
        {select("gender", "Genre", "Tous", vocabularyOptions(GENDERS, GENDER_LABELS))}
        {select("ageBand", "Âge", "Tous les âges", vocabularyOptions(AGE_BANDS, AGE_BAND_LABELS))}
        {select(
          "asePlacementType",
          "Placement ASE",
          "Tous",
          vocabularyOptions(ASE_PLACEMENT_TYPES, ASE_PLACEMENT_TYPE_LABELS),
        )}
        {select(
          "ageAssessmentStatus",
          "Mineur non accompagné",
          "Tous",
          vocabularyOptions(AGE_ASSESSMENT_STATUSES, AGE_ASSESSMENT_STATUS_LABELS),
        )}
        <div className="fr-fieldset__element">
          <Checkbox
            small
            options={[
              {
                label: "Seulement les dossiers dont je suis référent·e",
                nativeInputProps: {
                  name: "assignedToMe",
                  checked: draft.assignedToMe,
                  onChange: (event) => set("assignedToMe", event.target.checked),
                },
              },
            ]}
          />
        </div>
        <div className="fr-fieldset__element">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-btns-group--sm">
            <li>
              <Button type="submit" iconId="fr-icon-search-line">
                Rechercher
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={handleReset}>
                Effacer les filtres
              </Button>
            </li>
          </ul>
        </div>
      </fieldset>
    </form>
  );
}

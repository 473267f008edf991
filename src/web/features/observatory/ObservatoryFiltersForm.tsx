import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  categoriesOf,
  categoryLabel,
  OBSERVATORY_DIMENSION_LABELS,
  VICTIM_STATUS_BASES,
  VICTIM_STATUS_BASIS_LABELS,
} from "@shared/observatory.ts";
import { type FormEvent, useRef, useState } from "react";
import { type DashboardFilters, FILTER_DIMENSIONS, yearOptions } from "./dashboard-filters.ts";

const BASIS_REQUIRED =
  "Choisissez le statut de victime compté : les niveaux ne s'additionnent pas, un tableau n'en compte qu'un.";

function YearOptions({ years }: { years: number[] }) {
  return years.map((year) => (
    <option key={year} value={year}>
      {year}
    </option>
  ));
}

export interface ObservatoryFiltersFormProps {
  value: DashboardFilters;
  onSubmit: (filters: DashboardFilters) => void;
}

/** The filters every chart of a dashboard shares; the victim-status basis has no default, the user picks it. */
export function ObservatoryFiltersForm({ value, onSubmit }: ObservatoryFiltersFormProps) {
  const [draft, setDraft] = useState(value);
  const [basisError, setBasisError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const years = yearOptions();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.basis) {
      setBasisError(BASIS_REQUIRED);
      formRef.current?.querySelector<HTMLInputElement>("input[name='basis']")?.focus();
      return;
    }
    setBasisError(undefined);
    onSubmit({ ...draft, from: Math.min(draft.from, draft.to), to: Math.max(draft.from, draft.to) });
  }

  const setCategory = (dimension: (typeof FILTER_DIMENSIONS)[number], code: string) =>
    setDraft((current) => ({ ...current, categories: { ...current.categories, [dimension]: code || undefined } }));

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-mb-4w fr-background-alt--grey">
      <RadioButtons
        legend="Statut de victime compté"
        hintText="Obligatoire. Chaque niveau compte les personnes qui l'ont atteint au moins."
        name="basis"
        state={basisError ? "error" : "default"}
        stateRelatedMessage={basisError}
        options={VICTIM_STATUS_BASES.map((basis) => ({
          label: VICTIM_STATUS_BASIS_LABELS[basis],
          nativeInputProps: {
            value: basis,
            checked: draft.basis === basis,
            onChange: () => setDraft((current) => ({ ...current, basis })),
          },
        }))}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-6 fr-col-md-3">
          <Select
            label="Année de début"
            nativeSelectProps={{
              value: String(draft.from),
              onChange: (event) => setDraft((current) => ({ ...current, from: Number(event.target.value) })),
            }}
          >
            <YearOptions years={years} />
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Select
            label="Année de fin"
            nativeSelectProps={{
              value: String(draft.to),
              onChange: (event) => setDraft((current) => ({ ...current, to: Number(event.target.value) })),
            }}
          >
            <YearOptions years={years} />
          </Select>
        </div>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        {FILTER_DIMENSIONS.map((dimension) => (
          <div key={dimension} className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Select
              label={OBSERVATORY_DIMENSION_LABELS[dimension]}
              nativeSelectProps={{
                value: draft.categories[dimension] ?? "",
                onChange: (event) => setCategory(dimension, event.target.value),
              }}
            >
              <option value="">Toutes</option>
              {categoriesOf(dimension).map((code) => (
                <option key={code} value={code}>
                  {categoryLabel(dimension, code)}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </div>
      <Button type="submit" iconId="fr-icon-filter-line" className="fr-mt-2w">
        Afficher
      </Button>
    </form>
  );
}

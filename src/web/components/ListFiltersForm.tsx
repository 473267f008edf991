import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import type { ListFilters } from "../api.ts";
import { DepartmentOptions } from "./DepartmentOptions.tsx";

interface ListFiltersFormProps {
  legend: string;
  searchLabel: string;
  initial: ListFilters;
  /** When given, the list can also be narrowed to one organisation. */
  organisations?: { id: string; name: string }[];
  onApply: (filters: ListFilters) => void;
}

/** The search box and département filter above the administration lists; applied on submit, not on each key. */
export function ListFiltersForm({ legend, searchLabel, initial, organisations, onApply }: ListFiltersFormProps) {
  const [q, setQ] = useState(initial.q ?? "");
  const [departmentCode, setDepartmentCode] = useState(initial.departmentCode ?? "");
  const [organisationId, setOrganisationId] = useState(initial.organisationId ?? "");

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    onApply({
      q: q.trim() || undefined,
      departmentCode: departmentCode || undefined,
      organisationId: organisationId || undefined,
    });
  }

  function handleReset() {
    setQ("");
    setDepartmentCode("");
    setOrganisationId("");
    onApply({});
  }

  return (
    <form onSubmit={handleSubmit} className="fr-mb-3w">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--bold">{legend}</legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label={searchLabel}
            nativeInputProps={{ type: "search", name: "q", value: q, onChange: (event) => setQ(event.target.value) }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select
            label="Département"
            nativeSelectProps={{
              name: "departmentCode",
              value: departmentCode,
              onChange: (event) => setDepartmentCode(event.target.value),
            }}
          >
            <option value="">Tous les départements</option>
            <DepartmentOptions />
          </Select>
        </div>
        {organisations && (
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <Select
              label="Organisation"
              nativeSelectProps={{
                name: "organisationId",
                value: organisationId,
                onChange: (event) => setOrganisationId(event.target.value),
              }}
            >
              <option value="">Toutes les organisations</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-fieldset__element">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-btns-group--sm">
            <li>
              <Button type="submit" iconId="fr-icon-search-line">
                Filtrer
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

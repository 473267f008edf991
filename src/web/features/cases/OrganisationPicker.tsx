import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { departmentLabel } from "@shared/departments.ts";
import { DIRECTORY_PAGE_SIZE, type DirectoryOrganisation } from "@shared/directory.ts";
import type { OrganisationType } from "@shared/roles.ts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useId, useState } from "react";
import { directoryApi } from "../../api.ts";
import { organisationTypeLabel } from "./case-labels.tsx";

interface OrganisationPickerProps {
  /** The select's label, e.g. "Organisation destinataire". */
  label: string;
  name: string;
  value: string;
  onChange: (organisationId: string) => void;
  /** Kinds of organisation that may be chosen; all by default. */
  types?: readonly OrganisationType[];
  /** Never offered (the case's own organisation). */
  excludeId?: string;
  error?: string;
}

export const organisationOptionLabel = (o: DirectoryOrganisation) =>
  `${o.name} — ${organisationTypeLabel(o.type)}${o.departmentCode ? ` (${departmentLabel(o.departmentCode)})` : ""}`;

/**
 * Picks an organisation from the directory: a search box narrows by name, a native select lists the matches (what
 * screen readers and keyboards handle best). A chosen organisation stays listed while the search changes.
 */
export function OrganisationPicker({ label, name, value, onChange, types, excludeId, error }: OrganisationPickerProps) {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const [chosen, setChosen] = useState<DirectoryOrganisation | null>(null);
  const statusId = useId();
  const found = useQuery({
    queryKey: ["directory", "organisations", q],
    queryFn: () => directoryApi.listOrganisations(q ? { q } : {}),
    placeholderData: keepPreviousData,
  });
  const matches = (found.data ?? []).filter((o) => o.id !== excludeId && (!types || types.includes(o.type)));
  const options =
    chosen && chosen.id === value && !matches.some((o) => o.id === value) ? [chosen, ...matches] : matches;

  const status = found.isError
    ? "L'annuaire est indisponible pour le moment."
    : found.isPending
      ? "Recherche en cours…"
      : matches.length === 0
        ? "Aucune organisation ne correspond."
        : `${matches.length} organisation${matches.length > 1 ? "s" : ""} trouvée${matches.length > 1 ? "s" : ""}` +
          ((found.data?.length ?? 0) >= DIRECTORY_PAGE_SIZE ? " (précisez la recherche pour en voir d'autres)." : ".");

  return (
    <>
      <Input
        label={`${label} : rechercher par nom`}
        hintText="Quelques lettres du nom suffisent."
        nativeInputProps={{
          type: "search",
          name: `${name}Search`,
          autoComplete: "off",
          value: search,
          onChange: (event) => setSearch(event.target.value),
          "aria-controls": `${name}-select`,
        }}
      />
      <p id={statusId} className="fr-text--sm fr-mb-1w" aria-live="polite">
        {status}
      </p>
      <Select
        label={label}
        {...(error ? { state: "error" as const, stateRelatedMessage: error } : {})}
        nativeSelectProps={{
          id: `${name}-select`,
          name,
          value,
          "aria-invalid": error !== undefined,
          "aria-describedby": statusId,
          onChange: (event) => {
            setChosen(options.find((o) => o.id === event.target.value) ?? null);
            onChange(event.target.value);
          },
        }}
      >
        <option value="" disabled>
          Choisir une organisation
        </option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {organisationOptionLabel(o)}
          </option>
        ))}
      </Select>
    </>
  );
}

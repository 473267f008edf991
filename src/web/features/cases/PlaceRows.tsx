import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { PLACE_TYPE_LABELS, PLACE_TYPES, type PlaceType } from "@shared/cases.ts";
import type { FormErrors } from "../../components/form-errors.ts";
import { fieldStateAt, invalidAt } from "./case-form-errors.ts";
import { newPlaceRow, type PlaceRow } from "./case-form-model.ts";
import { vocabularyOptions } from "./case-labels.tsx";
import { RepeatableRows } from "./RepeatableRows.tsx";

interface PlaceRowsProps {
  rows: PlaceRow[];
  errors: FormErrors;
  headingLevel: "h2" | "h3" | "h4";
  onChange: (rows: PlaceRow[]) => void;
}

const MAX_ROWS = 50;

/** Places of exploitation, by INSEE commune code: precise enough for the observatory, never an address. */
export function PlaceRows({ rows, errors, headingLevel, onChange }: PlaceRowsProps) {
  return (
    <RepeatableRows
      rows={rows}
      heading="Lieux d'exploitation"
      headingLevel={headingLevel}
      emptyText="Aucun lieu renseigné."
      listError={errors.fields["profile.places"]}
      maxRows={MAX_ROWS}
      newRow={newPlaceRow}
      legend={(index) => `Lieu ${index + 1}`}
      removeLabel={(index) => `le lieu ${index + 1}`}
      addLabel="Ajouter un lieu"
      onChange={onChange}
      renderFields={(row, index, update) => {
        const path = `profile.places.${index}`;
        return (
          <>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
              <Input
                label="Code commune INSEE"
                hintText="5 caractères, ex. 93066 (Saint-Denis)"
                {...fieldStateAt(errors, `${path}.communeCode`)}
                nativeInputProps={{
                  name: `${path}.communeCode`,
                  autoComplete: "off",
                  spellCheck: false,
                  maxLength: 5,
                  value: row.communeCode,
                  onChange: (event) => update({ communeCode: event.target.value }),
                  "aria-invalid": invalidAt(errors, `${path}.communeCode`),
                }}
              />
            </div>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
              <Select
                label="Type de lieu"
                {...fieldStateAt(errors, `${path}.type`)}
                nativeSelectProps={{
                  name: `${path}.type`,
                  value: row.type,
                  onChange: (event) => update({ type: event.target.value as PlaceType }),
                  "aria-invalid": invalidAt(errors, `${path}.type`),
                }}
              >
                <option value="" disabled>
                  Choisir un type
                </option>
                {vocabularyOptions(PLACE_TYPES, PLACE_TYPE_LABELS)}
              </Select>
            </div>
          </>
        );
      }}
    />
  );
}

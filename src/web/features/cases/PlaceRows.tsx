import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { PLACE_TYPE_LABELS, PLACE_TYPES, type PlaceType } from "@shared/cases.ts";
import type { FormErrors } from "../../components/form-errors.ts";
import { fieldStateAt, invalidAt } from "./case-form-errors.ts";
import { newPlaceRow, type PlaceRow } from "./case-form-model.ts";
import { vocabularyOptions } from "./case-labels.tsx";
import { useRowFocus } from "./use-row-focus.ts";

interface PlaceRowsProps {
  rows: PlaceRow[];
  errors: FormErrors;
  headingLevel: "h2" | "h3" | "h4";
  onChange: (rows: PlaceRow[]) => void;
}

const MAX_ROWS = 50;

/** Places of exploitation, by INSEE commune code: precise enough for the observatory, never an address. */
export function PlaceRows({ rows, errors, headingLevel: Heading, onChange }: PlaceRowsProps) {
  const { containerRef, addButtonRef, focusRow, focusAddButton } = useRowFocus();
  const listError = errors.fields["profile.places"];

  function update(key: string, change: Partial<PlaceRow>) {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function add() {
    const row = newPlaceRow();
    onChange([...rows, row]);
    focusRow(row.key);
  }

  function remove(key: string) {
    onChange(rows.filter((row) => row.key !== key));
    focusAddButton();
  }

  return (
    <section ref={containerRef} className="fr-mb-4w">
      <Heading className="fr-h4">Lieux d'exploitation</Heading>
      {rows.length === 0 && <p className="fr-hint-text">Aucun lieu renseigné.</p>}
      {listError && <p className="fr-error-text">{listError}</p>}
      {rows.map((row, index) => {
        const path = `profile.places.${index}`;
        return (
          <fieldset
            key={row.key}
            data-row-key={row.key}
            className="fr-fieldset fr-p-2w fr-mb-2w fr-background-alt--grey"
          >
            <legend className="fr-fieldset__legend fr-text--bold">Lieu {index + 1}</legend>
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
                  onChange: (event) => update(row.key, { communeCode: event.target.value }),
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
                  onChange: (event) => update(row.key, { type: event.target.value as PlaceType }),
                  "aria-invalid": invalidAt(errors, `${path}.type`),
                }}
              >
                <option value="" disabled>
                  Choisir un type
                </option>
                {vocabularyOptions(PLACE_TYPES, PLACE_TYPE_LABELS)}
              </Select>
            </div>
            <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
              <Button
                type="button"
                priority="tertiary"
                size="small"
                iconId="fr-icon-delete-line"
                className="fr-mt-md-4w"
                onClick={() => remove(row.key)}
              >
                Retirer<span className="fr-sr-only"> le lieu {index + 1}</span>
              </Button>
            </div>
          </fieldset>
        );
      })}
      {rows.length < MAX_ROWS && (
        <Button ref={addButtonRef} type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add}>
          Ajouter un lieu
        </Button>
      )}
    </section>
  );
}

import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { countryLabel } from "@shared/cases.ts";
import countries from "i18n-iso-countries";
import { type KeyboardEvent, useId, useMemo, useState } from "react";

interface NationalitiesFieldProps {
  name: string;
  codes: string[];
  error?: string;
  onChange: (codes: string[]) => void;
}

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .toLowerCase();

/** French country names (the locale is registered by @shared/cases), sorted for the suggestion list. */
function countryChoices(): { code: string; name: string }[] {
  return Object.entries(countries.getNames("fr", { select: "official" }))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** Nationalities chosen by typing a French country name: the browser's suggestion list narrows as one types. */
export function NationalitiesField({ name, codes, error, onChange }: NationalitiesFieldProps) {
  const listId = useId();
  const choices = useMemo(countryChoices, []);
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string>();
  const message = typedError ?? error;

  function add() {
    const wanted = fold(typed);
    if (wanted === "") return;
    const match = choices.find((choice) => fold(choice.name) === wanted || choice.code.toLowerCase() === wanted);
    if (!match) {
      setTypedError("Pays inconnu : choisissez un nom dans la liste proposée.");
      return;
    }
    setTypedError(undefined);
    setTyped("");
    if (!codes.includes(match.code)) onChange([...codes, match.code]);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the country instead of submitting the whole case form.
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  }

  return (
    <div className="fr-mb-3w">
      <div className="fr-grid-row fr-grid-row--bottom fr-grid-row--gutters">
        <div className="fr-col">
          <Input
            label="Nationalités (facultatif)"
            hintText="Tapez le nom d'un pays en français puis « Ajouter ». Cinq au plus."
            className="fr-mb-0"
            {...(message ? { state: "error" as const, stateRelatedMessage: message } : {})}
            nativeInputProps={{
              name,
              list: listId,
              autoComplete: "off",
              value: typed,
              onChange: (event) => setTyped(event.target.value),
              onKeyDown: handleKeyDown,
              "aria-invalid": message !== undefined,
            }}
          />
          <datalist id={listId}>
            {choices.map((choice) => (
              <option key={choice.code} value={choice.name} />
            ))}
          </datalist>
        </div>
        <div className="fr-col-auto">
          <Button type="button" priority="secondary" onClick={add}>
            Ajouter<span className="fr-sr-only"> la nationalité</span>
          </Button>
        </div>
      </div>
      {codes.length > 0 && (
        <ul className="fr-tags-group fr-mt-1w" aria-label="Nationalités choisies">
          {codes.map((code) => (
            <li key={code}>
              <Tag
                dismissible
                nativeButtonProps={{
                  type: "button",
                  title: `Retirer ${countryLabel(code)}`,
                  "aria-label": `Retirer ${countryLabel(code)}`,
                  onClick: () => onChange(codes.filter((value) => value !== code)),
                }}
              >
                {countryLabel(code)}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

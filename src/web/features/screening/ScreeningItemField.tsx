import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { GridItem } from "@shared/screening/grid-definition.ts";
import { ITEM_VALUES, SOURCE_TYPE_LABELS, SOURCE_TYPES, type SourceType } from "@shared/screening/screening-levels.ts";
import { memo, useId, useState } from "react";
import { type FormErrors, fieldState, isInvalid } from "../../components/form-errors.ts";
import { type AnswerDraft, answerField, ITEM_VALUE_LABELS, isScored, itemValueFromInput } from "./screening-form.ts";

interface ScreeningItemFieldProps {
  item: GridItem;
  draft: AnswerDraft | undefined;
  errors: FormErrors;
  onChange: (itemId: string, draft: AnswerDraft) => void;
}

const NO_DRAFT = { sourceType: "", date: "" } as const;

/** One indicator: its 0 / 1 / 2 / unknown scale, and the source and date the grid demands for a 1 or a 2. */
export const ScreeningItemField = memo(function ScreeningItemField({
  item,
  draft,
  errors,
  onChange,
}: ScreeningItemFieldProps) {
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const helpId = useId();
  const sourceField = answerField(item.id, "sourceType");
  const dateField = answerField(item.id, "date");
  const current = draft ?? { ...NO_DRAFT, value: undefined };

  return (
    <div className="fr-pb-2w fr-mb-3w" style={{ borderBottom: "1px solid var(--border-default-grey)" }}>
      <RadioButtons
        legend={
          <>
            <strong>{item.id}.</strong> {item.label}
          </>
        }
        name={`item-${item.id}`}
        orientation="horizontal"
        small
        {...fieldState(errors, answerField(item.id, "value"))}
        options={ITEM_VALUES.map((value) => ({
          label: ITEM_VALUE_LABELS[String(value)],
          nativeInputProps: {
            value: String(value),
            checked: current.value === value,
            onChange: (event) =>
              onChange(item.id, { ...NO_DRAFT, ...draft, value: itemValueFromInput(event.target.value) }),
          },
        }))}
      />
      <Button
        type="button"
        priority="tertiary no outline"
        size="small"
        iconId="fr-icon-question-line"
        iconPosition="left"
        nativeButtonProps={{ "aria-expanded": isHelpOpen, "aria-controls": helpId }}
        onClick={() => setIsHelpOpen((open) => !open)}
      >
        Aide<span className="fr-sr-only"> pour l'item {item.id}</span>
      </Button>
      <p id={helpId} hidden={!isHelpOpen} className="fr-text--sm fr-mt-1w fr-mb-0">
        {item.guide}
      </p>

      {draft !== undefined && isScored(draft.value) && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={
                <>
                  Source de l'information<span className="fr-sr-only"> (item {item.id})</span>
                </>
              }
              {...fieldState(errors, sourceField)}
              nativeSelectProps={{
                name: sourceField,
                value: draft.sourceType,
                onChange: (event) =>
                  onChange(item.id, {
                    ...draft,
                    sourceType: SOURCE_TYPES.find((type) => type === event.target.value) ?? "",
                  }),
                "aria-invalid": isInvalid(errors, sourceField),
              }}
            >
              <option value="" disabled>
                Choisir une source
              </option>
              {SOURCE_TYPES.map((type: SourceType) => (
                <option key={type} value={type}>
                  {SOURCE_TYPE_LABELS[type]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={
                <>
                  Date de l'observation ou de l'information<span className="fr-sr-only"> (item {item.id})</span>
                </>
              }
              {...fieldState(errors, dateField)}
              nativeInputProps={{
                name: dateField,
                type: "date",
                value: draft.date,
                onChange: (event) => onChange(item.id, { ...draft, date: event.target.value }),
                "aria-invalid": isInvalid(errors, dateField),
              }}
            />
          </div>
        </div>
      )}
    </div>
  );
});

import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { useRowFocus } from "./use-row-focus.ts";

interface RepeatableRowsProps<Row extends { key: string }> {
  rows: Row[];
  heading: string;
  headingLevel: "h2" | "h3" | "h4";
  /** Hint shown while there is no row. */
  emptyText: string;
  /** Error about the list as a whole rather than one of its rows. */
  listError: string | undefined;
  /** The "add" button disappears once the list holds this many rows. */
  maxRows: number;
  newRow: () => Row;
  /** Legend of the row at `index`, e.g. "Lieu 1". */
  legend: (index: number) => string;
  /** Names the row at `index` for screen readers after "Retirer", e.g. "le lieu 1". */
  removeLabel: (index: number) => string;
  addLabel: string;
  onChange: (rows: Row[]) => void;
  /** The row's fields, each in its own `fr-fieldset__element`; `update` merges a change into this row. */
  renderFields: (row: Row, index: number, update: (change: Partial<Row>) => void) => ReactNode;
  /** Shown after the "Retirer" button, still inside the row's fieldset. */
  renderFooter?: (row: Row, index: number) => ReactNode;
}

/** A list of rows the user adds and removes, one DSFR fieldset each, keeping the keyboard focus in place. */
export function RepeatableRows<Row extends { key: string }>({
  rows,
  heading,
  headingLevel: Heading,
  emptyText,
  listError,
  maxRows,
  newRow,
  legend,
  removeLabel,
  addLabel,
  onChange,
  renderFields,
  renderFooter,
}: RepeatableRowsProps<Row>) {
  const { containerRef, addButtonRef, focusRow, focusAddButton } = useRowFocus();

  function update(key: string, change: Partial<Row>) {
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  function add() {
    const row = newRow();
    onChange([...rows, row]);
    focusRow(row.key);
  }

  function remove(key: string) {
    onChange(rows.filter((row) => row.key !== key));
    focusAddButton();
  }

  return (
    <section ref={containerRef} className="fr-mb-4w">
      <Heading className="fr-h4">{heading}</Heading>
      {rows.length === 0 && <p className="fr-hint-text">{emptyText}</p>}
      {listError && <p className="fr-error-text">{listError}</p>}
      {rows.map((row, index) => (
        <fieldset key={row.key} data-row-key={row.key} className="fr-fieldset fr-p-2w fr-mb-2w fr-background-alt--grey">
          <legend className="fr-fieldset__legend fr-text--bold">{legend(index)}</legend>
          {renderFields(row, index, (change) => update(row.key, change))}
          <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-delete-line"
              className="fr-mt-md-4w"
              onClick={() => remove(row.key)}
            >
              Retirer<span className="fr-sr-only"> {removeLabel(index)}</span>
            </Button>
          </div>
          {renderFooter?.(row, index)}
        </fieldset>
      ))}
      {rows.length < maxRows && (
        <Button ref={addButtonRef} type="button" priority="secondary" iconId="fr-icon-add-line" onClick={add}>
          {addLabel}
        </Button>
      )}
    </section>
  );
}

import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import type { ObservatoryCategoryView, ObservatoryTable } from "@shared/observatory.ts";
import type { ReactNode } from "react";
import { TableNotes } from "./TableNotes.tsx";
import { cellFinder, displaysOf } from "./table-cells.ts";

export interface ProtectedTableProps {
  table: ObservatoryTable;
  /** Replaces the table's title in the caption (the chart's title, for a table alternative). */
  caption?: string;
  /** Renders a first-dimension row header, e.g. as a link to that département's dashboard. */
  renderRowHeader?: (category: ObservatoryCategoryView) => ReactNode;
  /** A long table (the 101 départements) folds into an accordion; its notes stay in view. */
  collapsedLabel?: string;
}

function periodOf(table: ObservatoryTable): string {
  const { from, to } = table.query;
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * A protected table as the API publishes it: cells show the API's display ("< 11", "s"…) verbatim, never a value
 * computed here, and the notes that make the figures readable come with it.
 */
export function ProtectedTable({ table, caption, renderRowHeader, collapsedLabel }: ProtectedTableProps) {
  const find = cellFinder(table);
  const [rows, columns, ...rest] = table.dimensions;
  const rowHeader = (category: ObservatoryCategoryView) => renderRowHeader?.(category) ?? category.label;

  let head: ReactNode;
  let body: ReactNode;
  if (rows && !columns) {
    head = (
      <tr>
        <th scope="col">{rows.label}</th>
        <th scope="col">{table.measureLabel}</th>
      </tr>
    );
    body = (
      <>
        {rows.categories.map((category) => (
          <tr key={category.code}>
            <th scope="row">{rowHeader(category)}</th>
            <td>{find([category.code])?.display ?? "n.d."}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total</th>
          <td>{table.grandTotal.display}</td>
        </tr>
      </>
    );
  } else if (rows && columns && rest.length === 0) {
    head = (
      <tr>
        <th scope="col">
          {rows.label} / {columns.label}
        </th>
        {columns.categories.map((column) => (
          <th key={column.code} scope="col">
            {column.label}
          </th>
        ))}
        <th scope="col">Total</th>
      </tr>
    );
    body = [...rows.categories, null].map((row) => (
      <tr key={row?.code ?? "total"}>
        <th scope="row">{row ? rowHeader(row) : "Total"}</th>
        {[...columns.categories, null].map((column) => (
          <td key={column?.code ?? "total"}>{find([row?.code ?? null, column?.code ?? null])?.display ?? "n.d."}</td>
        ))}
      </tr>
    ));
  } else {
    head = (
      <tr>
        {table.dimensions.map((dimension) => (
          <th key={dimension.name} scope="col">
            {dimension.label}
          </th>
        ))}
        <th scope="col">{table.measureLabel}</th>
      </tr>
    );
    const labels = table.dimensions.map((dimension) => new Map(dimension.categories.map((c) => [c.code, c.label])));
    body = [...table.cells.filter((cell) => !cell.isTotal), table.grandTotal].map((cell) => (
      <tr key={cell.categories.map((code) => code ?? "total").join("|")}>
        {cell.categories.map((code, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a cell's categories have a fixed order, one per dimension.
          <td key={index}>{code === null ? "Total" : (labels[index]?.get(code) ?? code)}</td>
        ))}
        <td>{cell.display}</td>
      </tr>
    ));
  }

  const grid = (
    <div className="fr-table fr-table--bordered fr-mb-1w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>
                {caption ?? table.title}
                <span className="fr-hint-text">
                  {table.measureLabel}, {periodOf(table)}. {table.basisLabel}.
                </span>
              </caption>
              <thead>{head}</thead>
              <tbody>{body}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
  return (
    <>
      {collapsedLabel ? (
        <Accordion label={collapsedLabel} titleAs="h4" className="fr-mb-2w">
          {grid}
        </Accordion>
      ) : (
        grid
      )}
      <TableNotes
        note={table.note}
        countingRule={table.countingRule}
        isSynthetic={table.isSynthetic}
        syntheticLabel={table.syntheticLabel}
        suppressedCount={table.suppressedCount}
        displays={displaysOf(table)}
      />
    </>
  );
}

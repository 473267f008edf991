import { lazyPackage } from "../../lazy-package.ts";

const loadXlsx = lazyPackage<typeof import("@e965/xlsx")>("@e965/xlsx");

import {
  categoryLabel,
  OBSERVATORY_DIMENSION_LABELS,
  type ObservatoryDimension,
  type ObservatoryTable,
} from "@shared/observatory.ts";

type Row = (string | number | null)[];

const STATUS_LABELS: Record<string, string> = {
  published: "publié",
  structural_zero: "zéro structurel",
  primary: "masqué (moins de 11)",
  secondary: "masqué (« s »)",
  rounded: "arrondi",
  withheld: "non diffusé",
};

/** The categories a table is restricted to, in French: its title names only the split and the period. */
export function filtersText(table: ObservatoryTable): string {
  const parts = Object.entries(table.query.filters)
    .filter((entry): entry is [ObservatoryDimension, string[]] => (entry[1]?.length ?? 0) > 0)
    .map(
      ([name, values]) =>
        `${OBSERVATORY_DIMENSION_LABELS[name]} : ${values.map((value) => categoryLabel(name, value)).join(", ")}`,
    );
  return parts.length > 0 ? parts.join(" ; ") : "aucun (France entière, toutes catégories)";
}

/** How many cells the disclosure control hid, and why: stated on every table, as on screen. */
export function suppressionText(table: ObservatoryTable): string {
  const { total, primary, secondary } = table.suppressedCount;
  if (total === 0) return "aucune";
  if (primary === 0) return `${total} (« s » : petits effectifs et secret secondaire confondus)`;
  return `${total} (${primary} petit${primary > 1 ? "s" : ""} effectif${primary > 1 ? "s" : ""}, ${secondary} par secret secondaire)`;
}

/**
 * A protected table as rows: what it is (title, synthetic label, filters, hidden cells, counting rule, secret
 * statistique note), then one line per cell and margin. Only published values leave: hidden cells carry their label
 * ("< 11", "s"), never a count.
 */
export function tableRows(table: ObservatoryTable): Row[] {
  const rows: Row[] = [["Titre", table.title]];
  if (table.syntheticLabel) rows.push(["Données", table.syntheticLabel]);
  rows.push(
    ["Statut de victime compté", table.basisLabel],
    ["Filtres", filtersText(table)],
    ["Cellules masquées", suppressionText(table)],
    ["Règle de comptage", table.countingRule],
    ["Secret statistique", table.note],
    ["Version des données", `${table.dataVersion} (${table.generatedAt})`],
    [],
    [...table.dimensions.map((dimension) => dimension.label), "Effectif", table.measureLabel, "Affichage", "Statut"],
  );
  const labelOf = table.dimensions.map(
    (dimension) => new Map(dimension.categories.map((category) => [category.code, category.label])),
  );
  for (const cell of table.cells) {
    rows.push([
      ...cell.categories.map((category, d) => (category === null ? "Total" : (labelOf[d]?.get(category) ?? category))),
      cell.count,
      table.measure === "count" ? cell.count : cell.value,
      cell.display,
      STATUS_LABELS[cell.status] ?? cell.status,
    ]);
  }
  return rows;
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV in UTF-8 with a BOM, so that spreadsheet software reads the accents. */
export function tableToCsv(table: ObservatoryTable): string {
  return `\ufeff${tableRows(table)
    .map((row) => row.map(csvField).join(","))
    .join("\r\n")}\r\n`;
}

/** OpenDocument spreadsheet (ODS), the format the French administration's interoperability rules ask for. */
export function tableToOds(table: ObservatoryTable): Buffer {
  const { utils, write } = loadXlsx();
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet(tableRows(table)), "Tableau");
  return write(book, { bookType: "ods", type: "buffer" }) as Buffer;
}

export function exportFileName(table: ObservatoryTable, extension: string): string {
  const slug = table.query.dimensions.join("-");
  return `repere-observatoire-${slug}-${table.query.from}-${table.query.to}.${extension}`;
}

import type { ObservatoryTable } from "@shared/observatory.ts";
import { BLUE, createPdf, GREY, pdfSafe } from "./pdf-document.ts";

export interface AnnualReportContent {
  year: number;
  generatedAt: Date;
  syntheticLabel: string | null;
  /** Persons per year (one dimension: year), drawn as bars. */
  byYear: ObservatoryTable;
  /** Further tables, each printed with its note. */
  tables: ObservatoryTable[];
  methodology: string[];
}

type Doc = ReturnType<typeof createPdf>["doc"];

/** The observatory's annual report in French: methodology, counting rule, a chart, tables, secret statistique. */
export function renderAnnualReportPdf(content: AnnualReportContent): Promise<Buffer> {
  const { doc, finish } = createPdf({
    title: `Observatoire Repère — rapport annuel ${content.year}`,
    subject: "Traite des êtres humains : mineurs et jeunes majeurs",
  });
  const heading = (text: string) => {
    doc.moveDown(0.8).font("Bold").fontSize(13).fillColor(BLUE).text(pdfSafe(text)).moveDown(0.3);
    doc.font("Regular").fontSize(10).fillColor("black");
  };
  const paragraph = (text: string) =>
    doc.font("Regular").fontSize(10).fillColor("black").text(pdfSafe(text)).moveDown(0.4);

  if (content.syntheticLabel) {
    doc
      .font("Bold")
      .fontSize(11)
      .fillColor("#ce0500")
      .text(pdfSafe(`DONNÉES SYNTHÉTIQUES — ${content.syntheticLabel}`));
    doc.moveDown(0.5);
  }
  doc.font("Bold").fontSize(20).fillColor(BLUE).text(`Rapport annuel ${content.year}`);
  doc
    .font("Regular")
    .fontSize(12)
    .fillColor(GREY)
    .text("Observatoire de la traite des mineurs et jeunes majeurs — Repère");
  doc
    .fontSize(9)
    .text(
      pdfSafe(
        `Édité le ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(content.generatedAt)}`,
      ),
    );

  heading("Méthodologie");
  for (const text of content.methodology) paragraph(text);
  heading("Règle de comptage");
  paragraph(content.byYear.countingRule);

  heading(content.byYear.title);
  drawBars(doc, content.byYear);
  paragraph(content.byYear.note);

  for (const table of content.tables) {
    heading(table.title);
    drawTable(doc, table);
    paragraph(table.note);
  }

  heading("Secret statistique");
  paragraph(
    "Aucun effectif de 1 à 10 n'est publié : ces effectifs sont remplacés par « < 11 », et d'autres effectifs sont " +
      "masqués (« s ») lorsqu'ils permettraient de les recalculer à partir des totaux. Les départements trop petits " +
      "sont regroupés au sein de leur région.",
  );
  if (content.syntheticLabel) paragraph(content.syntheticLabel);
  return finish();
}

/** Vertical bars drawn with pdfkit primitives; hidden values get no bar, only their label. */
function drawBars(doc: Doc, table: ObservatoryTable): void {
  const categories = table.dimensions[0]?.categories ?? [];
  const cells = categories.map((category) => table.cells.find((cell) => cell.categories[0] === category.code));
  const max = Math.max(1, ...cells.map((cell) => cell?.count ?? 0));
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const height = 140;
  if (doc.y + height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 10;
  const slot = width / Math.max(1, categories.length);
  doc
    .moveTo(left, top + height)
    .lineTo(left + width, top + height)
    .strokeColor(GREY)
    .lineWidth(0.5)
    .stroke();
  cells.forEach((cell, i) => {
    const x = left + i * slot + slot * 0.2;
    const barWidth = slot * 0.6;
    const count = cell?.count ?? null;
    if (count !== null) {
      const barHeight = (count / max) * (height - 16);
      doc
        .rect(x, top + height - barHeight, barWidth, barHeight)
        .fillColor(BLUE)
        .fill();
    }
    doc
      .font("Regular")
      .fontSize(8)
      .fillColor("black")
      .text(cell?.display ?? "n.d.", x - 10, top + height - 12 - (count !== null ? (count / max) * (height - 16) : 0), {
        width: barWidth + 20,
        align: "center",
      });
    doc.text(categories[i]?.label ?? "", x - 10, top + height + 4, { width: barWidth + 20, align: "center" });
  });
  doc.x = left;
  doc.y = top + height + 24;
}

/** A plain grid: first dimension down, second across (or one column of values). */
function drawTable(doc: Doc, table: ObservatoryTable): void {
  const rows = table.dimensions[0]?.categories ?? [];
  const columns = table.dimensions[1]?.categories ?? [];
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const headers = columns.length > 0 ? [...columns.map((c) => c.label), "Total"] : [table.measureLabel];
  const firstWidth = 120;
  const cellWidth = (width - firstWidth) / headers.length;
  const displayAt = (row: string | null, column: string | null) =>
    table.cells.find((cell) => cell.categories[0] === row && (columns.length === 0 || cell.categories[1] === column))
      ?.display ?? "";
  const line = (label: string, values: string[], bold: boolean) => {
    if (doc.y + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc
      .font(bold ? "Bold" : "Regular")
      .fontSize(7.5)
      .fillColor("black");
    doc.text(pdfSafe(label), left, y, { width: firstWidth - 4 });
    let bottom = doc.y;
    values.forEach((value, i) => {
      doc.text(pdfSafe(value), left + firstWidth + i * cellWidth, y, { width: cellWidth - 2, align: "right" });
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = left;
    doc.y = bottom + 2;
  };
  line("", headers, true);
  for (const row of [
    ...rows.map((r) => ({ code: r.code as string | null, label: r.label })),
    { code: null, label: "Total" },
  ]) {
    const values =
      columns.length > 0
        ? [...columns.map((column) => displayAt(row.code, column.code)), displayAt(row.code, null)]
        : [displayAt(row.code, null)];
    line(row.label, values, row.code === null);
  }
  doc.moveDown(0.4);
}

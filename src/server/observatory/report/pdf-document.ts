import { createRequire } from "node:module";
import { lazyPackage } from "../../lazy-package.ts";

const loadPdfKit = lazyPackage<typeof import("pdfkit")>("pdfkit");

// Marianne ships with the design system package and covers every French accent; same approach as the signalement
// (screening/signalement-pdf.ts). Kept here rather than shared: that file belongs to identification.
const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Regular.woff2");
const FONT_BOLD = require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Bold.woff2");

export const BLUE = "#000091";
export const GREY = "#3a3a3a";

/** French typography for PDF text: guillemets and high punctuation keep to their word, narrow spaces become U+00A0. */
export function pdfSafe(text: string): string {
  return text
    .replace(/[\u202f\u2009]/g, "\u00a0")
    .replace(/« /g, "«\u00a0")
    .replace(/ ([»;:!?])/g, "\u00a0$1");
}

/** An A4 document in Marianne, rendered in memory; `finish()` resolves with its bytes. */
export function createPdf(info: { title: string; subject: string }) {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: info.title, Author: "Repère", Subject: info.subject },
    lang: "fr-FR",
    bufferPages: true,
  });
  doc.registerFont("Regular", FONT_REGULAR);
  doc.registerFont("Bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

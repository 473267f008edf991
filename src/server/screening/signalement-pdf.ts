import { createRequire } from "node:module";
import { departmentLabel } from "@shared/departments.ts";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import type { ScreeningResult } from "@shared/screening/score-screening.ts";
import { lazyPackage } from "../lazy-package.ts";

const loadPdfKit = lazyPackage<typeof import("pdfkit")>("pdfkit");

// Marianne, the State typeface, ships with the design system package: it covers accents beyond WinAnsi
// (names such as Đorđević or Gülşen) which the standard PDF fonts cannot print.
const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Regular.woff2");
const FONT_BOLD = require.resolve("@codegouvfr/react-dsfr/dsfr/fonts/Marianne-Bold.woff2");

/** What a signalement to the procureur says. Identity is included only when the author may reveal it. */
export interface SignalementContent {
  caseNumber: string;
  departmentCode: string;
  generatedAt: Date;
  author: { name: string; roleLabel: string; organisation: string };
  identity: { surname: string; firstNames: string; birthDate: string | null; estimatedAge: number | null } | null;
  profile: { sexLabel: string; ageAtFacts: number | null; situation: string[] };
  factsSummary: string;
  screening: ScreeningResult | null;
  qualification: QualificationResult | null;
  measuresRequested: string[];
}

const BLUE = "#000091";
const GREY = "#3a3a3a";
// French typography: guillemets and high punctuation hold to their word with a no-break space, so a line never
// starts with "»" or ";"; number grouping uses U+00A0, which every PDF reader extracts.
const pdfSafe = (text: string) =>
  text
    .replace(/[\u202f\u2009]/g, "\u00a0")
    .replace(/« /g, "«\u00a0")
    .replace(/ ([»;:!?])/g, "\u00a0$1");
const dateFr = (date: Date) =>
  pdfSafe(
    new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(date),
  );

/**
 * Builds the signalement in memory and returns its bytes: it is streamed to the author and never written to disk
 * unencrypted. Sober layout after the State design system: Marianne blue titles, plain body text, no images.
 */
export function renderSignalementPdf(content: SignalementContent): Promise<Buffer> {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: {
      Title: `Signalement — dossier ${content.caseNumber}`,
      Author: "Repère",
      Subject: "Signalement au procureur de la République",
    },
    lang: "fr-FR",
  });
  doc.registerFont("Regular", FONT_REGULAR);
  doc.registerFont("Bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font("Bold").fontSize(13).fillColor(BLUE).text(text).moveDown(0.3);
    doc.font("Regular").fontSize(10.5).fillColor("black");
  };
  const line = (label: string, value: string) => {
    doc.font("Bold").text(`${label} : `, { continued: true }).font("Regular").text(value);
  };
  const bullets = (items: string[]) => {
    for (const item of items) doc.text(`•  ${pdfSafe(item)}`, { indent: 8 });
  };

  doc.font("Bold").fontSize(9).fillColor(GREY).text("CONFIDENTIEL — données relatives à un mineur", { align: "right" });
  doc.moveDown(0.5).fontSize(18).fillColor(BLUE).text("Signalement au procureur de la République");
  doc
    .font("Regular")
    .fontSize(10.5)
    .fillColor("black")
    .text(`Parquet du tribunal judiciaire compétent pour ${departmentLabel(content.departmentCode)}`)
    .text("Article 40 du code de procédure pénale ; article 375 du code civil ; article L226-4 du CASF")
    .moveDown(0.5);
  line("Dossier Repère", content.caseNumber);
  line("Établi le", dateFr(content.generatedAt));
  line("Par", `${content.author.name}, ${content.author.roleLabel} — ${content.author.organisation}`);
  doc.text("Copie adressée à la cellule de recueil des informations préoccupantes (CRIP) du département.");

  heading("1. La personne concernée");
  if (content.identity) {
    line("Nom", content.identity.surname);
    line("Prénoms", content.identity.firstNames);
    line(
      "Date de naissance",
      content.identity.birthDate ??
        (content.identity.estimatedAge !== null
          ? `inconnue (âge estimé : ${content.identity.estimatedAge} ans)`
          : "inconnue"),
    );
  } else {
    doc.text("Identité non reproduite dans ce document : elle est communiquée au parquet sur demande.");
  }
  line("Sexe", content.profile.sexLabel);
  line(
    "Âge au moment des faits",
    content.profile.ageAtFacts === null ? "inconnu" : `${content.profile.ageAtFacts} ans`,
  );
  if (content.profile.situation.length) line("Situation", content.profile.situation.join(" ; "));

  heading("2. Les faits");
  doc.text(pdfSafe(content.factsSummary || "Non renseignés."));

  if (content.screening) {
    const s = content.screening;
    heading("3. Les indicateurs de repérage");
    line(
      "Résultat",
      `${s.levelLabel} (grille ${s.gridVersion}, mode ${s.mode === "brief" ? "court" : "complet"}, ${s.screenedOn})`,
    );
    if (s.override) doc.text(`Niveau ajusté par le professionnel : ${s.override.reason}`);
    if (s.redFlags.length) {
      doc.font("Bold").text("Signaux d'alerte :").font("Regular");
      bullets(s.redFlags.map((f) => f.label));
    }
    for (const domain of s.domains.filter((d) => d.rating > 0)) {
      doc
        .font("Bold")
        .text(`${domain.label} — ${domain.rating === 2 ? "préoccupation avérée" : "préoccupation possible"}`);
      doc.font("Regular");
      bullets(
        domain.drivers.map((d) => `${d.label} (${d.value === 2 ? "avéré" : "possible"}${d.date ? `, ${d.date}` : ""})`),
      );
    }
  }

  if (content.qualification) {
    const q = content.qualification;
    heading(`${content.screening ? "4" : "3"}. La qualification juridique proposée`);
    line(
      "Traite des êtres humains",
      q.trafficking
        ? `éléments constitutifs réunis — ${q.articleLabel ?? q.article}`
        : "éléments constitutifs non tous réunis",
    );
    if (q.maxPrisonYears !== null) {
      line(
        "Peine encourue (ce texte seul)",
        `${q.maxPrisonYears === "life" ? "réclusion criminelle à perpétuité" : `${q.maxPrisonYears} ans d'emprisonnement`}${q.maxFineEuros ? `, ${pdfSafe(new Intl.NumberFormat("fr-FR").format(q.maxFineEuros))} € d'amende` : ""}`,
      );
    }
    if (q.relatedOffences.length)
      line("Infractions connexes à examiner", q.relatedOffences.map((a) => `art. ${a} CP`).join(", "));
    doc.moveDown(0.3);
    bullets(q.explanation);
    doc
      .moveDown(0.3)
      .fontSize(9)
      .fillColor(GREY)
      .text(
        "Le consentement apparent de la victime est indifférent. Qualification proposée par Repère à partir des faits renseignés ; elle ne lie pas le parquet.",
      );
    doc.fontSize(10.5).fillColor("black");
  }

  heading("Mesures sollicitées");
  bullets(
    content.measuresRequested.length
      ? content.measuresRequested
      : ["Évaluation de la situation et mesures de protection adaptées."],
  );
  doc.moveDown(1.5).text(`${content.author.name}`, { align: "right" });

  doc.end();
  return done;
}

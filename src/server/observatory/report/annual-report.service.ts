import { OBSERVATORY_FIRST_YEAR, type ObservatoryTableQuery } from "@shared/observatory.ts";
import { z } from "@shared/zod-fr.ts";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../policy/actor.ts";
import { authorize } from "../../policy/policy.ts";
import { currentSnapshot, describeSnapshot } from "../snapshot/observatory-snapshot.ts";
import { loadProtectedTable } from "../tables/observatory-tables.service.ts";
import { renderAnnualReportPdf } from "./annual-report-pdf.ts";

export const AnnualReportQuery = z.strictObject({
  year: z.coerce.number().int().min(OBSERVATORY_FIRST_YEAR).max(2100),
});

const METHODOLOGY = [
  "Sources : les dossiers tenus dans Repère par les services de l'aide sociale à l'enfance, les CRIP, les " +
    "établissements et les associations. Les chiffres portent sur les personnes de moins de 22 ans concernées par " +
    "la traite des êtres humains (article 225-4-1 du code pénal) et les infractions voisines.",
  "Statuts : une victime possible a été repérée par un professionnel ; une victime présumée l'a été par une " +
    "évaluation pluridisciplinaire ; une victime identifiée l'a été par les forces de l'ordre ; une victime reconnue " +
    "l'a été par une juridiction. Ce rapport compte les victimes présumées ou plus ; les niveaux ne s'additionnent pas.",
  "Protection des données : chaque tableau croise au plus trois dimensions et applique le secret statistique " +
    "(effectifs de 1 à 10 masqués, secret secondaire, regroupement des petits départements). Les évolutions d'une " +
    "année sur l'autre reflètent aussi le déploiement progressif de Repère.",
];

/** The annual report of a year, on the current snapshot: the same protected tables as the dashboard and open data. */
export async function generateAnnualReport(ctx: AppContext, actor: Actor, input: unknown) {
  authorize(actor, "observatory.annual_report");
  const { year } = AnnualReportQuery.parse(input);
  const snapshot = await currentSnapshot(ctx);
  const table = async (dimensions: ObservatoryTableQuery["dimensions"], from: number) =>
    (
      await loadProtectedTable(
        ctx,
        { dimensions, from, to: year, basis: "presumed", measure: "count", filters: {} },
        snapshot,
      )
    ).view;
  const from = Math.max(OBSERVATORY_FIRST_YEAR, year - 4);
  const pdf = await renderAnnualReportPdf({
    year,
    generatedAt: ctx.now(),
    syntheticLabel: describeSnapshot(snapshot).syntheticLabel,
    byYear: await table(["year"], from),
    tables: [
      await table(["exploitation_family", "sex"], year),
      await table(["age_band", "profile"], year),
      await table(["region"], year),
    ],
    methodology: METHODOLOGY,
  });
  return { pdf, fileName: `repere-rapport-annuel-${year}.pdf` };
}

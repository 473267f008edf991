import {
  EXPORT_FORMATS,
  ObservatoryTableQuery,
  ObservatoryTableSearch,
  ResearchExportInput,
} from "@shared/observatory.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { AppError } from "../http/errors.ts";
import { actorOf } from "../http/route-config.ts";
import { exportFileName, tableToCsv, tableToOds } from "./exports/table-export.ts";
import { getOpenDataCatalogue, getOpenDataFile } from "./open-data/open-data.service.ts";
import { importReferenceCsv } from "./reference/reference.service.ts";
import { AnnualReportQuery, generateAnnualReport } from "./report/annual-report.service.ts";
import { exportResearchRecords } from "./research/research-export.service.ts";
import { getSaturation } from "./saturation/saturation.service.ts";
import { surveyRoutes } from "./survey/survey.routes.ts";
import { getObservatoryTable } from "./tables/observatory-tables.service.ts";
import { getObservatoryMap, getObservatorySeries } from "./tables/observatory-views.service.ts";

const tags = ["observatoire"];

/** The GET form of a table query: comma-separated dimensions, filters as JSON. */
function fromSearch(search: z.infer<typeof ObservatoryTableSearch>): unknown {
  let filters: unknown = {};
  if (search.filters) {
    try {
      filters = JSON.parse(search.filters);
    } catch {
      throw new AppError("invalid_input", 400, "Le paramètre filters doit être un objet JSON.");
    }
  }
  return {
    dimensions: search.dimensions.split(",").filter(Boolean),
    from: search.from,
    to: search.to,
    basis: search.basis,
    ...(search.measure ? { measure: search.measure } : {}),
    filters,
  };
}

const ExportSearch = ObservatoryTableSearch.extend({ format: z.enum(EXPORT_FORMATS, "Format inconnu.") });

export const observatoryRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // CSV uploads arrive as text; the services validate them line by line.
  fastify.addContentTypeParser(
    ["text/csv", "text/plain"],
    { parseAs: "string", bodyLimit: 2_000_000 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    "/api/observatory/tables",
    {
      config: { policy: "observatory.read" },
      schema: {
        tags,
        summary: "Tableau protégé (secret statistique, au plus trois dimensions)",
        body: ObservatoryTableQuery,
      },
    },
    async (request) => getObservatoryTable(ctx, actorOf(request), request.body),
  );
  app.get(
    "/api/observatory/tables",
    {
      config: { policy: "observatory.read" },
      schema: {
        tags,
        summary: "Tableau protégé (forme GET, pour les liens partageables)",
        querystring: ObservatoryTableSearch,
      },
    },
    async (request) => getObservatoryTable(ctx, actorOf(request), fromSearch(request.query)),
  );
  app.get(
    "/api/observatory/tables/export",
    {
      config: { policy: "observatory.export" },
      schema: { tags, summary: "Exporter un tableau protégé en CSV ou ODS", querystring: ExportSearch },
    },
    async (request, reply) => {
      const table = await getObservatoryTable(ctx, actorOf(request), fromSearch(request.query), "observatory.export");
      const isCsv = request.query.format === "csv";
      return reply
        .header("content-type", isCsv ? "text/csv; charset=utf-8" : "application/vnd.oasis.opendocument.spreadsheet")
        .header("content-disposition", `attachment; filename="${exportFileName(table, request.query.format)}"`)
        .header("cache-control", "no-store")
        .send(isCsv ? tableToCsv(table) : tableToOds(table));
    },
  );
  app.get(
    "/api/observatory/series",
    {
      config: { policy: "observatory.read" },
      schema: { tags, summary: "Séries annuelles protégées", querystring: z.record(z.string(), z.string()) },
    },
    async (request) => getObservatorySeries(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/observatory/map",
    {
      config: { policy: "observatory.read" },
      schema: {
        tags,
        summary: "Carte : une valeur par département ou groupe de départements",
        querystring: z.record(z.string(), z.string()),
      },
    },
    async (request) => getObservatoryMap(ctx, actorOf(request), request.query),
  );

  app.post(
    "/api/observatory/reference",
    {
      config: { policy: "observatory.import_reference" },
      schema: {
        tags,
        summary: "Importer les indicateurs départementaux (CSV, tout ou rien, rapport par ligne)",
        body: z.string().max(2_000_000),
      },
    },
    async (request, reply) => {
      const report = await importReferenceCsv(ctx, actorOf(request), request.body);
      return reply.status(report.imported ? 200 : 422).send(report);
    },
  );
  app.get(
    "/api/observatory/saturation",
    {
      config: { policy: "observatory.read" },
      schema: {
        tags,
        summary: "Exposition et saturation de la protection de l'enfance, corrélations",
        querystring: z.record(z.string(), z.string()),
      },
    },
    async (request) => getSaturation(ctx, actorOf(request), request.query),
  );

  app.get(
    "/api/observatory/annual-report",
    {
      config: { policy: "observatory.annual_report" },
      schema: { tags, summary: "Rapport annuel de l'observatoire (PDF)", querystring: AnnualReportQuery },
    },
    async (request, reply) => {
      const { pdf, fileName } = await generateAnnualReport(ctx, actorOf(request), request.query);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(pdf);
    },
  );

  app.post(
    "/api/observatory/research-export",
    {
      config: { policy: "observatory.research_export" },
      schema: { tags, summary: "Export HTCDS k-anonyme pour la recherche (journalisé)", body: ResearchExportInput },
    },
    async (request, reply) => {
      const { csv, fileName } = await exportResearchRecords(ctx, actorOf(request), request.body);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(csv);
    },
  );

  await fastify.register(surveyRoutes(ctx));

  // Open data: no session, a fixed set of protected tables only (http/public-routes.ts declares the prefix).
  app.get(
    "/api/open-data",
    { schema: { tags, summary: "Catalogue des données ouvertes de l'observatoire" } },
    async (_request, reply) =>
      reply.header("cache-control", "public, max-age=300").send(await getOpenDataCatalogue(ctx)),
  );
  app.get(
    "/api/open-data/:file",
    {
      schema: {
        tags,
        summary: "Un tableau publié, en JSON ou CSV (ETag, mise en cache)",
        params: z.strictObject({ file: z.string().max(80) }),
      },
    },
    async (request, reply) => {
      const file = await getOpenDataFile(ctx, request.params.file);
      reply.header("etag", file.etag).header("cache-control", "public, max-age=3600, must-revalidate");
      if (request.headers["if-none-match"] === file.etag) return reply.status(304).send();
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `inline; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
};

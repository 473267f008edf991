import { createHash } from "node:crypto";
import {
  type ObservatoryTable,
  type ObservatoryTableQuery,
  OPEN_DATA_TABLES,
  type OpenDataCatalogue,
  type OpenDataTableId,
} from "@shared/observatory.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import { tableToCsv } from "../exports/table-export.ts";
import { currentSnapshot, describeSnapshot } from "../snapshot/observatory-snapshot.ts";
import { loadProtectedTable } from "../tables/observatory-tables.service.ts";

const PUBLISHED_YEARS = 5;

/**
 * The fixed set published without login: protected aggregates only, over the last five complete years, counting
 * presumed victims and above (a professional's screening alone is not published nationally).
 */
const DEFINITIONS: Record<
  OpenDataTableId,
  { title: string; description: string; dimensions: ObservatoryTableQuery["dimensions"] }
> = {
  "national-by-year-and-form": {
    title: "Victimes présumées de traite, mineures et jeunes majeures, par année et forme d'exploitation",
    description: "France entière, par année d'identification et forme d'exploitation, après secret statistique.",
    dimensions: ["year", "exploitation_family"],
  },
  "by-year-and-region": {
    title: "Victimes présumées de traite, mineures et jeunes majeures, par année et région",
    description: "Par année d'identification et région du dossier, après secret statistique.",
    dimensions: ["year", "region"],
  },
  "by-year-and-age-band": {
    title: "Victimes présumées de traite, mineures et jeunes majeures, par année et tranche d'âge",
    description: "France entière, par année d'identification et tranche d'âge, après secret statistique.",
    dimensions: ["year", "age_band"],
  },
};

export const OPEN_DATA_LICENCE = "Licence Ouverte / Open Licence version 2.0 (Etalab)";

export function openDataQuery(id: OpenDataTableId, now: Date): ObservatoryTableQuery {
  const to = now.getUTCFullYear() - 1;
  return {
    dimensions: DEFINITIONS[id].dimensions,
    from: to - PUBLISHED_YEARS + 1,
    to,
    basis: "presumed",
    measure: "count",
    filters: {},
  };
}

export function isOpenDataTable(id: string): id is OpenDataTableId {
  return (OPEN_DATA_TABLES as readonly string[]).includes(id);
}

export async function getOpenDataCatalogue(ctx: AppContext): Promise<OpenDataCatalogue> {
  const snapshot = describeSnapshot(await currentSnapshot(ctx));
  return {
    tables: OPEN_DATA_TABLES.map((id) => ({
      id,
      title: DEFINITIONS[id].title,
      description: DEFINITIONS[id].description,
      formats: (["json", "csv"] as const).map((format) => ({ format, url: `/api/open-data/${id}.${format}` })),
    })),
    licence: OPEN_DATA_LICENCE,
    isSynthetic: snapshot.isSynthetic,
    syntheticLabel: snapshot.syntheticLabel,
    dataVersion: snapshot.id,
  };
}

export interface OpenDataFile {
  body: string;
  contentType: string;
  etag: string;
  fileName: string;
}

/** One published table, as JSON or CSV, with a strong ETag bound to the data snapshot and the format. */
export async function getOpenDataFile(ctx: AppContext, file: string): Promise<OpenDataFile> {
  const match = /^([a-z-]+)\.(json|csv)$/.exec(file);
  const id = match?.[1] ?? "";
  const format = match?.[2];
  if (!match || !isOpenDataTable(id)) throw new AppError("not_found", 404);
  const snapshot = await currentSnapshot(ctx);
  const { view } = await loadProtectedTable(ctx, openDataQuery(id, ctx.now()), snapshot);
  const table: ObservatoryTable = { ...view, title: DEFINITIONS[id].title };
  const body = format === "csv" ? tableToCsv(table) : JSON.stringify({ licence: OPEN_DATA_LICENCE, table });
  // Bound to the snapshot and the file, not to the bytes: a table read back from the cache is the same table.
  const etag = `"${createHash("sha256").update(`${snapshot.id}:${file}`).digest("base64url").slice(0, 32)}"`;
  return {
    body,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    etag,
    fileName: `repere-${id}.${format}`,
  };
}

import { isDepartmentCode } from "@shared/departments.ts";
import type { ImportIssue } from "@shared/observatory.ts";
import { REFERENCE_CSV_HEADER } from "../../seed/department-reference.ts";
import type { NewIndicatorRow } from "./indicators.queries.ts";

/**
 * The per-département indicators CSV (UTF-8, comma-separated, one header line, one line per département and year),
 * the same layout `toReferenceCsv` writes:
 *   department_code                 INSEE COG code ("01"…"95", "2A", "2B", "971"…"976"), required
 *   year                            2015–2100, required
 *   population_under_18             integer ≥ 0, empty = unknown
 *   children_in_ase_care            young people accueillis à l'ASE at 31 December, integer ≥ 0, empty = unknown
 *   ase_rate_per_1000_under_21      decimal ≥ 0 ("12.5" or "12,5" quoted), empty = unknown
 *   unexecuted_placement_decisions  integer ≥ 0, empty = unknown
 *   occupancy_rate                  percentage 0–200 (decimal), empty = unknown
 * Empty cells mean unknown, never zero. A (département, year) appears once.
 */
export const REFERENCE_COLUMNS = REFERENCE_CSV_HEADER;

export interface ParsedReference {
  rows: Omit<NewIndicatorRow, "importedAt" | "importedByUserId">[];
  issues: ImportIssue[];
}

const MAX_LINES = 101 * 30 + 1;

/** Splits one CSV line, honouring double quotes (RFC 4180); no multi-line fields in this format. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields.map((value) => value.trim());
}

function parseInteger(value: string): number | null | "invalid" {
  if (value === "") return null;
  if (!/^\d{1,9}$/.test(value)) return "invalid";
  return Number(value);
}

function parseDecimal(value: string, max: number): string | null | "invalid" {
  if (value === "") return null;
  const normalised = value.replace(",", ".");
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(normalised) || Number(normalised) > max) return "invalid";
  return normalised;
}

/** Validates every line and reports each problem in French; the caller imports only when there is none. */
export function parseReferenceCsv(text: string): ParsedReference {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === "") lines.pop();
  const issues: ImportIssue[] = [];
  const rows: ParsedReference["rows"] = [];
  const header = splitCsvLine(lines[0] ?? "");
  const expected = [...REFERENCE_COLUMNS];
  if (header.join(",") !== expected.join(",")) {
    issues.push({ line: 1, column: "en-tête", message: `En-tête attendu : ${expected.join(",")}` });
    return { rows, issues };
  }
  if (lines.length > MAX_LINES) {
    issues.push({ line: MAX_LINES + 1, column: "", message: `Le fichier dépasse ${MAX_LINES} lignes.` });
    return { rows, issues };
  }
  if (lines.length === 1)
    issues.push({ line: 1, column: "", message: "Le fichier ne contient aucune ligne de données." });
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, index) => {
    const line = index + 2;
    const fields = splitCsvLine(raw);
    if (fields.length !== expected.length) {
      issues.push({ line, column: "", message: `${expected.length} colonnes attendues, ${fields.length} trouvées.` });
      return;
    }
    const value = (column: (typeof REFERENCE_COLUMNS)[number]) => fields[expected.indexOf(column)] ?? "";
    const problem = (column: string, message: string) => issues.push({ line, column, message });
    const lineIssues = issues.length;

    const departmentCode = value("department_code").toUpperCase();
    if (!isDepartmentCode(departmentCode))
      problem("department_code", `Département inconnu : « ${value("department_code")} ».`);
    const year = parseInteger(value("year"));
    if (year === null || year === "invalid" || year < 2015 || year > 2100)
      problem("year", "Année attendue entre 2015 et 2100.");
    const integers = {
      population_under_18: parseInteger(value("population_under_18")),
      children_in_ase_care: parseInteger(value("children_in_ase_care")),
      unexecuted_placement_decisions: parseInteger(value("unexecuted_placement_decisions")),
    };
    for (const [column, parsed] of Object.entries(integers)) {
      if (parsed === "invalid") problem(column, "Nombre entier positif attendu (ou cellule vide si inconnu).");
    }
    const rate = parseDecimal(value("ase_rate_per_1000_under_21"), 1000);
    if (rate === "invalid") problem("ase_rate_per_1000_under_21", "Nombre décimal positif attendu (ou cellule vide).");
    const occupancy = parseDecimal(value("occupancy_rate"), 200);
    if (occupancy === "invalid") problem("occupancy_rate", "Pourcentage entre 0 et 200 attendu (ou cellule vide).");
    if (typeof year === "number" && isDepartmentCode(departmentCode)) {
      const key = `${departmentCode}|${year}`;
      const first = seen.get(key);
      if (first !== undefined) problem("department_code", `Département et année déjà présents ligne ${first}.`);
      else seen.set(key, line);
    }
    if (issues.length > lineIssues) return;
    rows.push({
      departmentCode,
      year: year as number,
      populationUnder18: integers.population_under_18 as number | null,
      childrenInAseCare: integers.children_in_ase_care as number | null,
      aseRatePer1000Under21: rate as string | null,
      unexecutedPlacementDecisions: integers.unexecuted_placement_decisions as number | null,
      occupancyRate: occupancy as string | null,
    });
  });
  return { rows, issues };
}

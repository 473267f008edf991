import { createRequire } from "node:module";
import { faker as fakerFR } from "@faker-js/faker/locale/fr";
import { findDepartment } from "@shared/departments";
import { DEPARTMENT_REFERENCE } from "./department-reference.ts";
import { type Random, WeightedTable } from "./random.ts";

/**
 * Communes of each département from @etalab/decoupage-administratif (INSEE COG), drawn in proportion to their
 * population: people live, and are exploited, where people are. The 8.6 MB file is read once, on first use, so
 * importing the generator stays cheap.
 */

interface CommuneRecord {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}

export interface Commune {
  /** INSEE code (COG), e.g. "93008". */
  code: string;
  name: string;
  postalCodes: readonly string[];
  departmentCode: string;
}

let communesByDepartment: Map<string, WeightedTable<Commune>> | undefined;

function loadCommunes(): Map<string, WeightedTable<Commune>> {
  const require = createRequire(import.meta.url);
  const records = require("@etalab/decoupage-administratif/data/communes.json") as CommuneRecord[];
  const grouped = new Map<string, [Commune, number][]>();
  for (const record of records) {
    // Delegated and associated communes and Paris/Lyon/Marseille arrondissements overlap their parent commune.
    if (record.type !== "commune-actuelle" || !record.departement || !record.population) continue;
    const commune: Commune = {
      code: record.code,
      name: record.nom,
      postalCodes: record.codesPostaux ?? [],
      departmentCode: record.departement,
    };
    const list = grouped.get(record.departement) ?? [];
    list.push([commune, record.population]);
    grouped.set(record.departement, list);
  }
  return new Map([...grouped].map(([department, list]) => [department, new WeightedTable(list)]));
}

export function communesOf(departmentCode: string): WeightedTable<Commune> {
  communesByDepartment ??= loadCommunes();
  const table = communesByDepartment.get(departmentCode);
  if (!table) throw new Error(`no commune known in département ${departmentCode}`);
  return table;
}

export function drawCommune(random: Random, departmentCode: string): Commune {
  return communesOf(departmentCode).pick(random);
}

const STREET_PREFIXES = fakerFR.rawDefinitions.location?.street_prefix ?? [];
const STREET_SUFFIXES = fakerFR.rawDefinitions.location?.street_suffix ?? [];
if (STREET_PREFIXES.length === 0 || STREET_SUFFIXES.length === 0) {
  throw new Error("faker's fr locale has no street prefixes or suffixes");
}

/** "12 Rue d'Alésia": faker's French street words with a house number; the commune gives the real place. */
export function drawStreet(random: Random): string {
  return `${random.int(1, 150)} ${random.pick(STREET_PREFIXES)} ${random.pick(STREET_SUFFIXES)}`;
}

// ASSUMPTION: when exploitation happens outside the département in charge, it is in the same region six times in
// ten and elsewhere in mainland France otherwise; overseas cases stay in their département.
const SAME_REGION_SHARE = 0.6;

const METROPOLITAN_TABLE = new WeightedTable(
  DEPARTMENT_REFERENCE.filter((d) => !findDepartment(d.code)?.isOverseas).map((d) => [d.code, d.caseWeight] as const),
);

const neighboursByDepartment = new Map<string, WeightedTable<string> | null>(
  DEPARTMENT_REFERENCE.map((reference) => {
    const region = findDepartment(reference.code)?.regionCode;
    const neighbours = DEPARTMENT_REFERENCE.filter(
      (other) => other.code !== reference.code && findDepartment(other.code)?.regionCode === region,
    ).map((other) => [other.code, other.caseWeight] as const);
    return [reference.code, neighbours.length > 0 ? new WeightedTable(neighbours) : null];
  }),
);

/** A département other than `departmentCode` where a young person from there is plausibly exploited. */
export function drawOtherDepartment(random: Random, departmentCode: string): string {
  if (findDepartment(departmentCode)?.isOverseas) return departmentCode;
  const neighbours = neighboursByDepartment.get(departmentCode);
  if (neighbours && random.chance(SAME_REGION_SHARE)) return neighbours.pick(random);
  return METROPOLITAN_TABLE.pick(random);
}

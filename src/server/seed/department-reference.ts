/**
 * Per-département reference figures for synthetic cases and for the observatory's denominators.
 *
 * Source: figures.md Appendix A — DREES, young people *accueillis à l'ASE* at 31 December 2020 and 2015 (table
 * ASE 1 of the long series, as redistributed in the `asdep` R package), with the rate per 1,000 under-21s that
 * figures.md computed from INSEE population estimates. These are calibration values for a demo, not official
 * statistics: load the DREES open data for anything published.
 *
 * Derived values (ASSUMPTIONS, each explained where it is computed):
 * - population under 21 = ASE count 2020 ÷ (rate ‰ ÷ 1,000), which inverts figures.md's own computation; the rate
 *   is rounded to 0.1 ‰, so the population is within ±0.9 % (±0.4 % for most départements);
 * - population under 18 = under-21 × 18/21: figures.md counts the under-21s as 21 one-year cohorts (0–19 plus a
 *   fifth of 20–24), taken here as equal. This overstates the under-18s where students arrive at 18 (university
 *   towns) and understates them where they leave;
 * - Corse is one row in the source: 2A and 2B share its figures in proportion to their total population;
 * - Mayotte (976) has no DREES figure: its ASE counts stay unknown and its population comes from the census.
 */

import { WeightedTable } from "./random.ts";

/** [code, name, ASE accueillis 31/12/2020, ‰ of under-21s (approx.), ASE accueillis 31/12/2015]. */
type AppendixRow = readonly [code: string, name: string, ase2020: number, ratePer1000: number, ase2015: number];

// figures.md Appendix A, verbatim (99 rows: Corse merged, Mayotte missing).
const APPENDIX_A: readonly AppendixRow[] = [
  ["01", "Ain", 1619, 9.2, 1255],
  ["02", "Aisne", 2383, 17.4, 1939],
  ["03", "Allier", 1312, 18.3, 1028],
  ["04", "Alpes-de-Haute-Provence", 473, 13.2, 420],
  ["05", "Hautes-Alpes", 306, 9.8, 248],
  ["06", "Alpes-Maritimes", 2409, 9.8, 1669],
  ["07", "Ardèche", 701, 9.3, 635],
  ["08", "Ardennes", 1251, 19.2, 1080],
  ["09", "Ariège", 430, 13.2, 405],
  ["10", "Aube", 1184, 15.0, 1044],
  ["11", "Aude", 1570, 18.7, 1135],
  ["12", "Aveyron", 815, 13.8, 660],
  ["13", "Bouches-du-Rhône", 5352, 10.5, 3550],
  ["14", "Calvados", 2833, 16.7, 2246],
  ["15", "Cantal", 333, 11.7, 246],
  ["16", "Charente", 1191, 15.6, 1033],
  ["17", "Charente-Maritime", 2016, 14.6, 1524],
  ["18", "Cher", 1029, 15.6, 869],
  ["19", "Corrèze", 569, 11.3, 470],
  ["20", "Corse (2A+2B)", 531, 7.2, 360],
  ["21", "Côte-d'Or", 1542, 12.1, 1411],
  ["22", "Côtes-d'Armor", 1733, 12.5, 1727],
  ["23", "Creuse", 413, 19.0, 364],
  ["24", "Dordogne", 1636, 20.0, 1078],
  ["25", "Doubs", 1522, 10.8, 1159],
  ["26", "Drôme", 1850, 14.2, 1216],
  ["27", "Eure", 2208, 14.0, 1762],
  ["28", "Eure-et-Loir", 1362, 12.1, 1289],
  ["29", "Finistère", 3010, 14.1, 2506],
  ["30", "Gard", 1726, 9.6, 2047],
  ["31", "Haute-Garonne", 3777, 10.6, 2658],
  ["32", "Gers", 759, 19.0, 528],
  ["33", "Gironde", 5375, 13.4, 3693],
  ["34", "Hérault", 3076, 10.8, 2501],
  ["35", "Ille-et-Vilaine", 3741, 13.0, 2860],
  ["36", "Indre", 635, 13.9, 512],
  ["37", "Indre-et-Loire", 1543, 10.3, 1206],
  ["38", "Isère", 3168, 9.3, 2593],
  ["39", "Jura", 944, 15.5, 766],
  ["40", "Landes", 1439, 15.8, 1165],
  ["41", "Loir-et-Cher", 1045, 13.7, 895],
  ["42", "Loire", 2531, 13.0, 2007],
  ["43", "Haute-Loire", 734, 13.8, 663],
  ["44", "Loire-Atlantique", 3094, 8.1, 2501],
  ["45", "Loiret", 2016, 11.2, 1318],
  ["46", "Lot", 354, 10.6, 382],
  ["47", "Lot-et-Garonne", 1004, 13.6, 963],
  ["48", "Lozère", 182, 11.1, 125],
  ["49", "Maine-et-Loire", 2782, 12.9, 2046],
  ["50", "Manche", 1860, 16.7, 1400],
  ["51", "Marne", 1550, 10.9, 1559],
  ["52", "Haute-Marne", 656, 17.5, 617],
  ["53", "Mayenne", 1019, 12.9, 946],
  ["54", "Meurthe-et-Moselle", 2479, 13.8, 1911],
  ["55", "Meuse", 833, 19.5, 651],
  ["56", "Morbihan", 1681, 9.5, 1322],
  ["57", "Moselle", 2589, 10.6, 2276],
  ["58", "Nièvre", 1014, 24.6, 833],
  ["59", "Nord", 12638, 17.7, 11878],
  ["60", "Oise", 2189, 9.7, 1849],
  ["61", "Orne", 1198, 18.9, 1057],
  ["62", "Pas-de-Calais", 7744, 20.0, 6290],
  ["63", "Puy-de-Dôme", 1482, 9.5, 1172],
  ["64", "Pyrénées-Atlantiques", 1981, 13.1, 1705],
  ["65", "Hautes-Pyrénées", 692, 14.4, 474],
  ["66", "Pyrénées-Orientales", 1540, 14.2, 1227],
  ["67", "Bas-Rhin", 3342, 12.1, 2864],
  ["68", "Haut-Rhin", 2345, 12.6, 1715],
  ["69", "Rhône", 4270, 8.4, 3037],
  ["70", "Haute-Saône", 875, 15.7, 757],
  ["71", "Saône-et-Loire", 1528, 12.3, 1228],
  ["72", "Sarthe", 1651, 11.5, 1467],
  ["73", "Savoie", 1034, 9.8, 1007],
  ["74", "Haute-Savoie", 1389, 6.5, 1017],
  ["75", "Paris", 4809, 10.9, 4825],
  ["76", "Seine-Maritime", 4486, 14.0, 3922],
  ["77", "Seine-et-Marne", 3074, 7.5, 3050],
  ["78", "Yvelines", 2430, 6.0, 2265],
  ["79", "Deux-Sèvres", 1237, 13.8, 934],
  ["80", "Somme", 2358, 16.5, 1827],
  ["81", "Tarn", 1270, 14.2, 968],
  ["82", "Tarn-et-Garonne", 882, 13.4, 732],
  ["83", "Var", 2066, 8.7, 1361],
  ["84", "Vaucluse", 1432, 10.3, 1293],
  ["85", "Vendée", 1455, 8.8, 1140],
  ["86", "Vienne", 1580, 14.8, 1171],
  ["87", "Haute-Vienne", 905, 10.9, 724],
  ["88", "Vosges", 1418, 17.2, 941],
  ["89", "Yonne", 1586, 20.3, 1365],
  ["90", "Territoire de Belfort", 438, 12.4, 334],
  ["91", "Essonne", 3290, 8.8, 2666],
  ["92", "Hauts-de-Seine", 3263, 7.6, 2668],
  ["93", "Seine-Saint-Denis", 5763, 11.4, 4666],
  ["94", "Val-de-Marne", 3240, 8.5, 2726],
  ["95", "Val-d'Oise", 3196, 8.5, 2190],
  ["971", "Guadeloupe", 1249, 12.9, 1304],
  ["972", "Martinique", 1326, 16.0, 1536],
  ["973", "Guyane", 958, 7.8, 648],
  ["974", "La Réunion", 2732, 10.2, 2520],
];

// Total populations (legal populations in @etalab/decoupage-administratif 6.0.0 communes.json, summed by
// département), used only to split Corse and to size Mayotte.
const CORSE_POPULATION = { "2A": 168_306, "2B": 187_180 } as const;
const MAYOTTE_POPULATION = 256_518;
// ASSUMPTION: INSEE's 2017 census of Mayotte found half the population under 17–18; 0.5 is used as the share of
// under-18s.
const MAYOTTE_SHARE_UNDER_18 = 0.5;

const UNDER_18_PER_UNDER_21 = 18 / 21;

/** Île-de-France, where SSMSI places much of the recorded *proxénétisme* (figures.md §1, §6). */
export const ILE_DE_FRANCE_DEPARTMENTS = ["75", "77", "78", "91", "92", "93", "94", "95"] as const;

/**
 * ASSUMPTION: "border départements" (figures.md §6, from SSMSI's geography statement) are those with a land border
 * with another state — Belgium, Luxembourg, Germany, Switzerland, Italy, Monaco, Spain, Andorra, and for Guyane
 * Brazil and Suriname — plus Pas-de-Calais, whose Channel ports and tunnel are the border crossing to the UK.
 */
export const BORDER_DEPARTMENTS = [
  "01",
  "02",
  "04",
  "05",
  "06",
  "08",
  "09",
  "25",
  "31",
  "39",
  "54",
  "55",
  "57",
  "59",
  "62",
  "64",
  "65",
  "66",
  "67",
  "68",
  "73",
  "74",
  "90",
  "973",
] as const;

/**
 * ASSUMPTION: the "urban weight" of figures.md §6 is 1.5 for a département that holds one of the 22 métropoles
 * (legal status under the MAPTAM and NOTRe laws: Grand Paris counted as 75, 92, 93 and 94; Lyon as 69) and 1 elsewhere.
 * Métropoles concentrate hotels, short-term rentals and the transport hubs where exploitation is recorded.
 */
export const METROPOLE_DEPARTMENTS = [
  "06",
  "13",
  "21",
  "29",
  "31",
  "33",
  "34",
  "35",
  "37",
  "38",
  "42",
  "44",
  "45",
  "54",
  "57",
  "59",
  "63",
  "67",
  "69",
  "75",
  "76",
  "83",
  "92",
  "93",
  "94",
] as const;

export const URBAN_WEIGHT = 1.5;
export const ILE_DE_FRANCE_FACTOR = 2.5;
/** Replaces, not multiplies, the Île-de-France factor. */
export const SEINE_SAINT_DENIS_FACTOR = 5;
export const BORDER_FACTOR = 1.5;

export interface DepartmentReference {
  code: string;
  name: string;
  /** Young people *accueillis à l'ASE* at 31 December 2020 (null where DREES has no figure: Mayotte). */
  aseChildren2020: number | null;
  aseChildren2015: number | null;
  aseRatePer1000Under21: number | null;
  populationUnder21: number;
  populationUnder18: number;
  urbanWeight: number;
  /** Île-de-France, Seine-Saint-Denis or border factor of figures.md §6; 1 elsewhere. */
  regionalFactor: number;
  /** Relative number of synthetic cases: population under 18 × urban weight × regional factor. */
  caseWeight: number;
}

function regionalFactorOf(code: string): number {
  if (code === "93") return SEINE_SAINT_DENIS_FACTOR;
  if ((ILE_DE_FRANCE_DEPARTMENTS as readonly string[]).includes(code)) return ILE_DE_FRANCE_FACTOR;
  if ((BORDER_DEPARTMENTS as readonly string[]).includes(code)) return BORDER_FACTOR;
  return 1;
}

function withWeights(
  base: Omit<DepartmentReference, "urbanWeight" | "regionalFactor" | "caseWeight">,
): DepartmentReference {
  const urbanWeight = (METROPOLE_DEPARTMENTS as readonly string[]).includes(base.code) ? URBAN_WEIGHT : 1;
  const regionalFactor = regionalFactorOf(base.code);
  return { ...base, urbanWeight, regionalFactor, caseWeight: base.populationUnder18 * urbanWeight * regionalFactor };
}

function fromAppendixRow([code, name, ase2020, ratePer1000, ase2015]: AppendixRow, share = 1) {
  const populationUnder21 = Math.round((ase2020 / ratePer1000) * 1000 * share);
  return {
    code,
    name,
    aseChildren2020: Math.round(ase2020 * share),
    aseChildren2015: Math.round(ase2015 * share),
    aseRatePer1000Under21: ratePer1000,
    populationUnder21,
    populationUnder18: Math.round(populationUnder21 * UNDER_18_PER_UNDER_21),
  };
}

function buildReference(): DepartmentReference[] {
  const corsePopulation = CORSE_POPULATION["2A"] + CORSE_POPULATION["2B"];
  const rows: DepartmentReference[] = [];
  for (const row of APPENDIX_A) {
    if (row[0] === "20") {
      rows.push(
        withWeights({
          ...fromAppendixRow(row, CORSE_POPULATION["2A"] / corsePopulation),
          code: "2A",
          name: "Corse-du-Sud",
        }),
      );
      rows.push(
        withWeights({
          ...fromAppendixRow(row, CORSE_POPULATION["2B"] / corsePopulation),
          code: "2B",
          name: "Haute-Corse",
        }),
      );
    } else {
      rows.push(withWeights(fromAppendixRow(row)));
    }
  }
  const mayotteUnder18 = Math.round(MAYOTTE_POPULATION * MAYOTTE_SHARE_UNDER_18);
  rows.push(
    withWeights({
      code: "976",
      name: "Mayotte",
      aseChildren2020: null,
      aseChildren2015: null,
      aseRatePer1000Under21: null,
      populationUnder21: Math.round(mayotteUnder18 / UNDER_18_PER_UNDER_21),
      populationUnder18: mayotteUnder18,
    }),
  );
  return rows;
}

/** The 101 départements, in Appendix A order (2A and 2B where Corse stood, Mayotte last). */
export const DEPARTMENT_REFERENCE: readonly DepartmentReference[] = buildReference();

const byCode = new Map(DEPARTMENT_REFERENCE.map((reference) => [reference.code, reference]));

export function findDepartmentReference(code: string): DepartmentReference | undefined {
  return byCode.get(code);
}

/** Where synthetic cases are recorded: figures.md §6 asks for Poisson volumes with mean ∝ `caseWeight`; conditioned
 * on the total, that is one categorical draw per case with these weights. */
export const DEPARTMENT_CASE_TABLE = new WeightedTable(
  DEPARTMENT_REFERENCE.map((reference) => [reference.code, reference.caseWeight] as const),
);

// figures.md §3: 199,530 young people in ASE care at the end of 2020 and 221,000 at the end of 2023, "so scale 2020
// values by ≈ 1.11 for 2023". ASSUMPTION: the same yearly growth continues after 2023.
const ASE_GROWTH_PER_YEAR_AFTER_2020 = 0.11 / 3;

/**
 * ASSUMPTION: ASE counts between the two DREES years are interpolated linearly, before 2015 held at the 2015
 * value, and after 2020 scaled by the national growth.
 */
export function aseChildrenInYear(reference: DepartmentReference, year: number): number | null {
  const { aseChildren2015: at2015, aseChildren2020: at2020 } = reference;
  if (at2015 === null || at2020 === null) return null;
  if (year <= 2015) return at2015;
  if (year <= 2020) return Math.round(at2015 + ((at2020 - at2015) * (year - 2015)) / 5);
  return Math.round(at2020 * (1 + ASE_GROWTH_PER_YEAR_AFTER_2020 * (year - 2020)));
}

/**
 * The columns of the per-département reference CSV the observatory loads for its rates per 10,000 minors and per
 * 1,000 children in ASE care. Empty cells mean unknown, never zero. Populations are held at their 2020 level.
 */
export const REFERENCE_CSV_HEADER = [
  "department_code",
  "year",
  "population_under_18",
  "children_in_ase_care",
  "ase_rate_per_1000_under_21",
  "unexecuted_placement_decisions",
  "occupancy_rate",
] as const;

/** The reference CSV for one year or several (one row per département and year), from Appendix A. */
export function toReferenceCsv(years: number | readonly number[]): string {
  const yearList = typeof years === "number" ? [years] : years;
  const lines = [REFERENCE_CSV_HEADER.join(",")];
  for (const year of yearList) {
    if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
    for (const reference of DEPARTMENT_REFERENCE) {
      const aseChildren = aseChildrenInYear(reference, year);
      const rate = aseChildren === null ? "" : ((aseChildren / reference.populationUnder21) * 1000).toFixed(1);
      // Placement decisions not executed and occupancy are only known nationally or for a few départements
      // (figures.md §3): left empty rather than invented.
      lines.push([reference.code, year, reference.populationUnder18, aseChildren ?? "", rate, "", ""].join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

import { findDepartment } from "@shared/departments.ts";
import { DEFAULT_L_DIVERSITY, DisclosureInputError, MIN_PUBLISHED_COUNT } from "./disclosure-rules.ts";

// Record-level export (HTCDS columns) made k-anonymous: every combination of quasi-identifiers is shared by at
// least k = 11 records, like the tables' threshold. Quasi-identifiers are generalised step by step along their
// hierarchies (age → band → minor/adult, département → region → France, nationality → group → France/other,
// date → year), always raising the one whose step leaves the fewest records in small classes; once at most
// `maxSuppressedShare` of the records remain in small classes, those records are dropped. Note D9: open data
// should be synthetic; this export is for partners under agreement, and reviewed per D10.

export type RecordValue = string | number | boolean | null | undefined;
export type ExportRecord = Readonly<Record<string, RecordValue>>;

/** Ordered generalisations of one attribute; the last must map every value to the same label. */
export interface GeneralisationHierarchy {
  levels: readonly { name: string; generalise: (value: RecordValue) => string | null }[];
}

export interface KAnonymityOptions {
  k?: number;
  /** Share of records that may be dropped instead of generalising further (default 5 %). */
  maxSuppressedShare?: number;
  /** Attribute that each class must hold at least `l` distinct values of (D7). */
  sensitiveAttribute?: string;
  l?: number;
}

export interface KAnonymityReport {
  k: number;
  /** Generalisation applied to each quasi-identifier (name of its hierarchy level). */
  generalisation: Record<string, string>;
  suppressedRecords: number;
  totalRecords: number;
  classCount: number;
  smallestClass: number;
}

export function anonymiseRecords(
  records: readonly ExportRecord[],
  hierarchies: Readonly<Record<string, GeneralisationHierarchy>>,
  options: KAnonymityOptions = {},
): { records: Record<string, RecordValue>[]; report: KAnonymityReport } {
  const k = options.k ?? MIN_PUBLISHED_COUNT;
  const l = options.l ?? DEFAULT_L_DIVERSITY;
  const budget = Math.floor((options.maxSuppressedShare ?? 0.05) * records.length);
  const attributes = Object.keys(hierarchies);
  if (attributes.length === 0) throw new DisclosureInputError("at least one quasi-identifier is needed");
  const levels = Object.fromEntries(attributes.map((attribute) => [attribute, 0]));

  const generalised = (record: ExportRecord, at: Record<string, number>) =>
    attributes.map((attribute) => {
      const hierarchy = hierarchies[attribute];
      const level = hierarchy?.levels[at[attribute] ?? 0];
      if (!level) throw new DisclosureInputError(`no generalisation level for "${attribute}"`);
      return level.generalise(record[attribute]);
    });
  const badRecords = (at: Record<string, number>) => {
    const classes = new Map<string, { members: number[]; sensitive: Set<string> }>();
    records.forEach((record, index) => {
      const key = JSON.stringify(generalised(record, at));
      const group = classes.get(key) ?? { members: [], sensitive: new Set<string>() };
      group.members.push(index);
      if (options.sensitiveAttribute) group.sensitive.add(String(record[options.sensitiveAttribute] ?? null));
      classes.set(key, group);
    });
    const bad = new Set<number>();
    for (const group of classes.values()) {
      const isDiverse = !options.sensitiveAttribute || group.sensitive.size >= l;
      if (group.members.length < k || !isDiverse) for (const index of group.members) bad.add(index);
    }
    return bad;
  };

  let bad = badRecords(levels);
  while (bad.size > budget) {
    let best: { attribute: string; bad: Set<number> } | undefined;
    for (const attribute of attributes) {
      const level = levels[attribute] ?? 0;
      if (level + 1 >= (hierarchies[attribute]?.levels.length ?? 0)) continue;
      const candidate = badRecords({ ...levels, [attribute]: level + 1 });
      if (!best || candidate.size < best.bad.size) best = { attribute, bad: candidate };
    }
    if (!best) break;
    levels[best.attribute] = (levels[best.attribute] ?? 0) + 1;
    bad = best.bad;
  }

  const kept = records.flatMap((record, index) => {
    if (bad.has(index)) return [];
    const values = generalised(record, levels);
    const output: Record<string, RecordValue> = { ...record };
    attributes.forEach((attribute, a) => {
      output[attribute] = values[a] ?? null;
    });
    return [output];
  });
  const sizes = new Map<string, number>();
  for (const record of kept) {
    const key = JSON.stringify(attributes.map((attribute) => record[attribute] ?? null));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return {
    records: kept,
    report: {
      k,
      generalisation: Object.fromEntries(
        attributes.map((attribute) => [attribute, hierarchies[attribute]?.levels[levels[attribute] ?? 0]?.name ?? ""]),
      ),
      suppressedRecords: records.length - kept.length,
      totalRecords: records.length,
      classCount: sizes.size,
      smallestClass: sizes.size === 0 ? 0 : Math.min(...sizes.values()),
    },
  };
}

const ANY = "*";
const orNull = (value: RecordValue, map: (value: string | number | boolean) => string | null) =>
  value === null || value === undefined || value === "" ? null : map(value);

/** Age in years → Repère bands (data-standard.md §3), then D4's coarse bands, then minor/adult. */
export const AGE_HIERARCHY: GeneralisationHierarchy = {
  levels: [
    {
      name: "age_band",
      generalise: (v) =>
        orNull(v, (age) => bandOf(Number(age), [13, 15, 18, 22], ["<13", "13-14", "15-17", "18-21", "22+"])),
    },
    {
      name: "coarse_age_band",
      generalise: (v) => orNull(v, (age) => bandOf(Number(age), [15, 18, 22], ["<15", "15-17", "18-21", "22+"])),
    },
    { name: "majority", generalise: (v) => orNull(v, (age) => (Number(age) < 18 ? "minor" : "adult")) },
    { name: "suppressed", generalise: () => ANY },
  ],
};

function bandOf(age: number, limits: readonly number[], labels: readonly string[]): string | null {
  if (!Number.isFinite(age) || age < 0) return null;
  const index = limits.findIndex((limit) => age < limit);
  return labels[index < 0 ? labels.length - 1 : index] ?? null;
}

/** INSEE département code → region code → France. */
export const DEPARTMENT_HIERARCHY: GeneralisationHierarchy = {
  levels: [
    {
      name: "department",
      generalise: (v) => orNull(v, (code) => (findDepartment(String(code)) ? String(code) : null)),
    },
    { name: "region", generalise: (v) => orNull(v, (code) => findDepartment(String(code))?.regionCode ?? null) },
    { name: "country", generalise: (v) => orNull(v, (code) => (findDepartment(String(code)) ? "FR" : null)) },
    { name: "suppressed", generalise: () => ANY },
  ],
};

// Groups of data-standard.md §3 reduced to what a short list can hold; every other country falls in "other".
const EU_MEMBERS = new Set("AT BE BG CY CZ DE DK EE ES FI GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "));
const OTHER_EUROPE = new Set("AD AL AM AZ BA BY CH GB GE IS LI MC MD ME MK NO RS RU SM TR UA VA XK".split(" "));
const NORTH_AFRICA = new Set("DZ EG EH LY MA TN".split(" "));

/** ISO 3166 alpha-2 nationality → group → France / other. */
export const CITIZENSHIP_HIERARCHY: GeneralisationHierarchy = {
  levels: [
    { name: "country", generalise: (v) => orNull(v, (code) => String(code).toUpperCase()) },
    {
      name: "country_group",
      generalise: (v) =>
        orNull(v, (raw) => {
          const code = String(raw).toUpperCase();
          if (code === "FR") return "france";
          if (EU_MEMBERS.has(code)) return "european_union";
          if (OTHER_EUROPE.has(code)) return "other_europe";
          if (NORTH_AFRICA.has(code)) return "north_africa";
          return "other";
        }),
    },
    {
      name: "france_or_other",
      generalise: (v) => orNull(v, (code) => (String(code).toUpperCase() === "FR" ? "france" : "other")),
    },
    { name: "suppressed", generalise: () => ANY },
  ],
};

/** ISO date → year (D6: nothing finer than the year is published). */
export const DATE_HIERARCHY: GeneralisationHierarchy = {
  levels: [
    { name: "year", generalise: (v) => orNull(v, (date) => /^(\d{4})/.exec(String(date))?.[1] ?? null) },
    { name: "suppressed", generalise: () => ANY },
  ],
};

export const CATEGORY_HIERARCHY: GeneralisationHierarchy = {
  levels: [
    { name: "value", generalise: (v) => orNull(v, String) },
    { name: "suppressed", generalise: () => ANY },
  ],
};

/** Quasi-identifiers of Repère's HTCDS export (data-standard.md §3) and their hierarchies. */
export const HTCDS_QUASI_IDENTIFIERS: Readonly<Record<string, GeneralisationHierarchy>> = {
  vic_AgeWhenTrafficked: AGE_HIERARCHY,
  prs_Gender: CATEGORY_HIERARCHY,
  prs_Citizenship: CITIZENSHIP_HIERARCHY,
  vic_LocationOfExploitation: DEPARTMENT_HIERARCHY,
  cas_IncomingReferralDate: DATE_HIERARCHY,
};

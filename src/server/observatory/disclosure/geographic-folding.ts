import regions from "@etalab/decoupage-administratif/data/regions.json";
import { DEPARTMENTS } from "@shared/departments.ts";
import { type CountTable, createCountTable } from "./count-table.ts";
import { DisclosureInputError, MIN_PUBLISHED_COUNT } from "./disclosure-rules.ts";

// D5: a département whose annual total is below 11 is published only inside a regional aggregate, so that no
// reader can point at "the 3 victims of Lozère". Small metropolitan départements of a region are grouped
// together; small overseas départements form one "Outre-mer" group (their regions are single départements).
// When a group is itself still below 11 in some year, the smallest remaining département of the region joins
// it, until the group reaches 11 every year or covers the whole region.

/** A published geographic unit: a département alone, or a group of départements. */
export interface GeographicUnit {
  /** "93" for a département, "R84" for a regional group, "OUTRE-MER" for the overseas group. */
  code: string;
  /** French label shown to readers. */
  label: string;
  kind: "department" | "region_group" | "overseas_group";
  departments: string[];
}

export interface DepartmentFolding {
  units: GeographicUnit[];
  unitOf: ReadonlyMap<string, string>;
}

export const OVERSEAS_GROUP_CODE = "OUTRE-MER";

const regionNames = new Map(regions.map((region) => [region.code, region.nom]));

/**
 * Plans the folding from each département's annual totals over the period of the table (one number per year,
 * same years for all; a missing département counts 0).
 */
export function planDepartmentFolding(
  annualTotals: Readonly<Record<string, readonly number[]>>,
  threshold: number = MIN_PUBLISHED_COUNT,
): DepartmentFolding {
  const known = new Set(DEPARTMENTS.map((department) => department.code));
  for (const code of Object.keys(annualTotals)) {
    if (!known.has(code)) throw new DisclosureInputError(`unknown département "${code}"`);
  }
  const yearCount = Math.max(1, ...Object.values(annualTotals).map((totals) => totals.length));
  const totalsOf = (code: string) => Array.from({ length: yearCount }, (_, y) => annualTotals[code]?.[y] ?? 0);
  const smallestYear = (codes: readonly string[]) =>
    Math.min(
      ...Array.from({ length: yearCount }, (_, y) => codes.reduce((sum, code) => sum + (totalsOf(code)[y] ?? 0), 0)),
    );

  const units: GeographicUnit[] = [];
  const areas = new Map<string, string[]>();
  for (const department of DEPARTMENTS) {
    const area = department.isOverseas ? OVERSEAS_GROUP_CODE : department.regionCode;
    areas.set(area, [...(areas.get(area) ?? []), department.code]);
  }
  for (const [area, codes] of areas) {
    const bySize = [...codes].sort((a, b) => smallestYear([a]) - smallestYear([b]));
    const group = bySize.filter((code) => smallestYear([code]) < threshold);
    const rest = bySize.filter((code) => !group.includes(code));
    while (group.length > 0 && smallestYear(group) < threshold && rest.length > 0) {
      const next = rest.shift();
      if (next) group.push(next);
    }
    for (const code of rest) {
      const department = DEPARTMENTS.find((candidate) => candidate.code === code);
      units.push({ code, label: department?.name ?? code, kind: "department", departments: [code] });
    }
    if (group.length > 0) units.push(groupUnit(area, group, group.length === codes.length));
  }
  const unitOf = new Map(units.flatMap((unit) => unit.departments.map((code) => [code, unit.code] as const)));
  return { units, unitOf };
}

function groupUnit(area: string, departments: string[], isWholeArea: boolean): GeographicUnit {
  if (area === OVERSEAS_GROUP_CODE) {
    return {
      code: OVERSEAS_GROUP_CODE,
      label: isWholeArea ? "Outre-mer" : "Outre-mer (départements regroupés)",
      kind: "overseas_group",
      departments,
    };
  }
  const name = regionNames.get(area) ?? area;
  return {
    code: `R${area}`,
    label: isWholeArea ? name : `${name} (départements regroupés)`,
    kind: "region_group",
    departments,
  };
}

/** Replaces a département dimension by the folding's units, adding up the folded départements. */
export function foldDepartmentDimension(table: CountTable, dimension: string, folding: DepartmentFolding): CountTable {
  const d = table.dimensions.findIndex((candidate) => candidate.name === dimension);
  if (d < 0) throw new DisclosureInputError(`no dimension "${dimension}" in the table`);
  const dimensions = table.dimensions.map((candidate, i) =>
    i === d ? { name: candidate.name, categories: folding.units.map((unit) => unit.code) } : candidate,
  );
  const sizes = table.dimensions.map((candidate) => candidate.categories.length);
  const rows = table.cells.map((count, cell) => {
    const categories: string[] = [];
    let rest = cell;
    for (let i = sizes.length - 1; i >= 0; i--) {
      const size = sizes[i] ?? 1;
      const category = table.dimensions[i]?.categories[rest % size] ?? "";
      rest = Math.floor(rest / size);
      if (i !== d) {
        categories.unshift(category);
        continue;
      }
      const unit = folding.unitOf.get(category);
      if (!unit) throw new DisclosureInputError(`unknown département "${category}"`);
      categories.unshift(unit);
    }
    return { categories, count };
  });
  // Structural zeros do not survive folding: a group mixes possible and impossible combinations.
  return createCountTable(dimensions, rows);
}

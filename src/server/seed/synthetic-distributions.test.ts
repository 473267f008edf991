import { describe, expect, it } from "vitest";
import {
  COUNTRY_TABLES,
  complementShares,
  FAMILY_TABLES,
  MINOR_FAMILY_SHARES,
  MNA_FAMILY_SHARES,
  MNA_SHARE_OF_MINORS,
  NATIONALITY_TABLES,
} from "./synthetic-distributions.ts";
import { COUNTRIES_WITH_NAMES } from "./synthetic-names.ts";
import { EXPLOITATION_FAMILIES, NATIONALITY_GROUPS } from "./synthetic-vocabulary.ts";

describe("complementShares", () => {
  it("gives the rest of a population the mix that restores the marginal", () => {
    const rest = complementShares({ a: 50, b: 50 }, 0.2, { a: 100 });
    expect(rest.a).toBeCloseTo(0.375, 10);
    expect(rest.b).toBeCloseTo(0.625, 10);
    expect(0.2 * 1 + 0.8 * rest.a).toBeCloseTo(0.5, 10);
  });

  it("refuses a subgroup that holds more of a category than the whole population", () => {
    expect(() => complementShares({ a: 10, b: 90 }, 0.5, { a: 100 })).toThrow(RangeError);
  });

  it("reproduces figures.md §6's exploitation shares for minors once MNA and other minors are mixed", () => {
    for (const family of EXPLOITATION_FAMILIES) {
      const mixed =
        MNA_SHARE_OF_MINORS * FAMILY_TABLES.minor.mna.probability(family) +
        (1 - MNA_SHARE_OF_MINORS) * FAMILY_TABLES.minor.other.probability(family);
      expect(mixed).toBeCloseTo((MINOR_FAMILY_SHARES[family] ?? 0) / 100, 10);
      expect(FAMILY_TABLES.minor.mna.probability(family)).toBeCloseTo((MNA_FAMILY_SHARES[family] ?? 0) / 100, 10);
    }
  });
});

describe("nationalities", () => {
  it("never makes an MNA French and only names countries that have a name pool", () => {
    for (const ageGroup of ["minor", "young_adult"] as const) {
      for (const family of EXPLOITATION_FAMILIES) {
        expect(NATIONALITY_TABLES[ageGroup].mna[family].probability("france")).toBe(0);
      }
    }
    for (const group of NATIONALITY_GROUPS) {
      for (const country of COUNTRY_TABLES[group].values) expect(COUNTRIES_WITH_NAMES).toContain(country);
    }
  });
});

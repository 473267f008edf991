import countries from "i18n-iso-countries";
import { beforeAll, describe, expect, it } from "vitest";
import { dayOf, fullYearsBetween, parseIsoDay } from "./calendar-days.ts";
import { findDepartmentReference } from "./department-reference.ts";
import { generateSyntheticCase, generateSyntheticCases, type SyntheticCase } from "./synthetic-person.ts";
import {
  AGE_ASSESSMENT_STATUSES,
  AGE_ESTIMATION_METHODS,
  ASE_LEGAL_BASES,
  ASE_PLACEMENT_TYPES,
  CARE_LEAVER_STATUSES,
  CLOSURE_REASONS,
  EXPLOITATION_FAMILIES,
  EXPLOITATION_SUBTYPES,
  EXPLOITER_RELATIONSHIPS,
  GENDERS,
  NATIONALITY_GROUPS,
  PLACE_TYPES,
  PROFILES,
  RECRUITMENT_CHANNELS,
  VICTIM_STATUS_DECIDERS,
  VICTIM_STATUSES,
} from "./synthetic-vocabulary.ts";

const NOW = new Date("2025-06-15T10:30:00Z");
const OPTIONS = { years: [2016, 2025] as const, now: NOW };
const SAMPLE_SIZE = 20_000;

let sample: SyntheticCase[];

beforeAll(() => {
  sample = [...generateSyntheticCases("distribution-check", 0, SAMPLE_SIZE, OPTIONS)];
});

function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length / items.length;
}

function expectShare(actual: number, expected: number, tolerance: number) {
  expect(Math.abs(actual - expected), `share ${actual.toFixed(4)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}

describe("determinism and resumability", () => {
  it("gives the same case for the same seed, index and now, and another case for another index or seed", () => {
    expect(generateSyntheticCase("demo", 42, OPTIONS)).toEqual(generateSyntheticCase("demo", 42, OPTIONS));
    expect(generateSyntheticCase(7, 42, OPTIONS)).toEqual(generateSyntheticCase("7", 42, OPTIONS));
    const other = generateSyntheticCase("demo", 43, OPTIONS);
    expect(other).not.toEqual(generateSyntheticCase("demo", 42, OPTIONS));
    expect(generateSyntheticCase("other", 42, OPTIONS).identity).not.toEqual(
      generateSyntheticCase("demo", 42, OPTIONS).identity,
    );
  });

  it("regenerates any slice alone, in any order, exactly as in a full run", () => {
    const full = [...generateSyntheticCases("resume", 0, 1000, OPTIONS)];
    const slice = [...generateSyntheticCases("resume", 500, 100, OPTIONS)];
    expect(slice).toEqual(full.slice(500, 600));
    const backwards = Array.from({ length: 100 }, (_, i) =>
      generateSyntheticCase("resume", 599 - i, OPTIONS),
    ).reverse();
    expect(backwards).toEqual(full.slice(500, 600));
  });

  it("does not repeat the same person across cases", () => {
    const keys = new Set(
      sample.map((c) => `${c.identity.surname}|${c.identity.firstNames.join(" ")}|${c.identity.birthDate}`),
    );
    expect(keys.size).toBeGreaterThan(SAMPLE_SIZE * 0.99);
  });
});

/**
 * Every problem found in the sample, as "index: what"; an empty list passes. Checking 20,000 cases with one
 * `expect` each would spend most of the run inside the assertion library.
 */
function problems(check: (c: SyntheticCase, fail: (what: string) => void) => void): string[] {
  const found: string[] = [];
  for (const c of sample) check(c, (what) => found.push(`${c.index}: ${what}`));
  return found.slice(0, 10);
}

function within<T>(values: readonly T[], value: T): boolean {
  return values.includes(value);
}

describe("dates", () => {
  const nowDay = dayOf(NOW);

  it("puts nothing after now and every case opening inside the requested years", () => {
    const found = problems((c, fail) => {
      const days = [
        c.identity.birthDate,
        ...c.exploitations.flatMap((e) => [e.startedOn, e.endedOn]),
        ...c.runaways.flatMap((r) => [r.startedOn, r.endedOn]),
        c.profile.placement?.since,
        c.profile.ageAssessment?.decidedOn,
        c.profile.arrivedInFranceOn,
      ];
      for (const day of days) if (day && parseIsoDay(day) > nowDay) fail(`date ${day} after now`);
      for (const instant of [c.createdAt, ...c.victimStatusHistory.map((s) => s.at), c.closure?.at]) {
        if (instant && Date.parse(instant) > NOW.getTime()) fail(`instant ${instant} after now`);
      }
      if (c.identificationYear !== new Date(c.createdAt).getUTCFullYear()) fail("year is not createdAt's");
      if (c.identificationYear < 2016 || c.identificationYear > 2025) fail(`year ${c.identificationYear}`);
    });
    expect(found).toEqual([]);
  });

  it("keeps birth dates consistent with the ages and the age group", () => {
    const found = problems((c, fail) => {
      const birth = parseIsoDay(c.identity.birthDate);
      if (fullYearsBetween(birth, dayOf(new Date(c.createdAt))) !== c.ageAtIdentification)
        fail("age at identification");
      const firstFacts = Math.min(...c.exploitations.map((e) => parseIsoDay(e.startedOn)));
      if (fullYearsBetween(birth, firstFacts) !== c.ageAtFirstFacts) fail("age at first facts");
      if (c.ageAtFirstFacts > c.ageAtIdentification) fail("first facts after identification");
      if (c.ageGroup === "minor" ? c.ageAtIdentification >= 18 : !within([18, 19, 20], c.ageAtIdentification)) {
        fail(`age ${c.ageAtIdentification} in group ${c.ageGroup}`);
      }
    });
    expect(found).toEqual([]);
  });

  it("orders events: exploitation and runaways before the opening, statuses climbing one by one", () => {
    const found = problems((c, fail) => {
      const created = Date.parse(c.createdAt);
      const createdDay = dayOf(new Date(created));
      for (const e of c.exploitations) {
        if (parseIsoDay(e.startedOn) > createdDay) fail("exploitation starts after the opening");
        if (e.endedOn && e.endedOn < e.startedOn) fail("exploitation ends before it starts");
      }
      let previousEnd = "";
      for (const r of c.runaways) {
        if (r.startedOn <= previousEnd || r.endedOn < r.startedOn) fail("runaways overlap or run backwards");
        if (parseIsoDay(r.endedOn) >= createdDay) fail("runaway after the opening");
        if (fullYearsBetween(parseIsoDay(c.identity.birthDate), parseIsoDay(r.endedOn)) >= 18)
          fail("runaway as an adult");
        previousEnd = r.endedOn;
      }
      const [first] = c.victimStatusHistory;
      if (first?.status !== "possible" || first.at !== c.createdAt) fail("history does not start with possible");
      c.victimStatusHistory.forEach((change, i) => {
        if (change.status !== VICTIM_STATUSES[i]) fail(`status ${i} is ${change.status}`);
        if (i > 0 && change.at <= (c.victimStatusHistory[i - 1]?.at ?? "")) fail("statuses out of order");
      });
      if ((c.status === "closed") !== (c.closure !== null)) fail("status and closure disagree");
      if (c.closure && Date.parse(c.closure.at) <= created) fail("closed before opened");
      if (
        c.closure?.reason === "reached_21" &&
        fullYearsBetween(parseIsoDay(c.identity.birthDate), dayOf(new Date(c.closure.at))) !== 21
      ) {
        fail("reached_21 closure not on the 21st birthday");
      }
    });
    expect(found).toEqual([]);
    expect(sample.some((c) => c.closure?.reason === "reached_21")).toBe(true);
  });

  it("stops at a mid-year now and refuses years that start after it", () => {
    const now = new Date("2024-03-01T00:00:00Z");
    const cases = [...generateSyntheticCases("mid-year", 0, 2000, { years: [2023, 2030], now })];
    expect(cases.filter((c) => Date.parse(c.createdAt) > now.getTime())).toEqual([]);
    expect(new Set(cases.map((c) => c.identificationYear))).toEqual(new Set([2023, 2024]));
    expect(() => generateSyntheticCase("x", 0, { years: [2026, 2027], now })).toThrow(RangeError);
    expect(() => generateSyntheticCase("x", 0, { years: [2024, 2023], now })).toThrow(RangeError);
  });
});

describe("values", () => {
  it("uses only the vocabulary's identifiers and real ISO countries", () => {
    const found = problems((c, fail) => {
      const checks: [readonly unknown[], unknown][] = [
        [PROFILES, c.profile.kind],
        [GENDERS, c.gender],
        [NATIONALITY_GROUPS, c.nationalityGroup],
        [RECRUITMENT_CHANNELS, c.recruitmentChannel],
        [EXPLOITER_RELATIONSHIPS, c.exploiterRelationship],
        [AGE_ESTIMATION_METHODS, c.identity.ageEstimationMethod],
        ...c.exploitations.flatMap((e): [readonly unknown[], unknown][] => [
          [EXPLOITATION_FAMILIES, e.family],
          [EXPLOITATION_SUBTYPES[e.family], e.subtype],
          ...e.places.map((place): [readonly unknown[], unknown] => [PLACE_TYPES, place.type]),
        ]),
        ...c.victimStatusHistory.map((change): [readonly unknown[], unknown] => [
          VICTIM_STATUS_DECIDERS,
          change.decidedBy,
        ]),
      ];
      if (c.closure) checks.push([CLOSURE_REASONS, c.closure.reason]);
      if (c.profile.placement) {
        checks.push([ASE_PLACEMENT_TYPES, c.profile.placement.type], [ASE_LEGAL_BASES, c.profile.placement.legalBasis]);
      }
      if (c.profile.ageAssessment) checks.push([AGE_ASSESSMENT_STATUSES, c.profile.ageAssessment.status]);
      if (c.profile.careLeaverStatus) checks.push([CARE_LEAVER_STATUSES, c.profile.careLeaverStatus]);
      for (const [values, value] of checks) if (!within(values, value)) fail(`unknown value ${String(value)}`);
      if (!countries.isValid(c.nationality)) fail(`invalid country ${c.nationality}`);
    });
    expect(found).toEqual([]);
  });

  it("writes identities with names, fiction-range phones and communes inside their département", () => {
    const found = problems((c, fail) => {
      if (c.identity.surname.trim() === "") fail("empty surname");
      if (c.identity.firstNames.length === 0 || c.identity.firstNames.some((n) => n.trim() === "")) fail("first names");
      for (const phone of c.identity.phones) if (!/^06 39 98 \d\d \d\d$/.test(phone)) fail(`phone ${phone}`);
      const address = c.identity.address;
      if (address && !address.communeCode.startsWith(c.departmentCode)) fail(`commune ${address.communeCode}`);
      if (address && !/^\d{5}$/.test(address.postalCode)) fail(`postal code ${address.postalCode}`);
      for (const place of c.exploitations.flatMap((e) => e.places)) {
        const ok =
          place.type === "online"
            ? place.communeCode === null
            : place.departmentCode !== null && place.communeCode?.startsWith(place.departmentCode);
        if (!ok) fail(`place ${place.type} ${place.communeCode} in ${place.departmentCode}`);
      }
      if (!findDepartmentReference(c.departmentCode)) fail(`département ${c.departmentCode}`);
    });
    expect(found).toEqual([]);
    const sources = new Set(sample.map((c) => c.identity.nameSource));
    for (const source of ["fr", "fr_SN", "yo_NG", "ro", "invented:maghreb"]) expect(sources).toContain(source);
  });

  it("keeps profiles coherent: MNA are foreign, placements match the profile, hotels stop in 2024", () => {
    const found = problems((c, fail) => {
      const { kind, placement, ageAssessment, careLeaverStatus } = c.profile;
      if (kind === "unaccompanied_minor" && (c.nationality === "FR" || !ageAssessment || c.ageGroup !== "minor")) {
        fail("MNA is French, adult or without age assessment");
      }
      if (kind === "ase_placed" && !placement) fail("ASE-placed without placement");
      if (kind === "family" && placement) fail("family with a placement");
      if (kind === "care_leaver" && c.ageGroup !== "young_adult") fail("care leaver under 18");
      if (kind === "care_leaver" && (placement !== null) !== (careLeaverStatus === "young_adult_contract")) {
        fail("care leaver placement without contract");
      }
      if (placement?.type === "hotel" && placement.since >= "2024-02-01") fail("hotel placement after the ban");
    });
    expect(found).toEqual([]);
  });
});

describe("distributions (figures.md §6)", () => {
  const minors = () => sample.filter((c) => c.ageGroup === "minor");
  const main = (c: SyntheticCase) => c.exploitations[0]?.family;

  it("has ≈ 35% young adults", () => {
    expectShare(
      share(sample, (c) => c.ageGroup === "young_adult"),
      0.35,
      0.015,
    );
  });

  it("splits minors' exploitation as §6: sexual 75, criminal 17, labour/domestic 5, begging 2, other 1", () => {
    const m = minors();
    expectShare(
      share(m, (c) => main(c) === "sexual"),
      0.75,
      0.015,
    );
    expectShare(
      share(m, (c) => main(c) === "criminal"),
      0.17,
      0.012,
    );
    expectShare(
      share(m, (c) => main(c) === "labour" || main(c) === "domestic"),
      0.05,
      0.008,
    );
    expectShare(
      share(m, (c) => main(c) === "begging"),
      0.02,
      0.005,
    );
    expectShare(
      share(m, (c) => main(c) === "other"),
      0.01,
      0.004,
    );
  });

  it("splits young adults' exploitation as §6: sexual 70, labour 20, criminal 10", () => {
    const adults = sample.filter((c) => c.ageGroup === "young_adult");
    expectShare(
      share(adults, (c) => main(c) === "sexual"),
      0.7,
      0.02,
    );
    expectShare(
      share(adults, (c) => main(c) === "labour" || main(c) === "domestic"),
      0.2,
      0.02,
    );
    expectShare(
      share(adults, (c) => main(c) === "criminal"),
      0.1,
      0.015,
    );
  });

  it("has 27% MNA, 60% ASE-placed and 13% living with family among minors", () => {
    const m = minors();
    expectShare(
      share(m, (c) => c.profile.kind === "unaccompanied_minor"),
      0.27,
      0.015,
    );
    expectShare(
      share(m, (c) => c.profile.kind === "ase_placed"),
      0.6,
      0.015,
    );
    expectShare(
      share(m, (c) => c.profile.kind === "family"),
      0.13,
      0.012,
    );
    const mna = m.filter((c) => c.profile.kind === "unaccompanied_minor");
    expectShare(
      share(mna, (c) => main(c) === "criminal"),
      0.62,
      0.03,
    );
  });

  it("gives the §6 sex split by type of exploitation", () => {
    const m = minors();
    const sexual = m.filter((c) => main(c) === "sexual");
    expectShare(
      share(sexual, (c) => c.gender === "female"),
      0.95,
      0.01,
    );
    expectShare(
      share(sexual, (c) => c.gender === "male"),
      0.04,
      0.01,
    );
    const criminal = m.filter((c) => main(c) === "criminal");
    expectShare(
      share(criminal, (c) => c.gender === "male"),
      0.9,
      0.02,
    );
    expectShare(
      share(m, (c) => c.gender === "female"),
      0.75,
      0.04,
    );
    const adultSexual = sample.filter((c) => c.ageGroup === "young_adult" && main(c) === "sexual");
    expectShare(
      share(adultSexual, (c) => c.gender === "female"),
      0.85,
      0.02,
    );
  });

  it("gives the §6 ages, nationalities and recruitment channels", () => {
    const sexual = minors().filter((c) => main(c) === "sexual");
    expectShare(
      share(sexual, (c) => c.ageAtIdentification === 15 || c.ageAtIdentification === 16),
      0.52,
      0.025,
    );
    expectShare(
      share(sexual, (c) => c.ageAtIdentification <= 13),
      0.08,
      0.015,
    );
    expectShare(
      share(sexual, (c) => c.nationality === "FR"),
      0.8,
      0.015,
    );
    expectShare(
      share(sexual, (c) => ["social_network", "messaging_app"].includes(c.recruitmentChannel)),
      0.55,
      0.02,
    );
    expectShare(
      share(sexual, (c) => c.recruitmentChannel === "partner"),
      0.15,
      0.015,
    );
    const criminal = minors().filter((c) => main(c) === "criminal");
    expectShare(
      share(criminal, (c) => c.nationalityGroup === "maghreb"),
      0.55,
      0.03,
    );
    expectShare(
      share(criminal, (c) => c.ageAtIdentification >= 16),
      0.6,
      0.03,
    );
  });

  it("gives 80% of ASE girls in sexual exploitation at least one runaway, with a median of 3", () => {
    const girls = minors().filter(
      (c) => c.profile.kind === "ase_placed" && c.gender === "female" && main(c) === "sexual",
    );
    expect(girls.length).toBeGreaterThan(5000);
    expectShare(
      share(girls, (c) => c.runaways.length >= 1),
      0.8,
      0.02,
    );
    expect(median(girls.filter((c) => c.runaways.length > 0).map((c) => c.runaways.length))).toBe(3);
    const others = sample.filter((c) => c.profile.kind === "family");
    expect(share(others, (c) => c.runaways.length >= 1)).toBeLessThan(0.5);
  });

  it("gives one case in eight a second, different form of exploitation", () => {
    expectShare(
      share(sample, (c) => c.exploitations.length === 2),
      0.12,
      0.01,
    );
    expect(sample.filter((c) => c.exploitations.length === 2 && main(c) === c.exploitations[1]?.family)).toEqual([]);
  });

  it("has about half of young adults exploited since they were minors", () => {
    const adults = sample.filter((c) => c.ageGroup === "young_adult");
    expectShare(
      share(adults, (c) => c.ageAtFirstFacts < 18),
      0.52,
      0.025,
    );
  });

  it("weights départements as §6: Seine-Saint-Denis far above Creuse, every département reached", () => {
    const count = (code: string) => sample.filter((c) => c.departmentCode === code).length;
    expect(count("93")).toBeGreaterThan(20 * Math.max(1, count("23")));
    expectShare(count("93") / SAMPLE_SIZE, 0.119, 0.015);
    expect(new Set(sample.map((c) => c.departmentCode)).size).toBe(101);
  });

  it("spreads cases over the years with a rising trend and leaves some cases open, some overdue for closure", () => {
    const perYear = (year: number) => sample.filter((c) => c.identificationYear === year).length;
    expect(perYear(2024)).toBeGreaterThan(perYear(2016) * 1.5);
    expectShare(
      share(sample, (c) => c.victimStatusHistory.length >= 2),
      0.92 * 0.75,
      0.03,
    );
    const recent = sample.filter((c) => c.identificationYear === 2025);
    const old = sample.filter((c) => c.identificationYear === 2017);
    expect(share(recent, (c) => c.status === "open")).toBeGreaterThan(0.8);
    expect(share(old, (c) => c.status === "closed")).toBeGreaterThan(0.95);
  });
});

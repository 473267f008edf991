/**
 * Name pools for synthetic people, chosen by nationality. Faker (@faker-js/faker) supplies the word lists of its
 * locales; names are drawn with our own PRNG from those lists, because reseeding faker for every case costs
 * ~150 µs (15 s per 100,000 cases) while a draw from a list costs nothing. Faker has no locale in Latin script for
 * Maghrebi, Albanian or Afghan names: those pools are written here from common given names and family names, so a
 * combination is invented and names no real person.
 */

import type { Faker } from "@faker-js/faker";
import { faker as fakerDE } from "@faker-js/faker/locale/de";
import { faker as fakerEN_GH } from "@faker-js/faker/locale/en_GH";
import { faker as fakerES } from "@faker-js/faker/locale/es";
import { faker as fakerFR } from "@faker-js/faker/locale/fr";
import { faker as fakerFR_BE } from "@faker-js/faker/locale/fr_BE";
import { faker as fakerFR_SN } from "@faker-js/faker/locale/fr_SN";
import { faker as fakerIT } from "@faker-js/faker/locale/it";
import { faker as fakerPT_BR } from "@faker-js/faker/locale/pt_BR";
import { faker as fakerPT_PT } from "@faker-js/faker/locale/pt_PT";
import { faker as fakerRO } from "@faker-js/faker/locale/ro";
import { faker as fakerRO_MD } from "@faker-js/faker/locale/ro_MD";
import { faker as fakerSR_RS_latin } from "@faker-js/faker/locale/sr_RS_latin";
import { faker as fakerTR } from "@faker-js/faker/locale/tr";
import { faker as fakerVI } from "@faker-js/faker/locale/vi";
import { faker as fakerYO_NG } from "@faker-js/faker/locale/yo_NG";
import { type Random, WeightedTable } from "./random.ts";
import type { Gender } from "./synthetic-vocabulary.ts";

export interface NamePool {
  /** Faker locale code, or `invented:<name>` for the lists below. */
  source: string;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
  /** Spanish and Colombian civil status carries two family names. */
  surnameParts: 1 | 2;
  /** Distribution of the number of given names on the civil status. */
  givenNameCount: WeightedTable<number>;
}

const ONE_OR_TWO_GIVEN_NAMES = new WeightedTable<number>([
  [1, 85],
  [2, 15],
]);
// French civil status often lists two or three given names.
const FRENCH_GIVEN_NAMES = new WeightedTable<number>([
  [1, 45],
  [2, 40],
  [3, 15],
]);

function fromFaker(
  locale: string,
  faker: Faker,
  givenNameCount = ONE_OR_TWO_GIVEN_NAMES,
  surnameParts: 1 | 2 = 1,
): NamePool {
  const person = faker.rawDefinitions.person;
  const female = person?.first_name?.female ?? [];
  const male = person?.first_name?.male ?? [];
  const surnames = person?.last_name?.generic ?? [];
  // A faker upgrade that drops a list must fail loudly, not yield "undefined" surnames in a million rows.
  if (female.length === 0 || male.length === 0 || surnames.length === 0) {
    throw new Error(`faker locale ${locale} has no gendered first names or last names`);
  }
  return { source: locale, female, male, surnames, surnameParts, givenNameCount };
}

function invented(
  name: string,
  female: readonly string[],
  male: readonly string[],
  surnames: readonly string[],
): NamePool {
  return {
    source: `invented:${name}`,
    female,
    male,
    surnames,
    surnameParts: 1,
    givenNameCount: ONE_OR_TWO_GIVEN_NAMES,
  };
}

const MAGHREBI = invented(
  "maghreb",
  [
    "Yasmine",
    "Inès",
    "Sarah",
    "Lina",
    "Nour",
    "Amira",
    "Salma",
    "Imane",
    "Meriem",
    "Khadija",
    "Fatima",
    "Samira",
    "Rania",
    "Hiba",
    "Aya",
    "Nadia",
    "Leïla",
    "Sofia",
    "Malak",
    "Zineb",
    "Asma",
    "Chaïma",
    "Wiam",
    "Souad",
  ],
  [
    "Mohamed",
    "Youssef",
    "Amine",
    "Ayoub",
    "Bilal",
    "Hamza",
    "Karim",
    "Mehdi",
    "Nassim",
    "Rayan",
    "Walid",
    "Adam",
    "Ilyes",
    "Anis",
    "Sofiane",
    "Yacine",
    "Omar",
    "Hicham",
    "Nabil",
    "Zakaria",
    "Ismaël",
    "Othmane",
    "Mourad",
    "Khalil",
  ],
  [
    "Benali",
    "Haddad",
    "Bouzid",
    "Mansouri",
    "Benamar",
    "Belkacem",
    "El Idrissi",
    "Amrani",
    "Cherif",
    "Saïdi",
    "Hamidi",
    "Toumi",
    "Brahimi",
    "Khelifi",
    "Ouali",
    "Zerrouki",
    "Benyahia",
    "Rahmani",
    "Meziane",
    "El Fassi",
    "Alaoui",
    "Bennani",
    "Tazi",
    "Lahlou",
    "Chaoui",
    "Bouaziz",
    "Ferhat",
    "Djebbar",
    "Slimani",
    "Ait Ahmed",
  ],
);

const ALBANIAN = invented(
  "albanian",
  ["Arta", "Blerta", "Drita", "Elira", "Jonida", "Klea", "Ledia", "Mira", "Rina", "Teuta", "Anisa", "Era"],
  ["Arben", "Besnik", "Dritan", "Endrit", "Flamur", "Gjergj", "Ilir", "Klodian", "Luan", "Erion", "Altin", "Mergim"],
  ["Hoxha", "Shehu", "Krasniqi", "Gashi", "Berisha", "Leka", "Dervishi", "Kola", "Marku", "Prifti", "Bajrami", "Çela"],
);

const AFGHAN = invented(
  "afghan",
  [
    "Mariam",
    "Zahra",
    "Fatima",
    "Sakina",
    "Parwana",
    "Nilofar",
    "Shabnam",
    "Farida",
    "Laila",
    "Habiba",
    "Freshta",
    "Masouma",
  ],
  ["Ahmad", "Mohammad", "Ali", "Hamid", "Jawad", "Farhad", "Mustafa", "Sayed", "Naveed", "Rahim", "Zaker", "Samiullah"],
  [
    "Ahmadi",
    "Rahimi",
    "Hakimi",
    "Karimi",
    "Noori",
    "Sultani",
    "Haidari",
    "Popal",
    "Wardak",
    "Safi",
    "Hussaini",
    "Amiri",
  ],
);

const FRENCH = fromFaker("fr", fakerFR, FRENCH_GIVEN_NAMES);
const WEST_AFRICAN = fromFaker("fr_SN", fakerFR_SN);
const SPANISH = fromFaker("es", fakerES, ONE_OR_TWO_GIVEN_NAMES, 2);
const PORTUGUESE = fromFaker("pt_PT", fakerPT_PT);
const ITALIAN = fromFaker("it", fakerIT);
const ENGLISH_SOUNDING = fromFaker("en_GH", fakerEN_GH);

const POOL_BY_COUNTRY: Readonly<Record<string, NamePool>> = {
  BE: fromFaker("fr_BE", fakerFR_BE),
  DE: fromFaker("de", fakerDE),
  ES: SPANISH,
  IT: ITALIAN,
  PT: PORTUGUESE,
  NG: fromFaker("yo_NG", fakerYO_NG),
  GH: ENGLISH_SOUNDING,
  CM: WEST_AFRICAN,
  CI: WEST_AFRICAN,
  CD: WEST_AFRICAN,
  GN: WEST_AFRICAN,
  ML: WEST_AFRICAN,
  SN: WEST_AFRICAN,
  GM: WEST_AFRICAN,
  MA: MAGHREBI,
  DZ: MAGHREBI,
  TN: MAGHREBI,
  RO: fromFaker("ro", fakerRO),
  MD: fromFaker("ro_MD", fakerRO_MD),
  BA: fromFaker("sr_RS_latin", fakerSR_RS_latin),
  RS: fromFaker("sr_RS_latin", fakerSR_RS_latin),
  AL: ALBANIAN,
  VN: fromFaker("vi", fakerVI),
  AF: AFGHAN,
  BR: fromFaker("pt_BR", fakerPT_BR),
  CO: SPANISH,
  TR: fromFaker("tr", fakerTR),
};

/** ASSUMPTION: French nationals' names reflect France's diversity rather than one list. */
const FRENCH_NATIONAL_POOLS = new WeightedTable<NamePool>([
  [FRENCH, 75],
  [MAGHREBI, 12],
  [WEST_AFRICAN, 8],
  [PORTUGUESE, 3],
  [ITALIAN, 2],
]);

export function namePoolFor(random: Random, countryCode: string): NamePool {
  if (countryCode === "FR") return FRENCH_NATIONAL_POOLS.pick(random);
  const pool = POOL_BY_COUNTRY[countryCode];
  if (!pool) throw new Error(`no name pool for nationality ${countryCode}`);
  return pool;
}

/** Every country a synthetic case can have; the generator's country tables must stay inside it. */
export const COUNTRIES_WITH_NAMES: readonly string[] = ["FR", ...Object.keys(POOL_BY_COUNTRY)];

export interface SyntheticName {
  surname: string;
  firstNames: string[];
  nameSource: string;
}

function givenNamesFor(pool: NamePool, gender: Gender, random: Random): readonly string[] {
  if (gender === "female") return pool.female;
  if (gender === "male") return pool.male;
  return random.chance(0.5) ? pool.female : pool.male;
}

export function drawName(random: Random, pool: NamePool, gender: Gender): SyntheticName {
  const count = pool.givenNameCount.pick(random);
  const given = givenNamesFor(pool, gender, random);
  const firstNames: string[] = [];
  // Duplicates are redrawn a few times; a short list may still repeat, which civil status allows.
  for (let attempt = 0; firstNames.length < count && attempt < count * 4; attempt++) {
    const name = random.pick(given);
    if (!firstNames.includes(name)) firstNames.push(name);
  }
  const surname =
    pool.surnameParts === 2
      ? `${random.pick(pool.surnames)} ${random.pick(pool.surnames)}`
      : random.pick(pool.surnames);
  return { surname, firstNames, nameSource: pool.source };
}

/** A street name: a nickname or an ad's first name, drawn from the French or English-sounding pools. */
export function drawAlias(random: Random, gender: Gender): string {
  const pool = random.chance(0.6) ? FRENCH : ENGLISH_SOUNDING;
  return random.pick(givenNamesFor(pool, gender, random));
}

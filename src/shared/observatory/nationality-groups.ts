/**
 * ISO 3166 alpha-2 codes → the observatory's nationality groups (data-standard.md §3). Codes not listed (Oceania,
 * stateless, unknown codes) fall in "other". A person with French nationality among several counts as French.
 */
const EU = "AT BE BG HR CY CZ DK EE FI DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE";
const OTHER_EUROPE = "AL AD AM BY BA FO GE GI IS XK LI MD MC ME MK NO RU SM RS CH TR UA GB VA";
const NORTH_AFRICA = "DZ EG LY MA TN EH";
const SUB_SAHARAN_AFRICA =
  "AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MR MU YT MZ NA NE NG RE RW " +
  "SH ST SN SC SL SO ZA SS SD TZ TG UG ZM ZW";
const ASIA =
  "AF AZ BH BD BT BN KH CN HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP OM PK PS PH QA SA SG KR LK SY " +
  "TW TJ TH TL TM AE UZ VN YE";
const AMERICAS =
  "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE PR GF GP " +
  "MQ PM BL MF";

const groups: [string, string][] = [
  ["european_union", EU],
  ["other_europe", OTHER_EUROPE],
  ["north_africa", NORTH_AFRICA],
  ["sub_saharan_africa", SUB_SAHARAN_AFRICA],
  ["asia", ASIA],
  ["americas", AMERICAS],
];

/** Country code → group, France excluded (handled first). */
export const NATIONALITY_GROUP_OF: Readonly<Record<string, string>> = Object.fromEntries(
  groups.flatMap(([group, codes]) => codes.split(" ").map((code) => [code, group] as const)),
);

/** The group of a person's nationalities: France if French, else the group of the first known one. */
export function nationalityGroupOf(nationalities: readonly string[]): string {
  if (nationalities.length === 0) return "unknown";
  if (nationalities.some((code) => code.toUpperCase() === "FR")) return "france";
  const first = [...nationalities].map((code) => code.toUpperCase()).sort()[0] ?? "";
  return NATIONALITY_GROUP_OF[first] ?? "other";
}

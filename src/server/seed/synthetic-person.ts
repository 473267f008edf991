/**
 * One synthetic case, as a plain object, from (seed, index, options) alone: case i is the same whatever the number
 * of cases and whatever batch it is generated in, so `repere seed` can resume at any index. Every value is drawn
 * from synthetic-distributions.ts (figures.md §6 and labelled assumptions); names and streets come from faker's
 * word lists, phones from the ARCEP fiction range, communes from the INSEE COG. No real person is described.
 */

import {
  anniversaryDay,
  birthDayForAge,
  DAY_MS,
  dayOf,
  fullYearsBetween,
  isoDay,
  isoInstant,
  parseIsoDay,
} from "./calendar-days.ts";
import { DEPARTMENT_CASE_TABLE } from "./department-reference.ts";
import { type Random, randomForIndex, WeightedTable } from "./random.ts";
import {
  AGE_ASSESSMENT_TABLE,
  ALIAS_SHARE,
  ASE_LEGAL_BASIS_TABLE,
  ASE_PLACEMENT_TABLE,
  ASE_SHARE_OF_OTHER_MINORS,
  CARE_LEAVER_PLACEMENT_TABLE,
  CARE_LEAVER_SHARE_OF_OTHER_YOUNG_ADULTS,
  CHANNEL_TABLES,
  CLOSURE_REASON_TABLE,
  COUNTRY_TABLES,
  DISPUTED_MNA_AGE_METHOD_TABLE,
  FAMILY_TABLES,
  FORMER_MNA_SHARE_OF_YOUNG_ADULTS,
  HOTEL_BAN_DATE,
  IDENTIFIED_AFTER_A_YEAR_SHARE,
  IDENTIFIED_LE_SHARE_OF_PRESUMED,
  MEAN_CASE_LENGTH_DAYS,
  MINIMUM_BEGGING_ONSET_AGE,
  MINIMUM_ONSET_AGE,
  MNA_AGE,
  MNA_LEGAL_BASIS_TABLE,
  MNA_PLACEMENT_TABLE,
  MNA_SHARE_OF_MINORS,
  NATIONALITY_TABLES,
  NON_MNA_AGE_METHOD_TABLE,
  NOT_VICTIM_SHARE,
  OTHER_MINOR_AGES,
  PHONE_COUNT_TABLE,
  PLACE_TYPE_TABLES,
  PLACED_AFTER_SCREENING_SHARE,
  POSSIBLE_DECIDER_TABLES,
  PRESUMED_DECIDER_TABLE,
  PRESUMED_SHARE,
  RECOGNISED_COURT_SHARE_OF_IDENTIFIED,
  RECOGNISED_MNA_AGE_METHOD_TABLE,
  RELATIONSHIP_BY_CHANNEL,
  RUNAWAY_ASE_GIRLS_SEXUAL,
  RUNAWAY_LENGTH_DAYS,
  RUNAWAY_PATTERNS,
  SAME_DEPARTMENT_PLACE_SHARE,
  SECOND_FORM_SHARE,
  SECOND_FORM_TABLES,
  SEX_TABLES,
  SEXUAL_MINOR_AGE,
  STATUS_DELAY_DAYS,
  SUBTYPE_TABLES,
  YOUNG_ADULT_AGE,
  YOUNG_ADULT_CONTRACT_SHARE,
  YOUNG_ADULT_MINOR_AT_ONSET_SHARE,
  YOUNG_ADULT_SHARE,
  yearWeight,
} from "./synthetic-distributions.ts";
import { drawAlias, drawName, namePoolFor } from "./synthetic-names.ts";
import { drawCommune, drawOtherDepartment, drawStreet } from "./synthetic-places.ts";
import type {
  AgeAssessmentStatus,
  AgeEstimationMethod,
  AgeGroup,
  AseLegalBasis,
  AsePlacementType,
  CareLeaverStatus,
  CaseStatus,
  ClosureReason,
  ExploitationFamily,
  ExploitationSubtype,
  ExploiterRelationship,
  Gender,
  NationalityGroup,
  PlaceType,
  Profile,
  RecruitmentChannel,
  VictimStatus,
  VictimStatusDecider,
} from "./synthetic-vocabulary.ts";

/** Stored with seeded data, so a dataset says which rules produced it. Bump it when any distribution changes. */
export const SYNTHETIC_GENERATOR_VERSION = "repere-synthetic/2";

export interface SyntheticCaseOptions {
  /** Years of first identification, both included; the current year stops at `now`. */
  years: readonly [from: number, to: number];
  /** Nothing happens after this instant. */
  now: Date;
}

export interface SyntheticAddress {
  street: string;
  postalCode: string;
  communeCode: string;
  communeName: string;
  departmentCode: string;
}

export interface SyntheticIdentity {
  surname: string;
  firstNames: string[];
  /** Street name or ad name, when one is known. */
  alias: string | null;
  /** Where the names were drawn from: a faker locale, or one of our invented lists. */
  nameSource: string;
  /** YYYY-MM-DD; `ageEstimationMethod` says how it is known. */
  birthDate: string;
  ageEstimationMethod: AgeEstimationMethod;
  /** French mobile numbers from ARCEP's range reserved for fiction (06 39 98 00 00 – 06 39 98 99 99). */
  phones: string[];
  /** Placement or home address; null for a young person with no stable address. */
  address: SyntheticAddress | null;
}

export interface SyntheticPlacement {
  type: AsePlacementType;
  legalBasis: AseLegalBasis;
  since: string;
  departmentCode: string;
}

export interface SyntheticAgeAssessment {
  status: AgeAssessmentStatus;
  method: AgeEstimationMethod;
  decidedOn: string | null;
}

export interface SyntheticProfile {
  kind: Profile;
  placement: SyntheticPlacement | null;
  /** MNA and former MNA only. */
  ageAssessment: SyntheticAgeAssessment | null;
  arrivedInFranceOn: string | null;
  /** Care leavers only. */
  careLeaverStatus: CareLeaverStatus | null;
}

export interface SyntheticPlace {
  type: PlaceType;
  /** INSEE commune code; null when the exploitation happened online only. */
  communeCode: string | null;
  departmentCode: string | null;
}

export interface SyntheticExploitation {
  family: ExploitationFamily;
  subtype: ExploitationSubtype;
  startedOn: string;
  /** Null while it goes on or its end is unknown. */
  endedOn: string | null;
  places: SyntheticPlace[];
}

export interface SyntheticRunaway {
  startedOn: string;
  endedOn: string;
  reportedMissing: boolean;
}

export interface SyntheticStatusChange {
  status: VictimStatus;
  decidedBy: VictimStatusDecider;
  at: string;
}

export interface SyntheticCase {
  generatorVersion: string;
  seed: string;
  index: number;
  /** ISO instant the case was opened: the first screening, in `identificationYear`. */
  createdAt: string;
  identificationYear: number;
  /** Département in charge. */
  departmentCode: string;
  identity: SyntheticIdentity;
  gender: Gender;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  nationalityGroup: NationalityGroup;
  ageGroup: AgeGroup;
  ageAtFirstFacts: number;
  ageAtIdentification: number;
  profile: SyntheticProfile;
  /** The first is the main form; a second may follow or overlap (legal.md §3). */
  exploitations: SyntheticExploitation[];
  recruitmentChannel: RecruitmentChannel;
  exploiterRelationship: ExploiterRelationship;
  /** Runaway episodes before the case was opened (and before 18), oldest first. */
  runaways: SyntheticRunaway[];
  /** Oldest first; starts with `possible` at `createdAt`. */
  victimStatusHistory: SyntheticStatusChange[];
  status: CaseStatus;
  closure: { reason: ClosureReason; at: string } | null;
}

interface TimeFrame {
  years: WeightedTable<number>;
  nowMs: number;
  nowDay: number;
}

let cachedFrame: { key: string; frame: TimeFrame } | undefined;

function timeFrameOf(options: SyntheticCaseOptions): TimeFrame {
  const [from, to] = options.years;
  const nowMs = options.now.getTime();
  const key = `${from}:${to}:${nowMs}`;
  if (cachedFrame?.key === key) return cachedFrame.frame;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to)
    throw new RangeError(`invalid years ${from}-${to}`);
  if (Number.isNaN(nowMs)) throw new RangeError("invalid now");
  const nowYear = options.now.getUTCFullYear();
  if (from > nowYear) throw new RangeError(`years ${from}-${to} start after now (${options.now.toISOString()})`);
  const entries: [number, number][] = [];
  for (let year = from; year <= Math.min(to, nowYear); year++) {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    // The current year only counts the part already elapsed.
    const elapsed = Math.min(1, (nowMs - start) / (end - start));
    entries.push([year, yearWeight(year) * Math.max(elapsed, 0)]);
  }
  const frame = { years: new WeightedTable(entries), nowMs, nowDay: dayOf(options.now) };
  cachedFrame = { key, frame };
  return frame;
}

/** A working-hours instant on a given day, so record events look like office activity. */
function instantOn(random: Random, day: number): number {
  return day * DAY_MS + random.int(7 * 3_600_000, 19 * 3_600_000);
}

function phoneNumber(random: Random): string {
  const line = random.int(0, 9999).toString().padStart(4, "0");
  return `06 39 98 ${line.slice(0, 2)} ${line.slice(2)}`;
}

const HOTEL_BAN_DAY = parseIsoDay(HOTEL_BAN_DATE);

interface Person {
  ageGroup: AgeGroup;
  isMna: boolean;
  profileKind: Profile;
  family: ExploitationFamily;
  gender: Gender;
  age: number;
  birthDay: number;
}

function drawPerson(core: Random, timeline: Random, createdDay: number): Person {
  const ageGroup: AgeGroup = core.chance(YOUNG_ADULT_SHARE) ? "young_adult" : "minor";
  const isMna = core.chance(ageGroup === "minor" ? MNA_SHARE_OF_MINORS : FORMER_MNA_SHARE_OF_YOUNG_ADULTS);
  let profileKind: Profile;
  if (ageGroup === "minor") {
    profileKind = isMna ? "unaccompanied_minor" : core.chance(ASE_SHARE_OF_OTHER_MINORS) ? "ase_placed" : "family";
  } else {
    profileKind = isMna || core.chance(CARE_LEAVER_SHARE_OF_OTHER_YOUNG_ADULTS) ? "care_leaver" : "family";
  }
  const mnaKey = isMna ? "mna" : "other";
  const family = FAMILY_TABLES[ageGroup][mnaKey].pick(core);
  const gender = SEX_TABLES[ageGroup][mnaKey][family].pick(core);
  let age: number;
  if (ageGroup === "young_adult") age = YOUNG_ADULT_AGE.pick(core);
  else if (isMna) age = MNA_AGE.pick(core);
  else if (family === "sexual") age = SEXUAL_MINOR_AGE.pick(core);
  else age = OTHER_MINOR_AGES[family].pick(core);
  const birthDay = birthDayForAge(timeline, createdDay, age);
  return { ageGroup, isMna, profileKind, family, gender, age, birthDay };
}

/** When exploitation began: often more than a year before identification (figures.md §1). */
function drawOnsetDay(random: Random, person: Person, createdDay: number): number {
  const minimumAge = person.family === "begging" ? MINIMUM_BEGGING_ONSET_AGE : MINIMUM_ONSET_AGE;
  const earliest = anniversaryDay(person.birthDay, minimumAge);
  const majority = anniversaryDay(person.birthDay, 18);
  if (person.ageGroup === "young_adult" && random.chance(YOUNG_ADULT_MINOR_AT_ONSET_SHARE)) {
    return random.int(Math.max(earliest, anniversaryDay(person.birthDay, 15)), Math.min(majority, createdDay) - 1);
  }
  const duration = random.chance(IDENTIFIED_AFTER_A_YEAR_SHARE) ? random.int(366, 1095) : random.int(30, 365);
  let onset = Math.max(createdDay - duration, earliest);
  if (person.ageGroup === "young_adult") onset = Math.max(onset, majority);
  return Math.min(onset, createdDay);
}

function drawPlaces(random: Random, family: ExploitationFamily, departmentCode: string): SyntheticPlace[] {
  const count = 1 + Math.min(3, random.poisson(0.6));
  const places: SyntheticPlace[] = [];
  for (let i = 0; i < count; i++) {
    const type = PLACE_TYPE_TABLES[family].pick(random);
    if (type === "online") {
      places.push({ type, communeCode: null, departmentCode: null });
      continue;
    }
    const department = random.chance(SAME_DEPARTMENT_PLACE_SHARE)
      ? departmentCode
      : drawOtherDepartment(random, departmentCode);
    places.push({ type, communeCode: drawCommune(random, department).code, departmentCode: department });
  }
  return places;
}

function drawEnd(random: Random, startDay: number, createdDay: number, nowDay: number): string | null {
  // Most exploitation stops once the young person is protected; for some it goes on or its end is unknown.
  if (!random.chance(0.8)) return null;
  const end = Math.max(startDay, createdDay + random.int(0, 30));
  return end <= nowDay ? isoDay(end) : null;
}

function drawExploitations(
  core: Random,
  timeline: Random,
  places: Random,
  person: Person,
  onsetDay: number,
  createdDay: number,
  nowDay: number,
  departmentCode: string,
): SyntheticExploitation[] {
  const exploitations: SyntheticExploitation[] = [
    {
      family: person.family,
      subtype: SUBTYPE_TABLES[person.family].pick(core),
      startedOn: isoDay(onsetDay),
      endedOn: drawEnd(timeline, onsetDay, createdDay, nowDay),
      places: drawPlaces(places, person.family, departmentCode),
    },
  ];
  if (core.chance(SECOND_FORM_SHARE)) {
    const family = SECOND_FORM_TABLES[person.family].pick(core);
    const start = timeline.int(onsetDay, createdDay);
    exploitations.push({
      family,
      subtype: SUBTYPE_TABLES[family].pick(core),
      startedOn: isoDay(start),
      endedOn: drawEnd(timeline, start, createdDay, nowDay),
      places: drawPlaces(places, family, departmentCode),
    });
  }
  return exploitations;
}

function placementOf(
  where: { nowDay: number; departmentCode: string },
  type: AsePlacementType,
  legalBasis: AseLegalBasis,
  sinceDay: number,
): SyntheticPlacement {
  return {
    // Children are no longer placed in hotels from February 2024.
    type: type === "hotel" && sinceDay >= HOTEL_BAN_DAY ? "establishment" : type,
    legalBasis,
    since: isoDay(Math.min(sinceDay, where.nowDay)),
    departmentCode: where.departmentCode,
  };
}

function drawProfile(
  random: Random,
  person: Person,
  createdDay: number,
  nowDay: number,
  departmentCode: string,
): SyntheticProfile {
  const none = { placement: null, ageAssessment: null, arrivedInFranceOn: null, careLeaverStatus: null };
  const place = { nowDay, departmentCode };

  switch (person.profileKind) {
    case "ase_placed": {
      const placedAfter = random.chance(PLACED_AFTER_SCREENING_SHARE);
      const maximumBefore = Math.max(30, Math.min(6 * 365, (person.age - 2) * 365));
      const since = placedAfter ? createdDay + random.int(0, 60) : createdDay - random.int(30, maximumBefore);
      const legalBasis = placedAfter ? "emergency_placement_order" : ASE_LEGAL_BASIS_TABLE.pick(random);
      return {
        ...none,
        kind: "ase_placed",
        placement: placementOf(place, ASE_PLACEMENT_TABLE.pick(random), legalBasis, since),
      };
    }
    case "unaccompanied_minor": {
      const status = AGE_ASSESSMENT_TABLE.pick(random);
      if (status === "pending") {
        // Assessments take weeks: a pending one means a recent arrival, sheltered in emergency (*mise à l'abri*).
        const arrived = Math.max(createdDay - random.int(3, 60), anniversaryDay(person.birthDay, 12));
        return {
          ...none,
          kind: "unaccompanied_minor",
          ageAssessment: { status, method: "declaration", decidedOn: null },
          arrivedInFranceOn: isoDay(arrived),
          placement: placementOf(place, "other", "administrative", arrived + random.int(0, 5)),
        };
      }
      const arrived = Math.max(createdDay - random.int(15, 720), anniversaryDay(person.birthDay, 12));
      const decided = Math.min(arrived + random.int(5, 90), createdDay);
      const recognised = status === "minority_recognised" || status === "contested";
      const method = (recognised ? RECOGNISED_MNA_AGE_METHOD_TABLE : DISPUTED_MNA_AGE_METHOD_TABLE).pick(random);
      return {
        ...none,
        kind: "unaccompanied_minor",
        ageAssessment: { status, method, decidedOn: isoDay(decided) },
        arrivedInFranceOn: isoDay(arrived),
        // Declared adult, or appealing that decision: no longer in ASE care.
        placement: recognised
          ? placementOf(place, MNA_PLACEMENT_TABLE.pick(random), MNA_LEGAL_BASIS_TABLE.pick(random), decided)
          : null,
      };
    }
    case "care_leaver": {
      const careLeaverStatus: CareLeaverStatus = random.chance(YOUNG_ADULT_CONTRACT_SHARE)
        ? "young_adult_contract"
        : "without_contract";
      const majority = anniversaryDay(person.birthDay, 18);
      const contract =
        careLeaverStatus === "young_adult_contract"
          ? placementOf(place, CARE_LEAVER_PLACEMENT_TABLE.pick(random), "administrative", majority)
          : null;
      if (!person.isMna) return { ...none, kind: "care_leaver", careLeaverStatus, placement: contract };
      const arrived = random.int(anniversaryDay(person.birthDay, 15), majority - 100);
      return {
        kind: "care_leaver",
        careLeaverStatus,
        placement: contract,
        arrivedInFranceOn: isoDay(arrived),
        ageAssessment: {
          status: "minority_recognised",
          method: RECOGNISED_MNA_AGE_METHOD_TABLE.pick(random),
          decidedOn: isoDay(arrived + random.int(5, 90)),
        },
      };
    }
    case "family":
      return { ...none, kind: "family" };
  }
}

function drawRunaways(random: Random, person: Person, onsetDay: number, createdDay: number): SyntheticRunaway[] {
  const pattern =
    person.profileKind === "ase_placed" && person.gender === "female" && person.family === "sexual"
      ? RUNAWAY_ASE_GIRLS_SEXUAL
      : RUNAWAY_PATTERNS[person.profileKind];
  if (!random.chance(pattern.share)) return [];
  const wanted = Math.min(12, 1 + random.poisson(pattern.extraEpisodesMean));
  const windowStart = Math.max(anniversaryDay(person.birthDay, MINIMUM_ONSET_AGE), onsetDay - 365);
  // A runaway (*fugue*) is a minor's; young adults only have those from before their majority.
  const windowEnd = Math.min(createdDay, anniversaryDay(person.birthDay, 18)) - 1;
  const count = Math.min(wanted, Math.floor((windowEnd - windowStart + 1) / 2));
  if (count <= 0) return [];
  // One slot per episode keeps episodes apart and in order.
  const slot = Math.floor((windowEnd - windowStart + 1) / count);
  const reportShare = person.profileKind === "family" ? 0.6 : 0.85;
  const runaways: SyntheticRunaway[] = [];
  for (let i = 0; i < count; i++) {
    const slotStart = windowStart + i * slot;
    const slotEnd = slotStart + slot - 1;
    const start = random.int(slotStart, slotEnd - 1);
    const [shortest, longest] = RUNAWAY_LENGTH_DAYS.pick(random);
    const end = Math.min(start + random.int(shortest, longest), slotEnd, windowEnd);
    runaways.push({ startedOn: isoDay(start), endedOn: isoDay(end), reportedMissing: random.chance(reportShare) });
  }
  return runaways;
}

const STATUS_STEPS: readonly {
  status: VictimStatus;
  share: number;
  deciders: WeightedTable<VictimStatusDecider>;
  delayDays: readonly [number, number];
}[] = [
  {
    status: "presumed",
    share: PRESUMED_SHARE,
    deciders: PRESUMED_DECIDER_TABLE,
    delayDays: STATUS_DELAY_DAYS.presumed,
  },
  {
    status: "identified_le",
    share: IDENTIFIED_LE_SHARE_OF_PRESUMED,
    deciders: new WeightedTable([["police", 1]]),
    delayDays: STATUS_DELAY_DAYS.identified_le,
  },
  {
    status: "recognised_court",
    share: RECOGNISED_COURT_SHARE_OF_IDENTIFIED,
    deciders: new WeightedTable([["court", 1]]),
    delayDays: STATUS_DELAY_DAYS.recognised_court,
  },
];

/** The case closes at `atMs` for `reason`, unless the young person turns 21 first; not at all if that is after now. */
function closureOf(reason: ClosureReason, atMs: number, reached21Ms: number, nowMs: number): SyntheticCase["closure"] {
  const [finalReason, at] = reached21Ms < atMs ? (["reached_21", reached21Ms] as const) : [reason, atMs];
  return at <= nowMs ? { reason: finalReason, at: isoInstant(at) } : null;
}

function drawCaseHistory(
  random: Random,
  person: Person,
  createdMs: number,
  nowMs: number,
): { history: SyntheticStatusChange[]; closure: SyntheticCase["closure"] } {
  const createdDay = Math.floor(createdMs / DAY_MS);
  const history: SyntheticStatusChange[] = [
    {
      status: "possible",
      decidedBy: POSSIBLE_DECIDER_TABLES[person.profileKind].pick(random),
      at: isoInstant(createdMs),
    },
  ];
  const reached21 = instantOn(random, anniversaryDay(person.birthDay, 21));

  if (random.chance(NOT_VICTIM_SHARE)) {
    const [low, high] = STATUS_DELAY_DAYS.notVictimClosure;
    const at = instantOn(random, createdDay + random.int(low, high));
    return { history, closure: closureOf("not_trafficking", at, reached21, nowMs) };
  }

  let day = createdDay;
  for (const step of STATUS_STEPS) {
    if (!random.chance(step.share)) break;
    day += random.int(step.delayDays[0], step.delayDays[1]);
    const at = instantOn(random, day);
    if (at > nowMs) break;
    history.push({ status: step.status, decidedBy: step.deciders.pick(random), at: isoInstant(at) });
  }

  const lengthDays = Math.ceil(-Math.log(1 - random.next()) * MEAN_CASE_LENGTH_DAYS);
  const reason = CLOSURE_REASON_TABLE.pick(random);
  return { history, closure: closureOf(reason, instantOn(random, createdDay + lengthDays), reached21, nowMs) };
}

export function generateSyntheticCase(
  seed: string | number,
  index: number,
  options: SyntheticCaseOptions,
): SyntheticCase {
  const frame = timeFrameOf(options);
  const root = randomForIndex(seed, index);
  // Separate streams per facet: drawing one more number for places does not reshuffle names or dates.
  const core = root.fork("core");
  const timeline = root.fork("timeline");
  const identityRandom = root.fork("identity");
  const placesRandom = root.fork("places");

  const year = frame.years.pick(core);
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Math.min(Date.UTC(year + 1, 0, 1) - 1, frame.nowMs);
  const createdMs = timeline.dateBetween(new Date(yearStart), new Date(yearEnd)).getTime();
  const createdDay = Math.floor(createdMs / DAY_MS);

  const person = drawPerson(core, timeline, createdDay);
  const mnaKey = person.isMna ? "mna" : "other";
  const nationalityGroup = NATIONALITY_TABLES[person.ageGroup][mnaKey][person.family].pick(core);
  const nationality = COUNTRY_TABLES[nationalityGroup].pick(core);
  const departmentCode = DEPARTMENT_CASE_TABLE.pick(core);
  const recruitmentChannel = CHANNEL_TABLES[person.ageGroup][person.family].pick(core);
  const exploiterRelationship = RELATIONSHIP_BY_CHANNEL[recruitmentChannel].pick(core);

  const onsetDay = drawOnsetDay(timeline, person, createdDay);
  const exploitations = drawExploitations(
    core,
    timeline,
    placesRandom,
    person,
    onsetDay,
    createdDay,
    frame.nowDay,
    departmentCode,
  );
  const profile = drawProfile(timeline, person, createdDay, frame.nowDay, departmentCode);
  const runaways = drawRunaways(timeline, person, onsetDay, createdDay);
  const { history, closure } = drawCaseHistory(timeline, person, createdMs, frame.nowMs);

  const name = drawName(identityRandom, namePoolFor(identityRandom, nationality), person.gender);
  const alias = identityRandom.chance(ALIAS_SHARE[person.family]) ? drawAlias(identityRandom, person.gender) : null;
  const phones = Array.from({ length: PHONE_COUNT_TABLE.pick(identityRandom) }, () => phoneNumber(identityRandom));
  const hasHome = profile.kind !== "unaccompanied_minor" || profile.placement !== null;
  const commune = hasHome ? drawCommune(placesRandom, departmentCode) : null;

  return {
    generatorVersion: SYNTHETIC_GENERATOR_VERSION,
    seed: String(seed),
    index,
    createdAt: isoInstant(createdMs),
    identificationYear: year,
    departmentCode,
    identity: {
      surname: name.surname,
      firstNames: name.firstNames,
      alias,
      nameSource: name.nameSource,
      birthDate: isoDay(person.birthDay),
      ageEstimationMethod: profile.ageAssessment?.method ?? NON_MNA_AGE_METHOD_TABLE.pick(identityRandom),
      phones,
      address: commune && {
        street: drawStreet(identityRandom),
        postalCode: commune.postalCodes.length > 0 ? identityRandom.pick(commune.postalCodes) : "",
        communeCode: commune.code,
        communeName: commune.name,
        departmentCode,
      },
    },
    gender: person.gender,
    nationality,
    nationalityGroup,
    ageGroup: person.ageGroup,
    // A second form starts between the onset and the screening, so the onset is the first fact.
    ageAtFirstFacts: fullYearsBetween(person.birthDay, onsetDay),
    ageAtIdentification: person.age,
    profile,
    exploitations,
    recruitmentChannel,
    exploiterRelationship,
    runaways,
    victimStatusHistory: history,
    status: closure ? "closed" : "open",
    closure,
  };
}

/** Cases `from` … `from + count − 1`, one at a time, for batched inserts that keep memory flat. */
export function* generateSyntheticCases(
  seed: string | number,
  from: number,
  count: number,
  options: SyntheticCaseOptions,
): Generator<SyntheticCase> {
  for (let index = from; index < from + count; index++) yield generateSyntheticCase(seed, index, options);
}

/**
 * The distributions synthetic cases are drawn from. Lines marked §6 come from figures.md §6 (themselves labelled
 * assumptions there); lines marked ASSUMPTION are ours, where §6 says nothing. Shares are percentages unless said.
 */

import { WeightedTable, weighted } from "./random.ts";
import type {
  AgeAssessmentStatus,
  AgeEstimationMethod,
  AgeGroup,
  AseLegalBasis,
  AsePlacementType,
  ClosureReason,
  EXPLOITATION_SUBTYPES,
  ExploitationFamily,
  ExploiterRelationship,
  Gender,
  NationalityGroup,
  PlaceType,
  Profile,
  RecruitmentChannel,
  VictimStatusDecider,
} from "./synthetic-vocabulary.ts";

type Shares<K extends string> = Readonly<Partial<Record<K, number>>>;

/**
 * Given the shares of a whole population, the size of a subgroup and the shares inside that subgroup, the shares
 * inside the rest: (marginal − subgroupShare × subgroup) / (1 − subgroupShare). This keeps a §6 marginal exact
 * while the subgroup (MNA) has its own mix. Throws if the inputs cannot be reconciled.
 */
export function complementShares<K extends string>(
  marginal: Shares<K>,
  subgroupShare: number,
  subgroup: Shares<K>,
): Record<K, number> {
  const total = (shares: Shares<K>) =>
    Object.values<number | undefined>(shares).reduce<number>((s, v) => s + (v ?? 0), 0);
  const marginalTotal = total(marginal);
  const subgroupTotal = total(subgroup);
  const keys = new Set<K>([...(Object.keys(marginal) as K[]), ...(Object.keys(subgroup) as K[])]);
  const result = {} as Record<K, number>;
  for (const key of keys) {
    const p = (marginal[key] ?? 0) / marginalTotal;
    const q = (subgroup[key] ?? 0) / subgroupTotal;
    const rest = (p - subgroupShare * q) / (1 - subgroupShare);
    if (rest < -1e-9) throw new RangeError(`subgroup share of "${key}" exceeds the marginal`);
    result[key] = Math.max(0, rest);
  }
  return result;
}

function restrict<K extends string>(shares: Shares<K>, excluded: K): Shares<K> {
  const { [excluded]: _dropped, ...rest } = shares;
  return rest as Shares<K>;
}

// ——— Age group and profile ———

/** §6: young adults 18–21 ≈ 35% of the cases in Repère. */
export const YOUNG_ADULT_SHARE = 0.35;

/** §6: MNA are 27% of minor victims (associations 2023). */
export const MNA_SHARE_OF_MINORS = 0.27;
/** §6: ASE-placed (not MNA) 60%, living with family 13%, of all minors. */
export const ASE_SHARE_OF_OTHER_MINORS = 60 / 73;

/** ASSUMPTION: former MNA are a quarter of young adults (DREES: MNA and former MNA are a fifth of placed youth). */
export const FORMER_MNA_SHARE_OF_YOUNG_ADULTS = 0.25;
/** ASSUMPTION: two thirds of the other young adults are care leavers, one third never had an ASE measure. */
export const CARE_LEAVER_SHARE_OF_OTHER_YOUNG_ADULTS = 2 / 3;
/** ASSUMPTION: six care leavers in ten have a young-adult contract (CASF L222-5). */
export const YOUNG_ADULT_CONTRACT_SHARE = 0.6;

/** ASSUMPTION: phones on file — most young people have one mobile, some two, a few none. */
export const PHONE_COUNT_TABLE = new WeightedTable<number>([
  [0, 10],
  [1, 65],
  [2, 25],
]);
/** ASSUMPTION: a street name or ad name is known for many sexually exploited young people, fewer otherwise. */
export const ALIAS_SHARE: Record<ExploitationFamily, number> = {
  sexual: 0.4,
  criminal: 0.25,
  labour: 0.1,
  domestic: 0.1,
  begging: 0.1,
  other: 0.1,
};

// ——— Forms of exploitation ———

/** §6: minors — sexual 75, forced criminality 17, labour/domestic 5 (split evenly: ASSUMPTION), begging 2, other 1. */
export const MINOR_FAMILY_SHARES: Shares<ExploitationFamily> = {
  sexual: 75,
  criminal: 17,
  labour: 2.5,
  domestic: 2.5,
  begging: 2,
  other: 1,
};
/** §6 derivation (associations 2023): MNA 62% forced crime, 24% sexual, 14% other (split: ASSUMPTION). */
export const MNA_FAMILY_SHARES: Shares<ExploitationFamily> = {
  criminal: 62,
  sexual: 24,
  labour: 7,
  begging: 4,
  domestic: 2,
  other: 1,
};
/** §6: young adults — sexual 70, labour 20 (of which domestic 5: ASSUMPTION), criminal 10. */
export const YOUNG_ADULT_FAMILY_SHARES: Shares<ExploitationFamily> = {
  sexual: 70,
  labour: 15,
  domestic: 5,
  criminal: 10,
};
/** ASSUMPTION: former MNA keep the MNA pattern, shifted towards labour as they age. */
export const FORMER_MNA_FAMILY_SHARES: Shares<ExploitationFamily> = {
  criminal: 30,
  labour: 40,
  domestic: 5,
  sexual: 25,
};

export const FAMILY_TABLES: Record<
  AgeGroup,
  { mna: WeightedTable<ExploitationFamily>; other: WeightedTable<ExploitationFamily> }
> = {
  minor: {
    mna: weighted(MNA_FAMILY_SHARES),
    other: weighted(complementShares(MINOR_FAMILY_SHARES, MNA_SHARE_OF_MINORS, MNA_FAMILY_SHARES)),
  },
  young_adult: {
    mna: weighted(FORMER_MNA_FAMILY_SHARES),
    other: weighted(
      complementShares(YOUNG_ADULT_FAMILY_SHARES, FORMER_MNA_SHARE_OF_YOUNG_ADULTS, FORMER_MNA_FAMILY_SHARES),
    ),
  },
};

/** ASSUMPTION: sub-types inside each family (the sexual split follows §1: most minors are *proxénétisme* victims). */
type SubtypeOf<F extends ExploitationFamily> = (typeof EXPLOITATION_SUBTYPES)[F][number];

export const SUBTYPE_TABLES: { [F in ExploitationFamily]: WeightedTable<SubtypeOf<F>> } = {
  sexual: weighted({ proxenetisme: 80, online_sexual_exploitation: 8, sexual_images: 7, sexual_assault_or_abuse: 5 }),
  labour: weighted({ forced_labour_services: 60, undignified_work_or_housing: 30, servitude: 10 }),
  domestic: weighted({ domestic_servitude: 80, undignified_work_or_housing: 15, slavery: 5 }),
  criminal: weighted({ theft: 45, drug_dealing: 40, other_offences: 10, fraud: 5 }),
  begging: weighted({ begging_exploitation: 1 }),
  other: weighted({ forced_marriage: 70, other: 25, illegal_adoption: 4, organ_removal: 1 }),
};

/** ASSUMPTION: legal.md §3 says forms combine or follow each other; one case in eight has a second form. */
export const SECOND_FORM_SHARE = 0.12;
/** ASSUMPTION: which second form goes with a main form (legal.md §3's example: forced criminality, then sexual). */
export const SECOND_FORM_TABLES: Record<ExploitationFamily, WeightedTable<ExploitationFamily>> = {
  sexual: weighted({ criminal: 60, domestic: 20, labour: 10, other: 10 }),
  criminal: weighted({ sexual: 50, labour: 30, begging: 20 }),
  labour: weighted({ domestic: 40, criminal: 40, sexual: 20 }),
  domestic: weighted({ sexual: 50, labour: 50 }),
  begging: weighted({ criminal: 70, sexual: 30 }),
  other: weighted({ sexual: 50, domestic: 50 }),
};

// ——— Sex ———

/**
 * §6: sexual exploitation — girls 95%, boys 4%, other 1%; forced criminality — boys 90%; minors overall ≈ 75% girls;
 * young adults in sexual exploitation — 85% women. ASSUMPTION: MNA victims of sexual exploitation include more boys
 * (MNA are 91% boys), so other minors carry more girls and the 95/4/1 marginal still holds; other families as below.
 */
export const SEX_TABLES: Record<
  AgeGroup,
  { mna: Record<ExploitationFamily, WeightedTable<Gender>>; other: Record<ExploitationFamily, WeightedTable<Gender>> }
> = (() => {
  const common = {
    criminal: weighted<Gender>({ male: 90, female: 9.5, trans_non_binary: 0.5 }),
    labour: weighted<Gender>({ male: 75, female: 25 }),
    domestic: weighted<Gender>({ female: 80, male: 20 }),
    begging: weighted<Gender>({ female: 50, male: 50 }),
    other: weighted<Gender>({ female: 75, male: 25 }),
  };
  const youngAdultSexual = weighted<Gender>({ female: 85, male: 13, trans_non_binary: 2 });
  return {
    minor: {
      mna: { ...common, sexual: weighted<Gender>({ female: 70, male: 29, trans_non_binary: 1 }) },
      other: { ...common, sexual: weighted<Gender>({ female: 97.5, male: 1.5, trans_non_binary: 1 }) },
    },
    young_adult: {
      mna: { ...common, sexual: youngAdultSexual },
      other: { ...common, sexual: youngAdultSexual },
    },
  };
})();

// ——— Age at identification ———

function ageTable(shares: Readonly<Record<number, number>>): WeightedTable<number> {
  return new WeightedTable(Object.entries(shares).map(([age, share]) => [Number(age), share] as const));
}

/** §6: age at identification in sexual exploitation (12–13: 8%, split 3/5 by ASSUMPTION). */
export const SEXUAL_MINOR_AGE = ageTable({ 12: 3, 13: 5, 14: 17, 15: 25, 16: 27, 17: 23 });
/** §6: forced criminality and MNA (13–14: 15%, split 5/10 by ASSUMPTION); used for every MNA. */
export const MNA_AGE = ageTable({ 13: 5, 14: 10, 15: 25, 16: 35, 17: 25 });
/** ASSUMPTION: figures.md §1 — 42% of begging victims are under 10; labour and domestic victims are adolescents. */
export const OTHER_MINOR_AGES: Record<Exclude<ExploitationFamily, "sexual">, WeightedTable<number>> = {
  criminal: MNA_AGE,
  labour: ageTable({ 14: 10, 15: 20, 16: 35, 17: 35 }),
  domestic: ageTable({ 11: 5, 12: 10, 13: 15, 14: 15, 15: 20, 16: 20, 17: 15 }),
  begging: ageTable({ 6: 8, 7: 9, 8: 9, 9: 9, 10: 10, 11: 10, 12: 10, 13: 8, 14: 8, 15: 7, 16: 6, 17: 6 }),
  other: ageTable({ 13: 10, 14: 15, 15: 25, 16: 25, 17: 25 }),
};
/** ASSUMPTION: young adults are identified less often as they near 21. */
export const YOUNG_ADULT_AGE = ageTable({ 18: 40, 19: 33, 20: 27 });

/** figures.md §1: 55% of victims are identified after more than a year of exploitation. */
export const IDENTIFIED_AFTER_A_YEAR_SHARE = 0.55;
/** figures.md §2 (associations 2024): 52% of adult victims were minors when exploitation began. */
export const YOUNG_ADULT_MINOR_AT_ONSET_SHARE = 0.52;
/** ASSUMPTION: nobody is exploited before 10, except in begging, where small children are used (from 5). */
export const MINIMUM_ONSET_AGE = 10;
export const MINIMUM_BEGGING_ONSET_AGE = 5;

// ——— Nationality ———

/** §6 for sexual and criminal minors; the rest is ASSUMPTION. */
const MINOR_NATIONALITIES: Record<ExploitationFamily, Shares<NationalityGroup>> = {
  sexual: { france: 80, sub_saharan_africa: 10, other: 10 },
  criminal: { maghreb: 55, west_africa: 20, balkans_eastern_europe: 15, other: 10 },
  labour: { west_africa: 40, maghreb: 20, balkans_eastern_europe: 15, france: 10, asia: 10, other: 5 },
  domestic: { france: 30, sub_saharan_africa: 30, maghreb: 15, west_africa: 10, asia: 10, other: 5 },
  begging: { balkans_eastern_europe: 70, france: 10, other: 20 },
  other: { france: 40, maghreb: 20, balkans_eastern_europe: 15, sub_saharan_africa: 15, asia: 10 },
};
/** ASSUMPTION: among young adults, more foreign victims (associations: 41% sub-Saharan among adults, 2019). */
const YOUNG_ADULT_NATIONALITIES: Record<ExploitationFamily, Shares<NationalityGroup>> = {
  ...MINOR_NATIONALITIES,
  sexual: { france: 60, sub_saharan_africa: 25, other: 15 },
  criminal: { maghreb: 50, west_africa: 25, balkans_eastern_europe: 15, other: 10 },
  labour: { west_africa: 40, maghreb: 20, france: 15, balkans_eastern_europe: 10, asia: 10, other: 5 },
};

function familyProbability(shares: Shares<ExploitationFamily>, family: ExploitationFamily): number {
  const total = Object.values<number | undefined>(shares).reduce<number>((s, v) => s + (v ?? 0), 0);
  return (shares[family] ?? 0) / total;
}

/**
 * Nationality groups by age group, family and MNA status. An MNA is never French, so the MNA table drops France;
 * the other table is the complement, so each family keeps the §6 marginal (e.g. 80% French in sexual exploitation).
 */
export const NATIONALITY_TABLES = (() => {
  const build = (
    marginals: Record<ExploitationFamily, Shares<NationalityGroup>>,
    mnaShare: number,
    familyShares: Shares<ExploitationFamily>,
    mnaFamilyShares: Shares<ExploitationFamily>,
  ) => {
    const mna = {} as Record<ExploitationFamily, WeightedTable<NationalityGroup>>;
    const other = {} as Record<ExploitationFamily, WeightedTable<NationalityGroup>>;
    for (const family of Object.keys(marginals) as ExploitationFamily[]) {
      // A family this age group never draws (begging among young adults) keeps its marginal unchanged.
      const familyShare = familyProbability(familyShares, family);
      const mnaShareInFamily =
        familyShare === 0 ? 0 : (mnaShare * familyProbability(mnaFamilyShares, family)) / familyShare;
      const mnaShares = restrict(marginals[family], "france");
      mna[family] = weighted(mnaShares);
      other[family] = weighted(complementShares(marginals[family], mnaShareInFamily, mnaShares));
    }
    return { mna, other };
  };
  return {
    minor: build(MINOR_NATIONALITIES, MNA_SHARE_OF_MINORS, MINOR_FAMILY_SHARES, MNA_FAMILY_SHARES),
    young_adult: build(
      YOUNG_ADULT_NATIONALITIES,
      FORMER_MNA_SHARE_OF_YOUNG_ADULTS,
      YOUNG_ADULT_FAMILY_SHARES,
      FORMER_MNA_FAMILY_SHARES,
    ),
  } satisfies Record<AgeGroup, unknown>;
})();

/**
 * ASSUMPTION: countries inside each group. West Africa follows the MNA origins of 2024 (Guinea 27%, Mali 16%,
 * Côte d'Ivoire 16%); Nigeria leads sub-Saharan victims of sexual exploitation (associations 2019).
 */
export const COUNTRY_TABLES: Record<NationalityGroup, WeightedTable<string>> = {
  france: weighted({ FR: 1 }),
  eu: weighted({ IT: 25, ES: 25, PT: 25, BE: 15, DE: 10 }),
  sub_saharan_africa: weighted({ NG: 45, CM: 15, CI: 15, CD: 10, GN: 10, GH: 5 }),
  west_africa: weighted({ GN: 35, ML: 25, CI: 20, SN: 15, GM: 5 }),
  maghreb: weighted({ MA: 50, DZ: 40, TN: 10 }),
  balkans_eastern_europe: weighted({ RO: 55, BA: 15, RS: 10, AL: 10, MD: 10 }),
  asia: weighted({ VN: 50, AF: 50 }),
  americas: weighted({ BR: 60, CO: 40 }),
  other: weighted({ RO: 20, BR: 15, AL: 10, CO: 10, IT: 10, ES: 10, PT: 10, VN: 10, TR: 5 }),
};

// ——— Recruitment and exploiter ———

/** §6 for sexual minors (social networks/messaging 55%, split 35/20 by ASSUMPTION); the rest is ASSUMPTION. */
export const CHANNEL_TABLES: Record<AgeGroup, Record<ExploitationFamily, WeightedTable<RecruitmentChannel>>> = (() => {
  const nonSexual = {
    criminal: weighted<RecruitmentChannel>({ peer: 40, street: 30, in_person: 10, family: 10, social_network: 10 }),
    labour: weighted<RecruitmentChannel>({
      in_person: 25,
      family: 25,
      peer: 20,
      ads_website: 15,
      social_network: 10,
      other: 5,
    }),
    domestic: weighted<RecruitmentChannel>({ family: 65, in_person: 15, peer: 10, other: 10 }),
    begging: weighted<RecruitmentChannel>({ family: 80, in_person: 10, other: 10 }),
    other: weighted<RecruitmentChannel>({ family: 80, other: 20 }),
  };
  return {
    minor: {
      ...nonSexual,
      sexual: weighted<RecruitmentChannel>({ social_network: 35, messaging_app: 20, peer: 25, partner: 15, family: 5 }),
    },
    young_adult: {
      ...nonSexual,
      sexual: weighted<RecruitmentChannel>({
        social_network: 30,
        partner: 25,
        messaging_app: 15,
        peer: 15,
        ads_website: 10,
        family: 5,
      }),
    },
  };
})();

/** ASSUMPTION: who the exploiter is, given how the young person was recruited (lover boys meet girls online). */
export const RELATIONSHIP_BY_CHANNEL: Record<RecruitmentChannel, WeightedTable<ExploiterRelationship>> = (() => {
  const online = weighted<ExploiterRelationship>({
    partner: 30,
    stranger: 25,
    network: 20,
    acquaintance: 15,
    peer: 10,
  });
  return {
    social_network: online,
    messaging_app: online,
    ads_website: weighted({ stranger: 40, network: 30, employer: 20, unknown: 10 }),
    in_person: weighted({ acquaintance: 35, network: 30, stranger: 20, employer: 15 }),
    family: weighted({ family: 1 }),
    peer: weighted({ peer: 60, acquaintance: 25, network: 15 }),
    partner: weighted({ partner: 1 }),
    school: weighted({ peer: 80, acquaintance: 20 }),
    street: weighted({ network: 45, stranger: 35, acquaintance: 20 }),
    other: weighted({ unknown: 50, acquaintance: 25, network: 25 }),
  };
})();

/** figures.md §5 (hotels and short-term rentals) for sexual exploitation; the rest is ASSUMPTION. */
export const PLACE_TYPE_TABLES: Record<ExploitationFamily, WeightedTable<PlaceType>> = {
  sexual: weighted({ hotel: 35, short_term_rental: 30, flat: 20, street: 5, online: 5, other: 5 }),
  criminal: weighted({ street: 80, flat: 10, other: 10 }),
  labour: weighted({ workplace: 85, other: 15 }),
  domestic: weighted({ flat: 95, other: 5 }),
  begging: weighted({ street: 1 }),
  other: weighted({ flat: 80, other: 20 }),
};
/** ASSUMPTION: most exploitation happens in the département that follows the young person. */
export const SAME_DEPARTMENT_PLACE_SHARE = 0.7;

// ——— Child protection ———

/** ASSUMPTION: DREES — 79% of placements are judicial; adolescents in exploitation live mostly in establishments. */
export const ASE_PLACEMENT_TABLE = weighted<AsePlacementType>({
  establishment: 55,
  foster_family: 25,
  lieu_de_vie: 6,
  semi_independent_housing: 5,
  hotel: 5,
  trusted_third_party: 4,
});
export const MNA_PLACEMENT_TABLE = weighted<AsePlacementType>({
  establishment: 50,
  semi_independent_housing: 25,
  hotel: 15,
  foster_family: 10,
});
export const CARE_LEAVER_PLACEMENT_TABLE = weighted<AsePlacementType>({
  semi_independent_housing: 60,
  establishment: 25,
  foster_family: 15,
});
export const ASE_LEGAL_BASIS_TABLE = weighted<AseLegalBasis>({
  judicial: 70,
  administrative: 20,
  emergency_placement_order: 10,
});
export const MNA_LEGAL_BASIS_TABLE = weighted<AseLegalBasis>({ judicial: 80, emergency_placement_order: 20 });
/** How a birth date is known: MNA whose minority was recognised, or whose assessment concluded or is disputed. */
export const RECOGNISED_MNA_AGE_METHOD_TABLE = weighted<AgeEstimationMethod>({
  age_assessment_interview: 50,
  documents: 35,
  bone_xray: 15,
});
export const DISPUTED_MNA_AGE_METHOD_TABLE = weighted<AgeEstimationMethod>({
  age_assessment_interview: 70,
  bone_xray: 30,
});
export const NON_MNA_AGE_METHOD_TABLE = weighted<AgeEstimationMethod>({ documents: 97, declaration: 3 });
/** Hotel placements of children are banned from 1 February 2024 (figures.md §3). */
export const HOTEL_BAN_DATE = "2024-02-01";

/** ASSUMPTION: a case's own placement begins after the screening for one placed child in five (an OPP follows). */
export const PLACED_AFTER_SCREENING_SHARE = 0.2;

/** ASSUMPTION: where MNA age assessments stand when the case is opened. */
export const AGE_ASSESSMENT_TABLE = weighted<AgeAssessmentStatus>({
  minority_recognised: 68,
  pending: 14,
  appeal: 8,
  adult_declared: 6,
  contested: 4,
});

// ——— Runaways (§6: ≥ 1 runaway for 80% of ASE girls in sexual exploitation, median 3 episodes) ———

export interface RunawayPattern {
  /** Share with at least one runaway before identification. */
  share: number;
  /** Episodes beyond the first: Poisson with this mean (2.2 puts the median of 1 + Poisson at 3). */
  extraEpisodesMean: number;
}
export const RUNAWAY_ASE_GIRLS_SEXUAL: RunawayPattern = { share: 0.8, extraEpisodesMean: 2.2 };
/** ASSUMPTION: every other group runs away less often and fewer times. */
export const RUNAWAY_PATTERNS: Record<Profile, RunawayPattern> = {
  ase_placed: { share: 0.5, extraEpisodesMean: 1 },
  unaccompanied_minor: { share: 0.4, extraEpisodesMean: 1 },
  family: { share: 0.35, extraEpisodesMean: 0.8 },
  care_leaver: { share: 0.3, extraEpisodesMean: 0.8 },
};
/** ASSUMPTION: most runaways last a few days, some weeks. */
export const RUNAWAY_LENGTH_DAYS = new WeightedTable<readonly [number, number]>([
  [[1, 3], 50],
  [[4, 14], 35],
  [[15, 60], 15],
]);

// ——— Victim status and case closure (ASSUMPTION throughout) ———

/** Who first records a possible victim (the screening professional's organisation), by profile. */
export const POSSIBLE_DECIDER_TABLES: Record<Profile, WeightedTable<VictimStatusDecider>> = {
  ase_placed: weighted({ ase: 65, association: 15, crip: 10, other: 10 }),
  unaccompanied_minor: weighted({ ase: 40, association: 40, police: 20 }),
  care_leaver: weighted({ ase: 50, association: 40, other: 10 }),
  family: weighted({ crip: 35, association: 30, other: 20, police: 15 }),
};
export const PRESUMED_DECIDER_TABLE = weighted<VictimStatusDecider>({ multi_agency: 70, crip: 15, association: 15 });

export const NOT_VICTIM_SHARE = 0.08;
export const PRESUMED_SHARE = 0.75;
export const IDENTIFIED_LE_SHARE_OF_PRESUMED = 0.55;
export const RECOGNISED_COURT_SHARE_OF_IDENTIFIED = 0.4;
/** Days between one status and the next. */
export const STATUS_DELAY_DAYS = {
  notVictimClosure: [14, 180],
  presumed: [7, 90],
  identified_le: [14, 365],
  recognised_court: [365, 1460],
} as const;
/** A case stays open about two years on average (exponential), unless the young person turns 21 first. */
export const MEAN_CASE_LENGTH_DAYS = 730;
export const CLOSURE_REASON_TABLE = weighted<ClosureReason>({
  protected_stable: 55,
  lost_contact: 25,
  refused_support: 10,
  transferred: 10,
});

/**
 * ASSUMPTION: recorded minor victims roughly doubled from 2016 to 2024 (figures.md §1: +96% 2016–2021 for police
 * records; +107% 2021–2024 for prostitution offences), taken here as a linear trend of +10% of the 2016 level a year.
 */
export function yearWeight(year: number): number {
  return Math.max(0.5, 1 + 0.1 * (year - 2016));
}

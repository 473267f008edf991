/**
 * The closed vocabulary of the qualification contract (`npx repere qualify`, `POST /api/qualification`).
 * Spellings are part of the public contract: never rename a value, only add.
 */

export const ACTS = ["recruit", "transport", "transfer", "harbour", "receive"] as const;
export type Act = (typeof ACTS)[number];

/** The four "circumstances" of CP 225-4-1 I, 1° to 4°, which play the role of the international "means". */
export const MEANS = [
  "threat_constraint_violence_fraud",
  "ascendant_or_authority",
  "abuse_of_vulnerability",
  "remuneration_or_advantage",
] as const;
export type Means = (typeof MEANS)[number];

export const PURPOSES = [
  "proxenetisme",
  "sexual_assault_or_abuse",
  "slavery",
  "forced_labour_services",
  "servitude",
  "organ_removal",
  "begging_exploitation",
  "undignified_work_or_housing",
  "forced_criminality",
  "forced_marriage",
  "illegal_adoption",
  "surrogacy_exploitation",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CIRCUMSTANCES = [
  "several_victims",
  "outside_france_or_on_arrival",
  "electronic_network_contact",
  "danger_of_death",
  "violence_itt_over_8_days",
  "author_public_duty",
  "serious_situation",
  "organised_gang",
  "torture_barbarity",
] as const;
export type Circumstance = (typeof CIRCUMSTANCES)[number];

/** The three constituent elements, in the order the contract lists them in `missing`. */
export const ELEMENTS = ["act", "means", "purpose"] as const;
export type Element = (typeof ELEMENTS)[number];

export const ACT_LABELS: Record<Act, string> = {
  recruit: "recruter",
  transport: "transporter",
  transfer: "transférer",
  harbour: "héberger",
  receive: "accueillir",
};

export const MEANS_LABELS: Record<Means, string> = {
  threat_constraint_violence_fraud: "menaces, contrainte, violence ou manœuvre dolosive (1°)",
  ascendant_or_authority: "ascendant ou personne ayant autorité sur la victime ou abusant de ses fonctions (2°)",
  abuse_of_vulnerability: "abus d'une situation de vulnérabilité apparente ou connue (3°)",
  remuneration_or_advantage: "rémunération ou autre avantage, ou promesse de rémunération ou d'avantage (4°)",
};

export const PURPOSE_LABELS: Record<Purpose, string> = {
  proxenetisme: "proxénétisme",
  sexual_assault_or_abuse: "agression ou atteinte sexuelle",
  slavery: "réduction en esclavage",
  forced_labour_services: "travail ou services forcés",
  servitude: "réduction en servitude",
  organ_removal: "prélèvement d'organe",
  begging_exploitation: "exploitation de la mendicité",
  undignified_work_or_housing: "conditions de travail ou d'hébergement contraires à la dignité",
  forced_criminality: "contrainte à commettre un crime ou un délit",
  forced_marriage: "mariage forcé",
  illegal_adoption: "adoption illégale",
  surrogacy_exploitation: "exploitation de la gestation pour autrui",
};

export const CIRCUMSTANCE_LABELS: Record<Circumstance, string> = {
  several_victims: "à l'égard de plusieurs personnes",
  outside_france_or_on_arrival: "victime hors du territoire de la République ou lors de son arrivée sur le territoire",
  electronic_network_contact:
    "mise en contact avec l'auteur par un réseau de communication électronique diffusant des messages à un public non déterminé",
  danger_of_death:
    "exposition directe à un risque immédiat de mort ou de blessures entraînant une infirmité permanente",
  violence_itt_over_8_days: "violences ayant causé une incapacité totale de travail de plus de 8 jours",
  author_public_duty: "auteur dont les fonctions consistent à lutter contre la traite ou à maintenir l'ordre public",
  serious_situation: "infraction ayant placé la victime dans une situation matérielle ou psychologique grave",
  organised_gang: "en bande organisée",
  torture_barbarity: "en recourant à des tortures ou à des actes de barbarie",
};

export const ELEMENT_LABELS: Record<Element, string> = {
  act: "acte",
  means: "moyen",
  purpose: "finalité",
};

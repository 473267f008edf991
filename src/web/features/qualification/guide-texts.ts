/** Short explanations of each legal element, shown beside the matching fieldset of the qualification form. */
export interface GuideText {
  title: string;
  paragraphs: readonly string[];
}

export type GuideTopic = "minorRule" | "acts" | "means" | "purposes" | "euPurposes" | "circumstances" | "consent";

// Our own summary of legal.md §1; it must stay a reminder of the law, never a substitute for a jurist's review.
export const GUIDE_TEXTS: Readonly<Record<GuideTopic, GuideText>> = {
  minorRule: {
    title: "Aide : l'âge et la règle du mineur",
    paragraphs: [
      "Seul compte l'âge de la personne au moment des faits, pas son âge aujourd'hui.",
      "Pour une victime de moins de 18 ans, la traite est constituée dès qu'un acte est commis en vue d'une exploitation : aucun moyen (menace, contrainte, abus…) n'est requis, et il ne faut jamais demander à l'enfant d'en apporter la preuve (article 225-4-1 II du Code pénal).",
      "Si l'âge est incertain et qu'il existe des raisons de penser que la personne est mineure, elle est traitée comme mineure jusqu'à ce que son âge soit établi (Convention du Conseil de l'Europe, art. 10 § 3 ; directive 2011/36/UE, art. 13 § 2).",
      "L'âge de 15 ans ne crée pas d'aggravation propre à la traite ; il joue par les infractions voisines (proxénétisme, recours à la prostitution d'un mineur, viol).",
    ],
  },
  acts: {
    title: "Aide : les actes",
    paragraphs: [
      "Premier élément de la traite : recruter, transporter, transférer, héberger ou accueillir la personne. Un seul acte suffit.",
      "L'acte peut être commis par quelqu'un qui n'exploite pas lui-même la victime : celui qui loge ou conduit la personne pour un tiers accomplit un acte de traite.",
      "Sans acte renseigné, la traite n'est pas établie à ce stade : d'autres infractions (proxénétisme, travail forcé…) peuvent néanmoins être constituées.",
    ],
  },
  means: {
    title: "Aide : les moyens",
    paragraphs: [
      "Pour une victime majeure, au moins l'un des quatre moyens de l'article 225-4-1 I est nécessaire : menaces, contrainte, violence ou tromperie (1°) ; ascendant ou personne ayant autorité (2°) ; abus d'une vulnérabilité due à l'âge, la maladie, une infirmité, une déficience ou une grossesse, apparente ou connue de l'auteur (3°) ; rémunération ou avantage, ou leur promesse (4°).",
      "Pour une personne de 18 à 21 ans, examiner si la sortie de l'aide sociale à l'enfance, l'isolement, une addiction ou une grossesse constituent un abus de vulnérabilité (3°).",
      "Pour une victime mineure, les moyens ne sont pas requis ; s'ils existent, ils font de la traite un crime (article 225-4-2 II).",
    ],
  },
  purposes: {
    title: "Aide : les finalités d'exploitation",
    paragraphs: [
      "Troisième élément : la personne est mise à la disposition de l'auteur ou d'un tiers, même inconnu, pour permettre l'une des exploitations listées par l'article 225-4-1.",
      "Il suffit que l'exploitation soit le but recherché : elle n'a pas besoin d'avoir eu lieu.",
      "La contrainte à commettre un crime ou un délit (vols, guet, trafic de stupéfiants) est une finalité de traite : la personne est alors d'abord une victime.",
    ],
  },
  euPurposes: {
    title: "Aide : les finalités ajoutées par la directive (UE) 2024/1712",
    paragraphs: [
      "La directive (UE) 2024/1712 ajoute le mariage forcé, l'adoption illégale et l'exploitation de la gestation pour autrui aux formes d'exploitation ; la France doit la transposer au plus tard le 15 juillet 2026.",
      "Tant qu'aucune loi de transposition ne les ajoute à l'article 225-4-1, ces finalités ne remplissent pas l'élément « finalité » en droit français. Renseignez-les quand même : le résultat les mentionne, afin que ces faits ne soient pas perdus.",
    ],
  },
  circumstances: {
    title: "Aide : les circonstances aggravantes",
    paragraphs: [
      "Elles ne créent pas la traite : elles en aggravent la peine lorsque ses éléments sont réunis (articles 225-4-2 à 225-4-4).",
      "La mise en contact par un réseau de communication électronique vise notamment le recrutement en ligne et les annonces d'escorte.",
      "La bande organisée (225-4-3) et les tortures ou actes de barbarie (225-4-4) font de la traite un crime, que la victime soit mineure ou majeure.",
    ],
  },
  consent: {
    title: "Aide : le consentement",
    paragraphs: [
      "Le consentement éventuel de la personne n'est pas un élément de l'infraction : il n'est jamais demandé et n'est pas pris en compte.",
    ],
  },
};

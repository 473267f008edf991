import { deepFreeze, type GridDefinition, type GridItem } from "./grid-definition";

// Our own design (indicators.md §3), not a validated tool: it must be piloted before operational use.
// Never edit a published version: add grid-v0-2.ts and register it, so past screenings keep their result.

type ItemRow = Omit<GridItem, "domain" | "inBrief"> & { inBrief?: boolean };

function items(domain: GridItem["domain"], rows: ItemRow[]): GridItem[] {
  return rows.map((row) => ({ ...row, domain, inBrief: row.inBrief ?? false }));
}

export const GRR_V0_1: GridDefinition = deepFreeze<GridDefinition>({
  version: "GRR-0.1",
  label: "Grille de repérage Repère (GRR) v0.1",
  domains: [
    {
      code: "A",
      family: "risk",
      label: "Contexte et vulnérabilité",
      guide:
        "Situation de la personne qui augmente le risque d'exploitation. Ces éléments appellent la vigilance mais ne suffisent jamais, seuls, à conclure à une préoccupation.",
      items: items("A", [
        {
          id: "A1",
          label: "Confié(e) à l'ASE, ou rupture récente d'un placement",
          guide: "Repris du profil : mesure de placement en cours ou interrompue récemment.",
          inBrief: true,
        },
        {
          id: "A2",
          label: "Violences sexuelles ou intrafamiliales antérieures connues",
          guide: "Antécédents connus par le dossier, un partenaire ou la personne elle-même.",
        },
        {
          id: "A3",
          label: "Mineur non accompagné, ou aucun adulte de référence en France",
          guide:
            "Repris du profil : personne étrangère sans représentant légal ni adulte de confiance sur le territoire.",
          inBrief: true,
        },
        {
          id: "A4",
          label: "Déscolarisé(e) ou sans formation depuis plus d'un mois",
          guide: "Absence durable de l'école ou de la formation, quelle qu'en soit la raison.",
        },
        { id: "A5", label: "Consommation de substances", guide: "Alcool, drogues ou médicaments détournés." },
        {
          id: "A6",
          label: "Handicap ou difficultés cognitives",
          guide: "Handicap reconnu ou difficultés de compréhension qui limitent la capacité à se protéger.",
        },
        {
          id: "A7",
          label: "Jeune majeur(e) de 18 à 21 ans sortant de l'ASE sans logement stable ni ressources",
          guide: "Sortie de protection de l'enfance sans solution durable d'hébergement ou de revenus.",
        },
      ]),
    },
    {
      code: "B",
      family: "risk",
      label: "Fugues et lieux de vie",
      guide:
        "Absences et lieux fréquentés. Une fugue longue ou répétée, associée à des signes de contrôle, d'usage numérique ou d'argent, doit alerter.",
      items: items("B", [
        {
          id: "B1",
          label: "Une ou plusieurs fugues au cours des 3 derniers mois",
          guide: "Toute fugue déclarée ou constatée sur la période.",
          inBrief: true,
        },
        {
          id: "B2",
          label: "Fugue de plus de 48 h ou vers une autre ville",
          guide: "Durée ou destination qui suggère une prise en charge par des tiers.",
        },
        {
          id: "B3",
          label: "Retour de fugue avec vêtements, téléphone ou argent nouveaux, ou avec des blessures",
          guide: "Biens ou blessures que la personne ne peut pas expliquer de façon plausible.",
        },
        {
          id: "B4",
          label: "Vue ou retrouvée dans un hôtel, une location de courte durée ou chez des adultes inconnus",
          guide: "Lieux typiques de l'exploitation sexuelle de mineurs.",
          inBrief: true,
        },
        {
          id: "B5",
          label: "Ne peut pas ou ne veut pas dire où elle ou il a dormi",
          guide: "Silence ou récit changeant sur les nuits passées dehors.",
        },
      ]),
    },
    {
      code: "C",
      family: "control",
      label: "Relations et emprise",
      guide: "Signes qu'une personne exerce une influence ou un contrôle sur la vie du jeune.",
      items: items("C", [
        {
          id: "C1",
          label: "« Petit ami », « ami » plus âgé ou nouvel adulte qui offre cadeaux, trajets ou hébergement",
          guide: "Relation récente avec un adulte ou un jeune plus âgé qui donne sans contrepartie apparente.",
          inBrief: true,
        },
        {
          id: "C2",
          label: "Contacts contrôlés ou surveillés (téléphone vérifié, accompagné partout)",
          guide: "Quelqu'un vérifie les échanges ou ne laisse jamais la personne seule.",
        },
        {
          id: "C3",
          label: "Isolement des pairs ou de la famille encouragé par un tiers",
          guide: "Un tiers pousse à couper les liens habituels.",
        },
        {
          id: "C4",
          label: "Loyauté ou peur envers une personne qui semble en tirer profit",
          guide: "Attachement ou crainte envers quelqu'un qui bénéficie de la situation.",
        },
        {
          id: "C5",
          label: "Un tiers parle à la place du jeune ou vient le chercher",
          guide: "Un adulte répond pour la personne, l'accompagne ou la récupère.",
        },
      ]),
    },
    {
      code: "D",
      family: "control",
      label: "Numérique et communications",
      guide:
        "Usages du téléphone et des réseaux qui révèlent un recrutement, une mise en relation ou un pilotage à distance.",
      items: items("D", [
        {
          id: "D1",
          label: "Plusieurs téléphones ou cartes SIM, ou changements fréquents de numéro",
          guide: "Équipement ou changements sans explication plausible.",
        },
        {
          id: "D2",
          label:
            "Comptes ou profils au contenu sexualisé ou « disponible », vocabulaire codé de l'échange sexuel tarifé",
          guide: "Publications, pseudonymes ou termes évoquant des rencontres payantes.",
        },
        {
          id: "D3",
          label: "Contactée par de nombreux adultes inconnus en ligne",
          guide: "Sollicitations répétées d'adultes que la personne ne connaît pas.",
        },
        {
          id: "D4",
          label: "Photos ou annonces liées au jeune repérées en ligne (source police ou association)",
          guide: "Annonce ou contenu signalé par un partenaire qui l'a vu.",
          inBrief: true,
        },
        {
          id: "D5",
          label:
            "Consignes reçues par téléphone ou messagerie pendant des activités (guet, vol, mendicité, livraisons)",
          guide: "Quelqu'un dirige à distance ce que fait la personne.",
        },
      ]),
    },
    {
      code: "E",
      family: "control",
      label: "Argent, biens et dette",
      guide: "Argent ou biens incohérents avec les ressources, dette envers un tiers, gains remis à quelqu'un.",
      items: items("E", [
        {
          id: "E1",
          label: "Argent, biens ou train de vie sans rapport avec les ressources",
          guide: "Vêtements de marque, téléphone, espèces que rien n'explique.",
        },
        {
          id: "E2",
          label: "Dette envers quelqu'un (voyage, hébergement, drogues, cadeaux)",
          guide: "La personne dit devoir rembourser ou travailler pour quelqu'un.",
          inBrief: true,
        },
        {
          id: "E3",
          label: "Remet ses gains à quelqu'un",
          guide: "Tout ou partie de l'argent gagné va à un tiers.",
        },
        {
          id: "E4",
          label: "Aucun argent malgré une activité",
          guide: "Activité visible sans aucun revenu pour la personne.",
        },
      ]),
    },
    {
      code: "F",
      family: "risk",
      label: "Signes physiques et de santé",
      guide: "Signes sur le corps ou la santé qui appellent un bilan médical et une attention particulière.",
      items: items("F", [
        {
          id: "F1",
          label: "Blessures ou marques inexpliquées, tatouages ou marques évoquant une « appartenance »",
          guide: "Lésions sans explication plausible ou marquage par un tiers.",
        },
        {
          id: "F2",
          label:
            "Infections sexuellement transmissibles répétées, grossesse, demandes de contraception d'urgence ou d'IVG",
          guide: "Signes de santé sexuelle relevés par un professionnel de santé ou confiés.",
        },
        {
          id: "F3",
          label: "Épuisement, manque de sommeil, dénutrition",
          guide: "État physique dégradé, fatigue constante.",
        },
        {
          id: "F4",
          label: "Intoxication par des substances fournies par d'autres",
          guide: "Produits donnés par des tiers, y compris des médicaments.",
        },
      ]),
    },
    {
      code: "G",
      family: "exploitation",
      label: "Signes d'exploitation sexuelle",
      guide:
        "S'applique à toutes et tous, garçons compris. Un échange sexuel contre un bien, même « occasionnel » ou « choisi », est un signe d'exploitation chez un mineur.",
      items: items("G", [
        {
          id: "G1",
          label: "Actes sexuels échangés contre de l'argent, un hébergement, des drogues, une protection ou des biens",
          guide: "Même présenté comme occasionnel ou choisi : le consentement affiché ne change pas la cotation.",
          inBrief: true,
        },
        {
          id: "G2",
          label: "Préservatifs, lingerie, objets liés à la prostitution ou clés d'hôtel sans explication plausible",
          guide: "Objets retrouvés que le contexte n'explique pas.",
        },
        {
          id: "G3",
          label: "Présence dans un lieu ou une annonce associés à la prostitution",
          guide: "Lieu connu ou annonce repérée par un professionnel ou un partenaire.",
        },
        {
          id: "G4",
          label: "Images sexuelles produites ou partagées sous pression ou contre paiement",
          guide: "Contenus intimes obtenus par contrainte, chantage ou rémunération.",
        },
      ]),
    },
    {
      code: "H",
      family: "exploitation",
      label: "Signes d'exploitation par le travail ou domestique",
      guide:
        "Travail sans rémunération réelle, hébergement lié à l'employeur, tâches domestiques à la place de l'école.",
      items: items("H", [
        {
          id: "H1",
          label: "Travaille de longues heures ou la nuit, sans rémunération ou pour une somme symbolique",
          guide: "Travail disproportionné par rapport à ce qui est payé.",
          inBrief: true,
        },
        {
          id: "H2",
          label: "Vit sur le lieu de travail ou dans un logement contrôlé par l'employeur",
          guide: "L'employeur décide du lieu de vie.",
        },
        {
          id: "H3",
          label: "Effectue des tâches domestiques pour une famille au lieu d'aller à l'école",
          guide: "Travail domestique qui remplace la scolarité.",
        },
        {
          id: "H4",
          label: "Ne peut pas quitter librement l'emploi ou le logement",
          guide: "Sortie empêchée par la peur, la dette, les papiers ou la surveillance.",
        },
      ]),
    },
    {
      code: "I",
      family: "exploitation",
      label: "Signes de contrainte à commettre des délits ou de mendicité forcée",
      guide:
        "Délits répétés sans enrichissement personnel, gains remis à des adultes, mendicité encadrée. Penser à la non-sanction : la personne peut être victime.",
      items: items("I", [
        {
          id: "I1",
          label: "Infractions répétées (vol, pickpocket, trafic ou guet, fraude) sans enrichissement personnel",
          guide: "Activité délinquante intense dont la personne ne profite pas.",
          inBrief: true,
        },
        {
          id: "I2",
          label: "Remet le produit à des adultes ; puni si les « objectifs » ne sont pas atteints",
          guide: "Gains confisqués, sanctions en cas de résultats insuffisants.",
        },
        {
          id: "I3",
          label: "Mendie sous surveillance ou à heures et lieux fixes",
          guide: "Mendicité organisée par d'autres.",
        },
        {
          id: "I4",
          label: "Déplacé(e) d'une ville à l'autre par des adultes pour ces activités",
          guide: "Mobilité organisée par des tiers.",
        },
        {
          id: "I5",
          label: "Interpellé(e) avec des adultes sans lien familial, ou avec d'autres mineurs dans le même schéma",
          guide: "Groupe structuré autour d'adultes ou de mineurs au même mode opératoire.",
        },
      ]),
    },
    {
      code: "J",
      family: "control",
      label: "Contrainte et moyens",
      guide:
        "Menaces, violences, confiscation de papiers, tromperie, produits donnés pour contrôler, abus d'autorité. Pour un mineur, ces signes aggravent la situation mais ne sont jamais nécessaires pour conclure à une préoccupation avérée.",
      items: items("J", [
        { id: "J1", label: "Menaces contre la personne ou sa famille", guide: "Menaces rapportées ou constatées." },
        { id: "J2", label: "Violences", guide: "Violences physiques ou sexuelles exercées pour contraindre." },
        {
          id: "J3",
          label: "Papiers d'identité détenus par quelqu'un d'autre",
          guide: "Documents confisqués ou gardés.",
        },
        {
          id: "J4",
          label: "Tromperie sur le travail, la rémunération ou la relation",
          guide: "Promesses mensongères qui ont amené la personne dans la situation.",
        },
        {
          id: "J5",
          label: "Drogues ou médicaments fournis pour contrôler",
          guide: "Produits donnés pour rendre dépendant ou docile.",
        },
        {
          id: "J6",
          label: "Abus d'autorité (membre de la famille, employeur, figure de la communauté)",
          guide: "Une personne en position d'autorité utilise cette position.",
        },
      ]),
    },
    {
      code: "K",
      family: "exploitation",
      label: "Révélation et informations de tiers",
      guide: "Ce que la personne dit elle-même ou ce que rapportent un proche ou un partenaire institutionnel.",
      items: items("K", [
        {
          id: "K1",
          label: "La personne décrit être contrainte à des actes sexuels, un travail ou des délits pour quelqu'un",
          guide: "Récit direct, même partiel ou rétracté ensuite.",
          inBrief: true,
        },
        {
          id: "K2",
          label: "Un frère, une sœur, un pair ou la famille signale une exploitation",
          guide: "Information d'un proche.",
        },
        {
          id: "K3",
          label:
            "Information de la police, de la justice ou d'une association sur une exploitation impliquant le jeune",
          guide: "Information d'un partenaire institutionnel.",
          inBrief: true,
        },
      ]),
    },
  ],
  redFlags: [
    {
      id: "RF1",
      label: "La personne dit avoir été vendue, prostituée ou forcée à travailler ou à voler pour quelqu'un",
      guide: "Une révélation de ce type suffit : action le jour même.",
      signalsInjury: false,
    },
    {
      id: "RF2",
      label:
        "Trouvée dans un hôtel ou un appartement avec des adultes inconnus, ou présente dans une annonce d'escorte ou sexuelle",
      guide: "Constat direct ou signalement d'un partenaire.",
      signalsInjury: false,
    },
    {
      id: "RF3",
      label: "Mineur vu déposé ou récupéré par des adultes liés à la prostitution ou à des délits",
      guide: "Observation directe de l'accompagnement par des adultes.",
      signalsInjury: false,
    },
    {
      id: "RF4",
      label: "Signes de violences graves, tatouages ou marques « de propriété », menaces de mort",
      guide: "Lésions graves, marquage ou menace de mort.",
      signalsInjury: true,
    },
    {
      id: "RF5",
      label: "Mineur interpellé pour des infractions alors qu'un adulte présent semble le contrôler",
      guide: "L'adulte présent dirige, surveille ou parle à la place du mineur.",
      signalsInjury: false,
    },
  ],
  scoring: {
    possibleItemsMakingClear: 3,
    controlDomainsClearWithExploitation: 2,
    controlDomainsForPossible: 2,
    runawayDomain: "B",
    runawayCompanionDomains: ["C", "D", "E"],
    briefTriggerIgnoredDomains: ["A"],
    meansDomain: "J",
    unaccompaniedMinorItem: "A3",
    careLeaverItem: "A7",
    healthDomain: "F",
    under15Age: 15,
    majorityAge: 18,
    youngAdultMaxAge: 21,
    pastSignMonths: 12,
  },
});

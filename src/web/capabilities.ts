import type { Action } from "@shared/actions.ts";
import { PATHS } from "./paths.ts";

/** One screen a user may open, shown only when the session's `can` includes the action that gates it. */
export interface Capability {
  action: Action;
  title: string;
  description: string;
  path: string;
  /** Also listed in the header's main navigation. */
  inNavigation: boolean;
}

// New features add one line here (cases, screening, observatory…) with the action the server checks for them.
export const CAPABILITIES: readonly Capability[] = [
  {
    action: "pathway.inbox",
    title: "À traiter",
    description:
      "Les échéances en retard ou proches, les décisions qui vous attendent, les examens et transferts, les retours sur vos signalements.",
    path: PATHS.inbox,
    inNavigation: true,
  },
  {
    action: "case.list",
    title: "Dossiers",
    description: "Retrouver les jeunes que vous suivez ou qui vous sont partagés, ouvrir leur dossier.",
    path: PATHS.cases,
    inNavigation: true,
  },
  {
    action: "case.create",
    title: "Nouveau dossier",
    description: "Ouvrir le dossier d'un ou d'une jeune : identité chiffrée, profil, formes d'exploitation.",
    path: PATHS.newCase,
    inNavigation: false,
  },
  {
    action: "case.list_link_proposals",
    title: "Doublons probables",
    description: "Confirmer ou écarter les dossiers d'autres organisations qui semblent concerner les mêmes jeunes.",
    path: PATHS.linkProposals,
    inNavigation: false,
  },
  {
    action: "case.review_emergency_access",
    title: "Accès d'urgence",
    description: "Examiner les accès d'urgence ouverts par d'autres professionnels sur vos dossiers.",
    path: PATHS.emergencyAccesses,
    inNavigation: false,
  },
  {
    action: "qualification.run",
    title: "Grille de repérage",
    description:
      "Coter les indicateurs de la grille GRR et obtenir le niveau de préoccupation et les actions à mener, sans rien enregistrer.",
    path: PATHS.screening,
    inNavigation: true,
  },
  {
    action: "qualification.run",
    title: "Qualification juridique",
    description:
      "Vérifier si des faits réunissent les éléments de la traite des êtres humains, avec le texte, la peine et les actions requises.",
    path: PATHS.qualification,
    inNavigation: true,
  },
  {
    action: "organisation.list",
    title: "Organisations",
    description: "Créer, renommer ou désactiver les organisations de votre périmètre.",
    path: PATHS.organisations,
    inNavigation: true,
  },
  {
    action: "user.list",
    title: "Comptes",
    description:
      "Créer des comptes, attribuer des rôles, réinitialiser un mot de passe ou une double authentification.",
    path: PATHS.users,
    inNavigation: true,
  },
  {
    action: "audit.read",
    title: "Journal d'audit",
    description: "Consulter qui a fait quoi et vérifier que le journal n'a pas été altéré.",
    path: PATHS.audit,
    inNavigation: true,
  },
  {
    action: "pathway.set_deadline_overrides",
    title: "Échéances du parcours",
    description:
      "Consulter les délais du parcours de protection appliqués dans un département et les ajuster : un délai légal ne peut qu'être abrégé.",
    path: PATHS.deadlineRules,
    inNavigation: false,
  },
  {
    action: "case.export_subject",
    title: "Droit d'accès",
    description: "Exporter tout ce que Repère détient sur une personne, pour répondre à une demande d'accès (RGPD).",
    path: PATHS.subjectAccess,
    inNavigation: false,
  },
  {
    action: "observatory.read",
    title: "Observatoire",
    description:
      "Consulter les chiffres protégés par le secret statistique : carte des départements, évolutions, répartitions, exports.",
    path: PATHS.observatory,
    inNavigation: true,
  },
  {
    action: "observatory.import_reference",
    title: "Exposition et saturation",
    description:
      "Rapprocher les victimes repérées des indicateurs de la protection de l'enfance et importer ces indicateurs.",
    path: PATHS.observatorySaturation,
    inNavigation: false,
  },
  {
    action: "survey.manage",
    title: "Enquête annuelle",
    description: "Ouvrir la campagne annuelle auprès des associations, suivre les réponses, consolider les totaux.",
    path: PATHS.observatorySurvey,
    inNavigation: false,
  },
  {
    action: "survey.respond",
    title: "Enquête annuelle",
    description: "Déclarer les chiffres anonymes de votre association pour l'enquête annuelle de l'observatoire.",
    path: PATHS.observatorySurvey,
    inNavigation: true,
  },
  {
    action: "account.read",
    title: "Mon compte",
    description: "Changer votre mot de passe, gérer la double authentification, fermer vos sessions.",
    path: PATHS.account,
    inNavigation: false,
  },
];

export function capabilitiesFor(can: readonly Action[]): Capability[] {
  return CAPABILITIES.filter((capability) => can.includes(capability.action));
}

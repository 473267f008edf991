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

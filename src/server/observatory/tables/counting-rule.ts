import type { VictimStatusBasis } from "@shared/observatory.ts";

const REACHED: Record<VictimStatusBasis, string> = {
  possible:
    "repérée comme victime possible (premier repérage à préoccupation nette, ou premier statut de victime enregistré)",
  presumed: "reconnue victime présumée (ou identifiée, ou reconnue par une juridiction)",
  identified_le: "identifiée comme victime par les forces de l'ordre (ou reconnue par une juridiction)",
  recognised_court: "reconnue victime par une juridiction",
};

/** D1, stated on every table: the unit, the year and the place each person is counted in. */
export function countingRuleOf(basis: VictimStatusBasis): string {
  return (
    "Unité de compte : la personne. Les dossiers reconnus comme concernant la même personne, dans un ou plusieurs " +
    "services, sont comptés une seule fois. Chaque personne est comptée une fois, l'année où elle a été pour la " +
    `première fois ${REACHED[basis]}, dans le département de son premier dossier (celui de l'ASE qui en a la ` +
    "charge pour un jeune confié à l'ASE). Une personne concernée par plusieurs formes d'exploitation, canaux de " +
    "recrutement ou liens avec l'exploiteur figure sous « Plusieurs » ; les niveaux de statut ne s'additionnent pas."
  );
}

import type { Role } from "@shared/roles.ts";

/** What each role does in Repère, in the words of the people who hold it. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  educator:
    "Vous repérez les signes de traite chez les jeunes accueillis dans votre établissement et signalez vos inquiétudes.",
  ase_referent: "Vous suivez les mineurs confiés à l'Aide sociale à l'enfance et coordonnez leur protection.",
  ase_manager: "Vous encadrez les équipes de l'Aide sociale à l'enfance et validez les décisions de suivi.",
  crip_officer: "Vous recueillez et évaluez les informations préoccupantes, et orientez vers l'autorité judiciaire.",
  association_worker: "Vous accompagnez des mineurs en danger et partagez vos repérages avec les services compétents.",
  prosecutor:
    "Vous êtes saisi des situations de traite et décidez des suites judiciaires et des mesures de protection.",
  juvenile_judge: "Vous ordonnez et suivez les mesures d'assistance éducative pour les mineurs concernés.",
  police_liaison: "Vous faites le lien entre les enquêteurs et les services de protection de l'enfance.",
  national_analyst: "Vous analysez les données agrégées et anonymisées pour éclairer la politique nationale.",
  admin: "Vous administrez les organisations et les comptes de votre périmètre, et veillez au journal d'audit.",
};

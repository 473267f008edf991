/** Roles a user may hold. One user may hold several; every permission is decided in server/policy. */
export const ROLES = [
  "educator",
  "ase_referent",
  "ase_manager",
  "crip_officer",
  "association_worker",
  "prosecutor",
  "juvenile_judge",
  "police_liaison",
  "national_analyst",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  educator: "Éducateur ou éducatrice (foyer)",
  ase_referent: "Référent ASE",
  ase_manager: "Responsable ASE",
  crip_officer: "Agent de la CRIP",
  association_worker: "Intervenant associatif",
  prosecutor: "Magistrat du parquet",
  juvenile_judge: "Juge des enfants",
  police_liaison: "Correspondant police ou gendarmerie",
  national_analyst: "Analyste national",
  admin: "Administrateur",
};

/** Roles that must sign in with a second factor: administrators and national roles. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ["admin", "national_analyst"];

export function requiresTotp(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_REQUIRING_TOTP.includes(role));
}

export const ORGANISATION_TYPES = [
  "ase_service",
  "crip",
  "establishment",
  "association",
  "court_prosecution",
  "court_juvenile",
  "police_unit",
  "national_coordination",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  ase_service: "Service de l'Aide sociale à l'enfance (ASE)",
  crip: "Cellule de recueil des informations préoccupantes (CRIP)",
  establishment: "Foyer ou établissement",
  association: "Association",
  court_prosecution: "Tribunal judiciaire — parquet",
  court_juvenile: "Tribunal pour enfants — juge des enfants",
  police_unit: "Unité de police ou de gendarmerie",
  national_coordination: "Coordination nationale",
};

/** Every organisation works in one département, except the national coordination. */
export function organisationTypeHasDepartment(type: OrganisationType): boolean {
  return type !== "national_coordination";
}

/** Roles an organisation of each type may give its members: a prosecutor cannot sit in a foyer. */
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Role[]> = {
  ase_service: ["ase_referent", "ase_manager", "admin"],
  crip: ["crip_officer", "ase_manager", "admin"],
  establishment: ["educator", "ase_manager"],
  association: ["association_worker"],
  court_prosecution: ["prosecutor"],
  court_juvenile: ["juvenile_judge"],
  police_unit: ["police_liaison"],
  national_coordination: ["national_analyst", "admin"],
};

/** Every screen's address, in French as users see them. */
export const PATHS = {
  home: "/",
  login: "/connexion",
  account: "/compte",
  organisations: "/admin/organisations",
  users: "/admin/utilisateurs",
  audit: "/admin/journal",
  qualification: "/qualification",
  screening: "/reperage",
  cases: "/dossiers",
  newCase: "/dossiers/nouveau",
  caseFile: "/dossiers/:id",
  linkProposals: "/dossiers/rapprochements",
  emergencyAccesses: "/dossiers/acces-urgence",
  subjectAccess: "/admin/droit-d-acces",
} as const;

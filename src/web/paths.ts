/** Every screen's address, in French as users see them. */
export const PATHS = {
  home: "/",
  login: "/connexion",
  account: "/compte",
  organisations: "/admin/organisations",
  users: "/admin/utilisateurs",
  audit: "/admin/journal",
} as const;

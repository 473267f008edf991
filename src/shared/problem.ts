/** Stable error codes of the API. The web switches on `code`; titles are what a user reads. */
export const PROBLEM_TITLES = {
  invalid_input: "Certaines informations sont invalides.",
  invalid_json: "La requête n'est pas un JSON valide.",
  payload_too_large: "La requête est trop volumineuse.",
  unsupported_media_type: "Ce format de requête n'est pas accepté.",
  unauthenticated: "Vous devez vous connecter.",
  session_expired: "Votre session a expiré. Veuillez vous reconnecter.",
  invalid_credentials: "Adresse électronique ou mot de passe incorrect.",
  account_locked: "Trop de tentatives. Réessayez dans quelques minutes.",
  too_many_requests: "Trop de requêtes. Patientez un instant avant de réessayer.",
  totp_required: "Saisissez le code de votre application d'authentification.",
  totp_enrollment_required: "Vous devez activer la double authentification pour continuer.",
  invalid_totp: "Le code de vérification est incorrect ou expiré.",
  totp_already_enabled: "La double authentification est déjà activée.",
  totp_not_enabled: "La double authentification n'est pas activée sur ce compte.",
  totp_mandatory: "La double authentification est obligatoire pour votre rôle.",
  password_change_required: "Vous devez choisir un nouveau mot de passe pour continuer.",
  weak_password: "Ce mot de passe est trop faible.",
  wrong_password: "Le mot de passe actuel est incorrect.",
  csrf_invalid: "Le jeton de sécurité du formulaire est absent ou invalide. Rechargez la page.",
  forbidden: "Vous n'avez pas les droits pour cette action.",
  not_found: "Élément introuvable.",
  conflict: "Cette ressource a été modifiée entre-temps. Rechargez la page pour voir la dernière version.",
  email_taken: "Un compte utilise déjà cette adresse électronique.",
  role_not_allowed: "Ce rôle ne peut pas être attribué dans ce type d'organisation.",
  department_required: "Le département est obligatoire pour ce type d'organisation.",
  out_of_scope: "Cet élément est hors de votre périmètre.",
  organisation_inactive: "Cette organisation est désactivée.",
  cannot_deactivate_self: "Vous ne pouvez pas désactiver votre propre compte.",
  data_folder_locked: "Le dossier de données est déjà utilisé par un autre processus.",
  service_unavailable: "Le service est momentanément indisponible.",
  case_closed: "Ce dossier est clos. Rouvrez-le pour le modifier.",
  case_already_open: "Ce dossier est déjà ouvert.",
  case_anonymised: "Ce dossier a été anonymisé : son identité et ses notes ont été effacées.",
  invalid_case_dates: "Les dates ne sont pas cohérentes.",
  idempotency_key_reused: "Cette clé d'envoi a déjà servi pour une autre demande.",
  link_already_decided: "Ce rapprochement a déjà été tranché.",
  invalid_assignee: "Cette personne ne peut pas être désignée référente de ce dossier.",
  invalid_share_recipient: "Ce destinataire ne peut pas recevoir ce partage.",
  invalid_transfer: "Ce dossier ne peut pas être transféré à cette organisation.",
  transition_not_allowed: "Cette étape ne peut pas suivre l'étape actuelle du parcours.",
  transition_performer_not_allowed: "Votre rôle ou votre organisation ne permet pas cette étape du parcours.",
  track_moved: "Le parcours a changé entre-temps. Rechargez la page pour voir l'étape actuelle.",
  invalid_review_panel: "La composition de cet examen pluridisciplinaire n'est pas valide.",
  review_quorum_not_met: "Le quorum n'est pas atteint : l'examen ne peut pas conclure.",
  review_already_decided: "Cet examen a déjà été conclu.",
  plan_already_active: "Un plan de protection est déjà en vigueur pour ce dossier.",
  no_active_plan: "Aucun plan de protection n'est en vigueur pour ce dossier.",
  invalid_measure_status: "Cette mesure ne peut pas passer à ce statut.",
  transfer_already_pending: "Un transfert est déjà en attente pour ce dossier.",
  transfer_not_pending: "Ce transfert n'est plus en attente.",
  query_refused_differencing:
    "Cette requête, rapprochée de celles que vous avez déjà consultées, permettrait de déduire un petit effectif : elle est refusée.",
  invalid_reference_csv: "Le fichier d'indicateurs départementaux contient des erreurs : rien n'a été importé.",
  survey_campaign_exists: "Une campagne d'enquête existe déjà pour cette année.",
  survey_campaign_not_open: "Cette campagne d'enquête n'est pas ouverte.",
  survey_figures_inconsistent: "Les répartitions ne correspondent pas au total déclaré.",
  survey_response_not_reviewable: "Cette réponse ne peut pas être examinée dans son état actuel.",
  internal_error: "Erreur interne. L'incident a été enregistré.",
} as const;

export type ErrorCode = keyof typeof PROBLEM_TITLES;

/** RFC 9457 problem details, as the API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  errors?: FieldError[];
}

export interface FieldError {
  /** Dotted path of the field in the request body or query, e.g. "roles.0". */
  path: string;
  message: string;
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "code" in value && "title" in value;
}

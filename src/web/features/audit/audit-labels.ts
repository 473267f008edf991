import { ACTIONS, AUDIT_ONLY_EVENTS, type AuditEventType } from "@shared/actions.ts";
import type { AuditEventView } from "@shared/admin.ts";

// Partial while other features add actions in parallel; an unnamed action shows its code until it gets a label here.
/** French names of audited events. */
export const AUDIT_EVENT_LABELS: Partial<Record<AuditEventType, string>> = {
  "account.read": "Consultation de son compte",
  "account.change_password": "Changement de mot de passe",
  "account.manage_totp": "Gestion de la double authentification",
  "account.logout_everywhere": "Déconnexion de tous les appareils",
  "organisation.list": "Liste des organisations",
  "organisation.read": "Consultation d'une organisation",
  "organisation.create": "Création d'une organisation",
  "organisation.update": "Modification d'une organisation",
  "user.list": "Liste des comptes",
  "user.read": "Consultation d'un compte",
  "user.create": "Création d'un compte",
  "user.update": "Modification d'un compte",
  "user.reset_password": "Réinitialisation d'un mot de passe",
  "user.reset_totp": "Réinitialisation d'une double authentification",
  "audit.read": "Consultation du journal d'audit",
  "audit.verify": "Vérification du journal d'audit",
  "qualification.run": "Aide à la qualification juridique",
  "case.list": "Liste des dossiers",
  "case.create": "Création d'un dossier",
  "case.read": "Consultation d'un dossier",
  "case.update": "Modification du profil d'un dossier",
  "case.reveal_identity": "Affichage de l'identité d'un jeune",
  "case.update_identity": "Modification de l'identité d'un jeune",
  "case.assign": "Désignation du référent d'un dossier",
  "case.close": "Clôture d'un dossier",
  "case.reopen": "Réouverture d'un dossier",
  "case.record_victim_status": "Enregistrement d'un statut de victime",
  "case.read_timeline": "Consultation de la chronologie d'un dossier",
  "case.add_note": "Ajout d'une note",
  "case.list_shares": "Consultation des partages d'un dossier",
  "case.share": "Partage d'un dossier",
  "case.revoke_share": "Révocation d'un partage",
  "case.transfer": "Transfert d'un dossier",
  "case.emergency_access": "Accès d'urgence à un dossier",
  "case.review_emergency_access": "Examen des accès d'urgence",
  "case.list_link_proposals": "Liste des doublons probables",
  "case.decide_link": "Décision sur un doublon probable",
  "case.export_subject": "Export au titre du droit d'accès",
  "auth.login": "Connexion",
  "auth.login_failed": "Échec de connexion",
  "auth.totp_verified": "Code de double authentification accepté",
  "auth.totp_failed": "Code de double authentification refusé",
  "auth.logout": "Déconnexion",
  "auth.locked": "Compte verrouillé après des échecs",
  "system.demo_seed": "Création des comptes de démonstration",
  "system.seed": "Données synthétiques générées",
  "system.anchor": "Ancre du journal",
  "system.case_retention": "Anonymisation des dossiers clos",
  "system.key_rotation": "Rotation de la clé de chiffrement des données",
  "observatory.read": "Consultation d'un tableau de l'observatoire",
  "observatory.export": "Export d'un tableau de l'observatoire",
  "observatory.annual_report": "Rapport annuel de l'observatoire",
  "observatory.import_reference": "Import des indicateurs départementaux",
  "observatory.research_export": "Export pour la recherche",
  "survey.read": "Consultation de l'enquête annuelle",
  "survey.manage": "Gestion de l'enquête annuelle",
  "survey.respond": "Réponse à l'enquête annuelle",
  "system.observatory_snapshot": "Instantané des données de l'observatoire",
};

export const OUTCOME_LABELS: Record<AuditEventView["outcome"], string> = {
  success: "Réussite",
  denied: "Refus",
  failure: "Échec",
};

const TARGET_TYPE_LABELS: Partial<Record<string, string>> = {
  user: "Compte",
  organisation: "Organisation",
  audit_anchor: "Ancre",
  session: "Session",
  case: "Dossier",
  case_share: "Partage",
  case_timeline_entry: "Note",
  case_link_proposal: "Doublon probable",
  case_emergency_access: "Accès d'urgence",
  emergency_access_list: "Liste des accès d'urgence",
  survey_campaign: "Campagne d'enquête",
  survey_response: "Réponse à l'enquête",
  department_indicators: "Indicateurs départementaux",
  observatory_snapshot: "Instantané de l'observatoire",
};

export function auditEventLabel(action: string): string {
  return (AUDIT_EVENT_LABELS as Partial<Record<string, string>>)[action] ?? action;
}

/** Every event the journal can hold, for the filter. */
export const AUDIT_EVENT_TYPES: readonly AuditEventType[] = [...ACTIONS, ...AUDIT_ONLY_EVENTS];

export function targetLabel(event: AuditEventView): string {
  if (!event.targetType) return "—";
  const type = TARGET_TYPE_LABELS[event.targetType] ?? event.targetType;
  return event.targetId ? `${type} ${event.targetId}` : type;
}

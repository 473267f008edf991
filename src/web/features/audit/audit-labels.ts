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
  "auth.login": "Connexion",
  "auth.login_failed": "Échec de connexion",
  "auth.totp_verified": "Code de double authentification accepté",
  "auth.totp_failed": "Code de double authentification refusé",
  "auth.logout": "Déconnexion",
  "auth.locked": "Compte verrouillé après des échecs",
  "system.demo_seed": "Création des comptes de démonstration",
  "system.anchor": "Ancre du journal",
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

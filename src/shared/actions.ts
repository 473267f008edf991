/**
 * Every action a user can attempt. The policy table (server/policy/policy.ts) is a Record over this union, so a new
 * action does not compile until someone decides who may perform it. The same names are written to the audit log.
 */
export const ACTIONS = [
  // one's own account
  "account.read",
  "account.change_password",
  "account.manage_totp",
  "account.logout_everywhere",
  // administration
  "organisation.list",
  "organisation.read",
  "organisation.create",
  "organisation.update",
  "user.list",
  "user.read",
  "user.create",
  "user.update",
  "user.reset_password",
  "user.reset_totp",
  "audit.read",
  "audit.verify",
  // identification
  "qualification.run",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions written to the audit log that are not user actions on the policy table (sign-in, system jobs). */
export const AUDIT_ONLY_EVENTS = [
  "auth.login",
  "auth.login_failed",
  "auth.totp_verified",
  "auth.totp_failed",
  "auth.logout",
  "auth.locked",
  "system.demo_seed",
  "system.anchor",
] as const;
export type AuditOnlyEvent = (typeof AUDIT_ONLY_EVENTS)[number];

export type AuditEventType = Action | AuditOnlyEvent;

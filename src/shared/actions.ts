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
  "screening.record",
  "screening.read",
  "pre_case.create",
  "pre_case.read",
  "pre_case.screen",
  "pre_case.attach",
  "case.record_qualification",
  "case.read_actions",
  "case.update_action",
  "case.signalement",
  // young people's cases
  "case.list",
  "case.create",
  "case.read",
  "case.update",
  "case.reveal_identity",
  "case.update_identity",
  "case.assign",
  "case.close",
  "case.reopen",
  "case.record_victim_status",
  "case.read_timeline",
  "case.add_note",
  "case.list_shares",
  "case.share",
  "case.revoke_share",
  "case.transfer",
  "case.emergency_access",
  "case.review_emergency_access",
  "case.list_link_proposals",
  "case.decide_link",
  "case.export_subject",
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
  "system.case_retention",
] as const;
export type AuditOnlyEvent = (typeof AUDIT_ONLY_EVENTS)[number];

export type AuditEventType = Action | AuditOnlyEvent;

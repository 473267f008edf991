import type { Action } from "@shared/actions.ts";
import { ACTIONS } from "@shared/actions.ts";
import { CASE_SECTIONS, type CaseAccess, type CaseSection } from "@shared/cases.ts";
import type { Role } from "@shared/roles.ts";
import { AppError } from "../http/errors.ts";
import type { Actor, UserActor } from "./actor.ts";

/** What an action is performed on, with the facts the rules need (never fetched here: the service passes them). */
export type Target =
  | { kind: "organisation"; id: string; departmentCode: string | null }
  | { kind: "user"; id: string; organisationId: string; departmentCode: string | null }
  | { kind: "audit_scope"; departmentCode: string | null }
  | CaseTarget
  | { kind: "pre_case"; id: string; organisationId: string; departmentCode: string | null };

/** A case with what decides who reaches it. Shares and emergency accesses are those still active at the time. */
export interface CaseTarget {
  kind: "case";
  id: string;
  departmentCode: string;
  ownerOrganisationId: string;
  placementOrganisationId: string | null;
  assignedUserId: string | null;
  activeShares: readonly { organisationId: string | null; userId: string | null; sections: readonly CaseSection[] }[];
  activeEmergencyUserIds: readonly string[];
}

interface Rule {
  /** Who may ever attempt the action. Checked on the route before any input is read. */
  roles: readonly Role[] | "any";
  /** When the action concerns a record: must hold for that record. A rule with `when` denies without a target. */
  when?: (actor: UserActor, target: Target) => boolean;
  /** The read action whose denial turns a refusal into 404, so that a record's existence does not leak. */
  readAction?: Action;
}

const ANY = "any" as const;

/** Everyone who works on individual cases; national roles and administrators see aggregates or accounts only. */
const CASE_PROFESSIONALS: readonly Role[] = [
  "educator",
  "ase_referent",
  "ase_manager",
  "crip_officer",
  "association_worker",
  "prosecutor",
  "juvenile_judge",
  "police_liaison",
];

/** Who opens and works a case file; police and justice only receive what is shared with them. */
const CASE_WORKERS: readonly Role[] = ["educator", "ase_referent", "ase_manager", "crip_officer", "association_worker"];
/** Child-protection roles that may break the glass on a case outside their scope, with a written reason. */
const EMERGENCY_ROLES: readonly Role[] = ["educator", "ase_referent", "ase_manager", "crip_officer"];

/**
 * Who reaches a case, and how (procedure.md §8.4). The same rules are written in SQL in scopes.ts
 * (`casesWithFullAccess`, `readableCases`); policy.test.ts checks both agree.
 *   full: the owning organisation; the educators of the establishment where the young person is placed; the
 *         assigned ASE referent; ASE managers of an ASE service, for the cases of their département.
 *   emergency: an active break-glass access of this user (every section, read only).
 *   shared: active shares with the user or their organisation (the shared sections only).
 */
export function caseAccessOf(actor: Actor, target: CaseTarget): { access: CaseAccess; sections: CaseSection[] } | null {
  if (actor.kind === "system") return { access: "full", sections: [...CASE_SECTIONS] };
  if (!actor.isActive || !hasAnyRole(actor, CASE_PROFESSIONALS)) return null;
  if (hasFullCaseAccess(actor, target)) return { access: "full", sections: [...CASE_SECTIONS] };
  if (target.activeEmergencyUserIds.includes(actor.userId))
    return { access: "emergency", sections: [...CASE_SECTIONS] };
  const sections = new Set<CaseSection>();
  for (const share of target.activeShares) {
    if (share.userId === actor.userId || share.organisationId === actor.organisationId)
      for (const s of share.sections) sections.add(s);
  }
  return sections.size > 0 ? { access: "shared", sections: CASE_SECTIONS.filter((s) => sections.has(s)) } : null;
}

function hasFullCaseAccess(actor: UserActor, target: CaseTarget): boolean {
  if (!hasAnyRole(actor, CASE_PROFESSIONALS)) return false;
  if (target.ownerOrganisationId === actor.organisationId) return true;
  if (actor.roles.includes("educator") && target.placementOrganisationId === actor.organisationId) return true;
  if (actor.roles.includes("ase_referent") && target.assignedUserId === actor.userId) return true;
  return (
    actor.roles.includes("ase_manager") &&
    actor.organisationType === "ase_service" &&
    target.departmentCode === actor.departmentCode
  );
}

const onCase = (test: (actor: UserActor, target: CaseTarget) => boolean) => (actor: UserActor, target: Target) =>
  target.kind === "case" && test(actor, target);
const seesSection = (section: CaseSection) =>
  onCase((actor, target) => caseAccessOf(actor, target)?.sections.includes(section) ?? false);
/** Writing needs the case as one's own work; a share or a break-glass access reads. */
const worksOnCase = onCase((actor, target) => hasFullCaseAccess(actor, target));
const writesInSection = (section: CaseSection) =>
  onCase((actor, target) => {
    const reach = caseAccessOf(actor, target);
    return reach !== null && reach.access !== "emergency" && reach.sections.includes(section);
  });
const ownsCase = onCase(
  (actor, target) => target.ownerOrganisationId === actor.organisationId || target.assignedUserId === actor.userId,
);

/** A pre-case has no child's identity yet: it stays within the organisation that screened. */
const ofOwnOrganisation = (actor: UserActor, target: Target) =>
  target.kind === "pre_case" && target.organisationId === actor.organisationId;

/** An administrator administers one département, or the whole country when not tied to one. */
function inAdminScope(actor: UserActor, target: Target): boolean {
  if (!actor.roles.includes("admin")) return false;
  if (actor.adminDepartmentCode === null) return true;
  return target.departmentCode === actor.adminDepartmentCode;
}

/** One line per action. Deny by default: an action missing here does not compile. */
const rules: Record<Action, Rule> = {
  "account.read": { roles: ANY },
  "account.change_password": { roles: ANY },
  "account.manage_totp": { roles: ANY },
  "account.logout_everywhere": { roles: ANY },

  "organisation.list": { roles: ["admin"] },
  "organisation.read": { roles: ["admin"], when: inAdminScope },
  "organisation.create": { roles: ["admin"], when: inAdminScope, readAction: "organisation.read" },
  "organisation.update": { roles: ["admin"], when: inAdminScope, readAction: "organisation.read" },
  "user.list": { roles: ["admin"] },
  "user.read": { roles: ["admin"], when: inAdminScope },
  "user.create": { roles: ["admin"], when: inAdminScope, readAction: "organisation.read" },
  "user.update": { roles: ["admin"], when: inAdminScope, readAction: "user.read" },
  "user.reset_password": { roles: ["admin"], when: inAdminScope, readAction: "user.read" },
  "user.reset_totp": { roles: ["admin"], when: inAdminScope, readAction: "user.read" },
  "audit.read": { roles: ["admin"], when: inAdminScope },
  // The result says whether the chain holds and where it breaks: nothing personal, so every administrator may run it.
  "audit.verify": { roles: ["admin"] },

  "qualification.run": { roles: CASE_PROFESSIONALS },
  // Screening is the case workers' act; what it found is part of the "screenings" section a share may open.
  "screening.record": { roles: CASE_WORKERS, when: writesInSection("screenings"), readAction: "case.read" },
  "screening.read": { roles: CASE_PROFESSIONALS, when: seesSection("screenings"), readAction: "case.read" },
  "pre_case.create": { roles: CASE_WORKERS },
  "pre_case.read": { roles: CASE_WORKERS, when: ofOwnOrganisation },
  "pre_case.screen": { roles: CASE_WORKERS, when: ofOwnOrganisation, readAction: "pre_case.read" },
  "pre_case.attach": { roles: CASE_WORKERS, when: ofOwnOrganisation, readAction: "pre_case.read" },
  "case.record_qualification": { roles: CASE_WORKERS, when: writesInSection("screenings"), readAction: "case.read" },
  "case.read_actions": { roles: CASE_PROFESSIONALS, when: seesSection("screenings"), readAction: "case.read" },
  "case.update_action": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "case.signalement": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },

  "case.list": { roles: CASE_PROFESSIONALS },
  "case.create": { roles: CASE_WORKERS },
  "case.read": { roles: CASE_PROFESSIONALS, when: onCase((actor, target) => caseAccessOf(actor, target) !== null) },
  "case.update": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "case.reveal_identity": { roles: CASE_PROFESSIONALS, when: seesSection("identity"), readAction: "case.read" },
  "case.update_identity": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "case.assign": { roles: ["ase_referent", "ase_manager"], when: worksOnCase, readAction: "case.read" },
  "case.close": { roles: CASE_WORKERS, when: ownsCase, readAction: "case.read" },
  "case.reopen": { roles: CASE_WORKERS, when: ownsCase, readAction: "case.read" },
  // Police record an identification, a court a recognition: whoever works on the profile may record a status.
  "case.record_victim_status": { roles: CASE_PROFESSIONALS, when: writesInSection("profile"), readAction: "case.read" },
  "case.read_timeline": { roles: CASE_PROFESSIONALS, when: seesSection("timeline"), readAction: "case.read" },
  "case.add_note": { roles: CASE_PROFESSIONALS, when: writesInSection("timeline"), readAction: "case.read" },
  "case.list_shares": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "case.share": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "case.revoke_share": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "case.transfer": { roles: ["ase_referent", "ase_manager"], when: ownsCase, readAction: "case.read" },
  // Any case, on purpose: that is what breaking the glass means. The reason, the alert and the review keep it honest.
  "case.emergency_access": { roles: EMERGENCY_ROLES },
  "case.review_emergency_access": { roles: ["ase_manager"], when: worksOnCase, readAction: "case.read" },
  "case.list_link_proposals": { roles: CASE_WORKERS },
  "case.decide_link": {
    roles: CASE_WORKERS,
    when: onCase((actor, target) => target.ownerOrganisationId === actor.organisationId),
    readAction: "case.read",
  },
  // Subject access (GDPR art. 15) is an administrator's duty; no other role reaches a whole person's file this way.
  "case.export_subject": { roles: ["admin"], when: inAdminScope },
};

function hasAnyRole(actor: UserActor, roles: Rule["roles"]): boolean {
  return roles === ANY || roles.some((role) => actor.roles.includes(role));
}

/** May this actor ever attempt this action? Routes check it before reading input. */
export function mayAttempt(actor: Actor, action: Action): boolean {
  if (actor.kind === "system") return true;
  return actor.isActive && hasAnyRole(actor, rules[action].roles);
}

/** May this actor perform this action on this target? System actors (jobs, CLI) act for Repère itself. */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  if (actor.kind === "system") return true;
  const rule = rules[action];
  if (!actor.isActive || !hasAnyRole(actor, rule.roles)) return false;
  if (!rule.when) return true;
  return target !== undefined && rule.when(actor, target);
}

/** Throws 404 when the actor may not even see the target, 403 when it may see it but not do this. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (can(actor, action, target)) return;
  const readAction = rules[action].readAction;
  const canSee = target === undefined || (readAction !== undefined && can(actor, readAction, target));
  throw canSee ? new AppError("forbidden", 403) : new AppError("not_found", 404);
}

/** The case actions this actor may perform on this case, for the UI to hide buttons (`CaseView.can`). */
export function caseActionsOn(actor: Actor, target: CaseTarget): Action[] {
  return ACTIONS.filter(
    (action) => action.startsWith("case.") && rules[action].when !== undefined && can(actor, action, target),
  );
}

/** The actions an actor may attempt, for the UI to hide what it cannot do. */
export function attemptableActions(actor: Actor): Action[] {
  return ACTIONS.filter((action) => mayAttempt(actor, action));
}

export function isKnownAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

import type { Action } from "@shared/actions.ts";
import { ACTIONS } from "@shared/actions.ts";
import { CASE_SECTIONS, type CaseAccess, type CaseSection } from "@shared/cases.ts";
import type { Performer } from "@shared/pathway.ts";
import type { Role } from "@shared/roles.ts";
import { AppError } from "../http/errors.ts";
import type { Actor, UserActor } from "./actor.ts";

/** What an action is performed on, with the facts the rules need (never fetched here: the service passes them). */
export type Target =
  | { kind: "organisation"; id: string; departmentCode: string | null }
  | { kind: "user"; id: string; organisationId: string; departmentCode: string | null }
  | { kind: "audit_scope"; departmentCode: string | null }
  | CaseTarget
  | { kind: "pre_case"; id: string; organisationId: string; departmentCode: string | null }
  | { kind: "department"; departmentCode: string }
  | { kind: "pathway_notification"; userId: string; departmentCode: string | null }
  | PathwayReviewTarget
  | PathwayTransferTarget
  | ObservatoryScopeTarget;

/** What an observatory request covers: one département, or the whole country (null). */
export interface ObservatoryScopeTarget {
  kind: "observatory_scope";
  departmentCode: string | null;
}

/** A multi-agency review, with its panel and the case it examines. */
export interface PathwayReviewTarget {
  kind: "pathway_review";
  id: string;
  chairUserId: string;
  memberUserIds: readonly string[];
  departmentCode: string;
  case: CaseTarget;
}

/** A hand-over between organisations; the receiver decides before the case is theirs. */
export interface PathwayTransferTarget {
  kind: "pathway_transfer";
  id: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  departmentCode: string;
  case: CaseTarget;
}

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

const onReview =
  (test: (actor: UserActor, target: PathwayReviewTarget) => boolean) => (actor: UserActor, target: Target) =>
    target.kind === "pathway_review" && test(actor, target);
const onTransfer =
  (test: (actor: UserActor, target: PathwayTransferTarget) => boolean) => (actor: UserActor, target: Target) =>
    target.kind === "pathway_transfer" && test(actor, target);
const seesPathway = seesSection("profile");
/** Pathway steps are written by whoever may write the case's situation: its workers, or courts and police it was shared with. */
const writesPathway = writesInSection("profile");
const isReviewMember = onReview((actor, review) => review.memberUserIds.includes(actor.userId));
const isInReceivingTeam = onTransfer(
  (actor, transfer) =>
    transfer.toOrganisationId === actor.organisationId && hasAnyRole(actor, ["ase_referent", "ase_manager"]),
);

/** An administrator administers one département, or the whole country when not tied to one. */
function inAdminScope(actor: UserActor, target: Target): boolean {
  if (!actor.roles.includes("admin")) return false;
  if (actor.adminDepartmentCode === null) return true;
  return target.departmentCode === actor.adminDepartmentCode;
}

/**
 * procedure.md §8.4: the observatory sees aggregates only, after disclosure control. National analysts see the
 * country; an ASE manager sees the protected aggregates of their own département, to steer its service.
 */
function inObservatoryScope(actor: UserActor, target: Target): boolean {
  if (target.kind !== "observatory_scope") return false;
  if (actor.roles.includes("national_analyst")) return true;
  return (
    actor.roles.includes("ase_manager") &&
    actor.organisationType === "ase_service" &&
    target.departmentCode !== null &&
    target.departmentCode === actor.departmentCode
  );
}

/** National work on the observatory's inputs and record-level exports: analysts, and national administrators. */
function isNationalObservatoryOperator(actor: UserActor, target: Target): boolean {
  if (target.kind !== "observatory_scope" || target.departmentCode !== null) return false;
  return (
    actor.roles.includes("national_analyst") || (actor.roles.includes("admin") && actor.adminDepartmentCode === null)
  );
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
  // The names of those who may be named: for whoever may name them, on a case they work on.
  "case.list_assignees": { roles: ["ase_referent", "ase_manager"], when: worksOnCase, readAction: "case.read" },
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
  // Whoever may share or transfer picks the recipient: organisations (no personal data), then for a share with one
  // person the display names of that organisation's case professionals. Administrators and analysts need neither.
  "directory.list_organisations": { roles: CASE_WORKERS },
  "directory.list_members": { roles: CASE_WORKERS },
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

  "pathway.read": { roles: CASE_PROFESSIONALS, when: seesPathway, readAction: "case.read" },
  // Which step, by whom, is the transition table's call (shared/pathway/tracks.ts, checked by `mayPerformStep`).
  "pathway.transition": { roles: CASE_PROFESSIONALS, when: writesPathway, readAction: "case.read" },
  "pathway.inbox": { roles: CASE_PROFESSIONALS },
  "pathway.read_notification": {
    roles: CASE_PROFESSIONALS,
    when: (actor, target) => target.kind === "pathway_notification" && target.userId === actor.userId,
  },
  "pathway.create_review": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  // The panel reads the review, whatever their access to the case: that is what they were invited for.
  "pathway.read_review": {
    roles: CASE_PROFESSIONALS,
    when: (actor, target) => isReviewMember(actor, target) || onReview((a, r) => seesPathway(a, r.case))(actor, target),
  },
  "pathway.declare_conflict": { roles: CASE_PROFESSIONALS, when: isReviewMember, readAction: "pathway.read_review" },
  "pathway.decide_review": {
    roles: CASE_PROFESSIONALS,
    when: onReview((actor, review) => review.chairUserId === actor.userId),
    readAction: "pathway.read_review",
  },
  "pathway.record_measure": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "pathway.update_measure": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "pathway.adopt_plan": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "pathway.review_plan": { roles: CASE_WORKERS, when: worksOnCase, readAction: "case.read" },
  "pathway.request_transfer": { roles: ["ase_referent", "ase_manager"], when: ownsCase, readAction: "case.read" },
  // The receiving team reads the hand-over before the case is theirs; the sender keeps the case until acceptance.
  "pathway.read_transfer": {
    roles: CASE_PROFESSIONALS,
    when: (actor, target) =>
      isInReceivingTeam(actor, target) || onTransfer((a, t) => seesPathway(a, t.case))(actor, target),
  },
  "pathway.decide_transfer": {
    roles: ["ase_referent", "ase_manager"],
    when: isInReceivingTeam,
    readAction: "pathway.read_transfer",
  },
  "pathway.withdraw_transfer": {
    roles: ["ase_referent", "ase_manager"],
    when: onTransfer(
      (actor, transfer) => transfer.fromOrganisationId === actor.organisationId && ownsCase(actor, transfer.case),
    ),
    readAction: "pathway.read_transfer",
  },
  // The catalogue holds no personal data: everyone may read how their département counts.
  "pathway.read_deadline_overrides": { roles: ANY },
  "pathway.set_deadline_overrides": { roles: ["admin"], when: inAdminScope },

  "observatory.read": { roles: ["national_analyst", "ase_manager"], when: inObservatoryScope },
  "observatory.export": { roles: ["national_analyst", "ase_manager"], when: inObservatoryScope },
  "observatory.annual_report": { roles: ["national_analyst"] },
  "observatory.import_reference": { roles: ["national_analyst", "admin"], when: isNationalObservatoryOperator },
  // Record-level, even k-anonymised: authorised research use only, audited with its stated purpose.
  "observatory.research_export": { roles: ["national_analyst", "admin"], when: isNationalObservatoryOperator },
  // Analysts see every association's response; an association sees its own only (the service filters).
  "survey.read": { roles: ["national_analyst", "association_worker"] },
  "survey.manage": { roles: ["national_analyst"] },
  "survey.respond": { roles: ["association_worker"] },
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
    (action) =>
      (action.startsWith("case.") || action === "pathway.read") &&
      rules[action].when !== undefined &&
      can(actor, action, target),
  );
}

/** The actions an actor may attempt, for the UI to hide what it cannot do. */
export function attemptableActions(actor: Actor): Action[] {
  return ACTIONS.filter((action) => mayAttempt(actor, action));
}

/**
 * May this actor take a step whose performers are these (shared/pathway/tracks.ts)? `via` says who is deciding: a
 * user in their own name, a multi-agency review's minuted decision, or Repère's clock.
 */
export function mayPerformStep(
  actor: Actor,
  performers: readonly Performer[],
  via: "user" | "review" | "system" = "user",
): boolean {
  return performers.some((performer) => {
    if ("via" in performer) return performer.via === via;
    if (via !== "user" || actor.kind !== "user" || !actor.isActive) return false;
    const hasRole = performer.roles.some((role) => actor.roles.includes(role));
    return hasRole && (!performer.organisationTypes || performer.organisationTypes.includes(actor.organisationType));
  });
}

export function isKnownAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

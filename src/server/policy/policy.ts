import type { Action } from "@shared/actions.ts";
import { ACTIONS } from "@shared/actions.ts";
import type { Role } from "@shared/roles.ts";
import { AppError } from "../http/errors.ts";
import type { Actor, UserActor } from "./actor.ts";

/** What an action is performed on, with the facts the rules need (never fetched here: the service passes them). */
export type Target =
  | { kind: "organisation"; id: string; departmentCode: string | null }
  | { kind: "user"; id: string; organisationId: string; departmentCode: string | null }
  | { kind: "audit_scope"; departmentCode: string | null };

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

/** The actions an actor may attempt, for the UI to hide what it cannot do. */
export function attemptableActions(actor: Actor): Action[] {
  return ACTIONS.filter((action) => mayAttempt(actor, action));
}

export function isKnownAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

import type { OrganisationType, Role } from "@shared/roles.ts";

/** Who is acting: a signed-in user, or Repère itself (jobs, CLI). Passed first to every service function. */
export type Actor = UserActor | SystemActor;

export interface UserActor {
  kind: "user";
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  /** The département of the user's organisation; null for the national coordination. */
  departmentCode: string | null;
  roles: readonly Role[];
  /** For administrators: the département administered, or null for national. */
  adminDepartmentCode: string | null;
  isActive: boolean;
  sessionId: string | null;
  requestId: string | null;
}

export interface SystemActor {
  kind: "system";
  /** What runs: "cli:seed", "job:audit-anchor"… written to the audit log. */
  name: string;
  requestId: string | null;
}

export function systemActor(name: string): SystemActor {
  return { kind: "system", name, requestId: null };
}

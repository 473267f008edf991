import type { OrganisationType, Role } from "@shared/roles.ts";
import type { UserActor } from "../policy/actor.ts";
import type { listUsersWithOrganisation } from "./pathway.queries.ts";

/** A user as the policy sees them, outside a session: to check whether a panel member or a recipient fits a role. */
export function actorOfUser(user: Awaited<ReturnType<typeof listUsersWithOrganisation>>[number]): UserActor {
  return {
    kind: "user",
    userId: user.id,
    organisationId: user.organisation.id,
    organisationType: user.organisation.type as OrganisationType,
    departmentCode: user.organisation.departmentCode,
    roles: user.roles as Role[],
    adminDepartmentCode: null,
    isActive: user.isActive && user.organisation.isActive,
    sessionId: null,
    requestId: null,
  };
}

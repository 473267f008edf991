import { SHARE_RECIPIENT_ROLES } from "@shared/cases.ts";
import type { DirectoryMember, DirectoryOrganisation, DirectoryOrganisationsQuery } from "@shared/directory.ts";
import type { OrganisationType } from "@shared/roles.ts";
import type { AppContext } from "../context.ts";
import { notFound } from "../http/errors.ts";
import type { UserActor } from "../policy/actor.ts";
import { authorize } from "../policy/policy.ts";
import { findDirectoryOrganisation, listDirectoryOrganisations, listOrganisationMembers } from "./directory.queries.ts";

export async function listOrganisationsInDirectory(
  ctx: AppContext,
  actor: UserActor,
  filters: DirectoryOrganisationsQuery,
): Promise<DirectoryOrganisation[]> {
  authorize(actor, "directory.list_organisations");
  const rows = await listDirectoryOrganisations(ctx.db, filters);
  return rows.map((row) => ({ ...row, type: row.type as OrganisationType }));
}

/**
 * The people of an organisation a case may be shared with, by display name only: enough to pick one, nothing to
 * contact or profile them with. An inactive or unknown organisation answers 404, like the national coordination.
 */
export async function listMembersInDirectory(
  ctx: AppContext,
  actor: UserActor,
  organisationId: string,
): Promise<DirectoryMember[]> {
  authorize(actor, "directory.list_members");
  const organisation = await findDirectoryOrganisation(ctx.db, organisationId);
  if (!organisation || organisation.type === "national_coordination") throw notFound();
  return listOrganisationMembers(ctx.db, organisation.id, SHARE_RECIPIENT_ROLES);
}

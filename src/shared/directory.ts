import { DepartmentCode } from "./admin.ts";
import type { OrganisationType, Role } from "./roles.ts";
import { ORGANISATION_TYPES } from "./roles.ts";
import { z } from "./zod-fr.ts";

/**
 * The directory case workers use to share, transfer and assign: organisations by name, type and département, and
 * for a chosen organisation the display names of the people a case may be shared with. No e-mail, no login data;
 * roles only for the colleagues one may name referent.
 */
export const DirectoryOrganisationsQuery = z.strictObject({
  q: z.string().trim().max(200, "La recherche est trop longue (200 caractères au plus).").optional(),
  type: z.enum(ORGANISATION_TYPES, "Type d'organisation inconnu.").optional(),
  departmentCode: DepartmentCode.optional(),
});
export type DirectoryOrganisationsQuery = z.infer<typeof DirectoryOrganisationsQuery>;

/** At most this many organisations per answer: the caller narrows with `q`, `type` or `departmentCode`. */
export const DIRECTORY_PAGE_SIZE = 50;

export interface DirectoryOrganisation {
  id: string;
  name: string;
  type: OrganisationType;
  departmentCode: string | null;
}

/** Someone a case may be shared with: the name shown in Repère, nothing else. */
export interface DirectoryMember {
  id: string;
  displayName: string;
}

/** Someone who may be named referent of a case: an ASE referent or manager of the owning service or département. */
export interface CaseAssignee {
  id: string;
  displayName: string;
  roles: Role[];
  organisationName: string;
}

import { Email } from "./auth.ts";
import { isDepartmentCode } from "./departments.ts";
import type { OrganisationType, Role } from "./roles.ts";
import { ORGANISATION_TYPES, ROLES } from "./roles.ts";
import { z } from "./zod-fr.ts";

export const DepartmentCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isDepartmentCode, "Code de département inconnu (code officiel géographique : 01 à 95, 2A, 2B, 971 à 976).");

const Name = z
  .string()
  .trim()
  .min(2, "Le nom doit contenir au moins 2 caractères.")
  .max(200, "Le nom est trop long (200 caractères au plus).");

export const CreateOrganisationInput = z.strictObject({
  name: Name,
  type: z.enum(ORGANISATION_TYPES, "Type d'organisation inconnu."),
  departmentCode: DepartmentCode.nullable(),
});
export type CreateOrganisationInput = z.infer<typeof CreateOrganisationInput>;

export const UpdateOrganisationInput = z.strictObject({
  name: Name.optional(),
  isActive: z.boolean().optional(),
  version: z.int().min(1),
});
export type UpdateOrganisationInput = z.infer<typeof UpdateOrganisationInput>;

export const CreateUserInput = z.strictObject({
  organisationId: z.uuid("Organisation invalide."),
  email: Email,
  displayName: Name,
  roles: z.array(z.enum(ROLES, "Rôle inconnu.")).min(1, "Choisissez au moins un rôle.").max(ROLES.length),
  adminDepartmentCode: DepartmentCode.nullable().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z.strictObject({
  displayName: Name.optional(),
  roles: z.array(z.enum(ROLES, "Rôle inconnu.")).min(1, "Choisissez au moins un rôle.").max(ROLES.length).optional(),
  isActive: z.boolean().optional(),
  version: z.int().min(1),
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const ListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  departmentCode: DepartmentCode.optional(),
});

export interface OrganisationView {
  id: string;
  name: string;
  type: OrganisationType;
  departmentCode: string | null;
  isActive: boolean;
  userCount: number;
  version: number;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organisationId: string;
  organisationName: string;
  departmentCode: string | null;
  adminDepartmentCode: string | null;
  isActive: boolean;
  hasTotp: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}

/** Shown once to the administrator, who hands it to the user; the user must change it at next sign-in. */
export interface TemporaryPasswordView {
  temporaryPassword: string;
}

export const AuditQuery = z.strictObject({
  action: z.string().trim().max(100).optional(),
  actorUserId: z.uuid().optional(),
  targetId: z.string().trim().max(100).optional(),
  departmentCode: DepartmentCode.optional(),
  from: z.iso.date("Date invalide (AAAA-MM-JJ).").optional(),
  to: z.iso.date("Date invalide (AAAA-MM-JJ).").optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditEventView {
  id: number;
  occurredAt: string;
  action: string;
  outcome: "success" | "denied" | "failure";
  actorUserId: string | null;
  actorName: string | null;
  organisationId: string | null;
  targetType: string | null;
  targetId: string | null;
  departmentCode: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  events: AuditEventView[];
  nextBefore: number | null;
}

export interface AuditVerificationView {
  intact: boolean;
  checkedEntries: number;
  message: string;
  firstBroken: { id: number | null; shard: number; position: number; reason: string } | null;
  anchor: { id: number; createdAt: string } | null;
}

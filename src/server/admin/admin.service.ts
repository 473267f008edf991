import type {
  CreateOrganisationInput,
  CreateUserInput,
  OrganisationView,
  TemporaryPasswordView,
  UpdateOrganisationInput,
  UpdateUserInput,
  UserView,
} from "@shared/admin.ts";
import {
  ORGANISATION_TYPES,
  type OrganisationType,
  organisationTypeHasDepartment,
  ROLES_BY_ORGANISATION_TYPE,
  type Role,
} from "@shared/roles.ts";
import { recordAudit } from "../audit/record.ts";
import { clearThrottle, replaceRecoveryCodes, revokeUserSessions } from "../auth/auth.queries.ts";
import { forgetHeldSessions } from "../auth/auth.service.ts";
import { generateTemporaryPassword, hashPassword } from "../auth/passwords.ts";
import { hashEmail } from "../auth/session-token.ts";
import type { AppContext } from "../context.ts";
import { AppError, conflict, notFound } from "../http/errors.ts";
import type { Actor, UserActor } from "../policy/actor.ts";
import { authorize, can, type Target } from "../policy/policy.ts";
import { organisationsInAdminScope } from "../policy/scopes.ts";
import {
  emailExists,
  findOrganisation,
  findUserRow,
  insertOrganisation,
  insertUser,
  listOrganisations,
  listUsers,
  updateOrganisationVersioned,
  updateUser,
  updateUserVersioned,
} from "./admin.queries.ts";

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserRow>>>;

const organisationTarget = (o: { id: string; departmentCode: string | null }): Target => ({
  kind: "organisation",
  id: o.id,
  departmentCode: o.departmentCode,
});
const userTarget = (u: UserRow): Target => ({
  kind: "user",
  id: u.id,
  organisationId: u.organisationId,
  departmentCode: u.departmentCode,
});

function presentUser(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles as Role[],
    organisationId: u.organisationId,
    organisationName: u.organisationName,
    departmentCode: u.departmentCode,
    adminDepartmentCode: u.adminDepartmentCode,
    isActive: u.isActive,
    hasTotp: u.totpEnabledAt !== null,
    lockedUntil: u.lockedUntil ? new Date(u.lockedUntil).toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  };
}

export async function listOrganisationsForAdmin(
  ctx: AppContext,
  actor: UserActor,
  filters: { q?: string; departmentCode?: string },
) {
  authorize(actor, "organisation.list");
  const rows = await listOrganisations(ctx.db, organisationsInAdminScope(actor), filters);
  return rows.map(
    (r): OrganisationView => ({ ...r, type: r.type as OrganisationType, userCount: Number(r.userCount) }),
  );
}

async function getOrganisationInScope(ctx: AppContext, actor: Actor, id: string) {
  const organisation = await findOrganisation(ctx.db, id);
  if (!organisation) throw notFound();
  authorize(actor, "organisation.read", organisationTarget(organisation));
  return organisation;
}

export async function createOrganisation(ctx: AppContext, actor: UserActor, input: CreateOrganisationInput) {
  if (organisationTypeHasDepartment(input.type) !== (input.departmentCode !== null)) {
    throw new AppError("department_required", 400, undefined, [
      {
        path: "departmentCode",
        message: organisationTypeHasDepartment(input.type)
          ? "Le département est obligatoire pour ce type d'organisation."
          : "La coordination nationale n'est rattachée à aucun département.",
      },
    ]);
  }
  // Creating is not reading: a refusal here says "out of your scope" rather than pretending nothing exists.
  if (!can(actor, "organisation.create", { kind: "organisation", id: "new", departmentCode: input.departmentCode })) {
    throw new AppError("out_of_scope", 403);
  }
  return ctx.db.transaction(async (tx) => {
    const row = await insertOrganisation(tx, input);
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "organisation.create",
      targetType: "organisation",
      targetId: row.id,
      departmentCode: row.departmentCode,
      details: { type: row.type },
    });
    return { ...row, type: row.type as OrganisationType, userCount: 0 } satisfies OrganisationView;
  });
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  input: UpdateOrganisationInput,
) {
  const organisation = await findOrganisation(ctx.db, id);
  if (!organisation) throw notFound();
  authorize(actor, "organisation.update", organisationTarget(organisation));
  const { version, ...changes } = input;
  const result = await ctx.db.transaction(async (tx) => {
    const row = await updateOrganisationVersioned(tx, id, version, changes);
    if (!row) throw conflict();
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "organisation.update",
      targetType: "organisation",
      targetId: id,
      departmentCode: row.departmentCode,
      details: { fields: Object.keys(changes) },
    });
    return row;
  });
  // Sessions held by this server answer to the change now; the others hear it from the database.
  forgetHeldSessions(ctx);
  return result;
}

export async function listUsersForAdmin(
  ctx: AppContext,
  actor: UserActor,
  filters: { q?: string; departmentCode?: string; organisationId?: string },
) {
  authorize(actor, "user.list");
  return (await listUsers(ctx.db, organisationsInAdminScope(actor), filters)).map(presentUser);
}

async function getUserInScope(ctx: AppContext, actor: UserActor, id: string) {
  const user = await findUserRow(ctx.db, id);
  if (!user) throw notFound();
  authorize(actor, "user.read", userTarget(user));
  return user;
}

export async function getUserForAdmin(ctx: AppContext, actor: UserActor, id: string) {
  return presentUser(await getUserInScope(ctx, actor, id));
}

function checkRoles(type: OrganisationType, roles: readonly Role[]) {
  const allowed = ROLES_BY_ORGANISATION_TYPE[type];
  const refused = roles.filter((role) => !allowed.includes(role));
  if (refused.length > 0) {
    throw new AppError("role_not_allowed", 400, undefined, [
      { path: "roles", message: `Rôle(s) non autorisé(s) dans ce type d'organisation : ${refused.join(", ")}.` },
    ]);
  }
}

export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput) {
  const organisation = await getOrganisationInScope(ctx, actor, input.organisationId);
  authorize(actor, "user.create", organisationTarget(organisation));
  if (!organisation.isActive) throw new AppError("organisation_inactive", 409);
  const type = organisation.type as OrganisationType;
  if (!ORGANISATION_TYPES.includes(type)) throw new Error(`unknown organisation type ${type}`);
  checkRoles(type, input.roles);
  if (await emailExists(ctx.db, input.email)) {
    throw new AppError("email_taken", 409, undefined, [
      { path: "email", message: "Un compte utilise déjà cette adresse électronique." },
    ]);
  }
  // An administrator administers the département of their organisation; only the national coordination's are national.
  const adminDepartmentCode = input.roles.includes("admin") ? organisation.departmentCode : null;
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return ctx.db.transaction(async (tx) => {
    const { id } = await insertUser(tx, {
      organisationId: organisation.id,
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      adminDepartmentCode,
      passwordHash,
      mustChangePassword: true,
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "user.create",
      targetType: "user",
      targetId: id,
      departmentCode: organisation.departmentCode,
      details: { organisationId: organisation.id, roles: input.roles },
    });
    const created = await findUserRow(tx, id);
    if (!created) throw new Error("user vanished");
    return { user: presentUser(created), temporaryPassword };
  });
}

export async function updateUserByAdmin(ctx: AppContext, actor: UserActor, id: string, input: UpdateUserInput) {
  const user = await getUserInScope(ctx, actor, id);
  authorize(actor, "user.update", userTarget(user));
  if (input.isActive === false && id === actor.userId) throw new AppError("cannot_deactivate_self", 409);
  const organisation = await findOrganisation(ctx.db, user.organisationId);
  if (input.roles && organisation) checkRoles(organisation.type as OrganisationType, input.roles);
  const { version, ...changes } = input;
  const result = await ctx.db.transaction(async (tx) => {
    const updated = await updateUserVersioned(tx, id, version, {
      ...changes,
      ...(changes.roles
        ? { adminDepartmentCode: changes.roles.includes("admin") ? (organisation?.departmentCode ?? null) : null }
        : {}),
    });
    if (!updated) throw conflict();
    // A deactivated account, or one whose roles changed, signs in again with what it now is.
    const revoked = input.isActive === false || input.roles ? await revokeUserSessions(tx, id, ctx.now()) : 0;
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "user.update",
      targetType: "user",
      targetId: id,
      departmentCode: user.departmentCode,
      details: {
        fields: Object.keys(changes),
        ...(input.roles ? { roles: input.roles } : {}),
        revokedSessions: revoked,
      },
    });
    const fresh = await findUserRow(tx, id);
    if (!fresh) throw notFound();
    return presentUser(fresh);
  });
  // Sessions held by this server answer to the change now; the others hear it from the database.
  forgetHeldSessions(ctx);
  return result;
}

export async function resetUserPassword(ctx: AppContext, actor: UserActor, id: string): Promise<TemporaryPasswordView> {
  const user = await getUserInScope(ctx, actor, id);
  authorize(actor, "user.reset_password", userTarget(user));
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, { passwordHash, mustChangePassword: true });
    await clearThrottle(tx, hashEmail(user.email));
    const revoked = await revokeUserSessions(tx, id, ctx.now());
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "user.reset_password",
      targetType: "user",
      targetId: id,
      departmentCode: user.departmentCode,
      details: { revokedSessions: revoked },
    });
  });
  forgetHeldSessions(ctx);
  return { temporaryPassword };
}

/** For a lost phone: the second factor is removed; a role that requires it must enrol again at next sign-in. */
export async function resetUserTotp(ctx: AppContext, actor: UserActor, id: string) {
  const user = await getUserInScope(ctx, actor, id);
  authorize(actor, "user.reset_totp", userTarget(user));
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, {
      totpSecretEnc: null,
      totpPendingSecretEnc: null,
      totpEnabledAt: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(tx, id, []);
    const revoked = await revokeUserSessions(tx, id, ctx.now());
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "user.reset_totp",
      targetType: "user",
      targetId: id,
      departmentCode: user.departmentCode,
      details: { revokedSessions: revoked },
    });
  });
  forgetHeldSessions(ctx);
  const fresh = await findUserRow(ctx.db, id);
  if (!fresh) throw notFound();
  return presentUser(fresh);
}

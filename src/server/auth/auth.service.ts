import type {
  ChangePasswordInput,
  EnableTotpInput,
  LoginInput,
  RecoveryCodesView,
  SessionStage,
  SessionUser,
  SessionView,
  TotpInput,
  TotpSetupView,
} from "@shared/auth.ts";
import { type Role, requiresTotp } from "@shared/roles.ts";
import { recordAudit } from "../audit/record.ts";
import type { AppContext } from "../context.ts";
import type { organisations, sessions, users } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";
import { open, seal } from "../keys/secret-box.ts";
import type { Actor, UserActor } from "../policy/actor.ts";
import { attemptableActions, authorize } from "../policy/policy.ts";
import {
  advanceSession,
  clearThrottle,
  countFailure,
  findLiveSession,
  findThrottle,
  findUserByEmail,
  getUserWithOrganisation,
  insertSession,
  lockEmail,
  replaceRecoveryCodes,
  revokeSession,
  revokeUserSessions,
  spendRecoveryCode,
  touchSession,
  updateUserAuth,
} from "./auth.queries.ts";
import { hashPassword, spendPasswordCheck, verifyPassword } from "./passwords.ts";
import { hashEmail, hashSessionToken, newSessionToken } from "./session-token.ts";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpAad, totpUri } from "./totp.ts";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
// A session's last activity is written at most once a minute: idle expiry stays accurate to the minute without a
// write on every request.
const TOUCH_INTERVAL_MS = 60_000;

type UserRow = typeof users.$inferSelect;
type OrganisationRow = typeof organisations.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;

export interface RequestMeta {
  requestId: string;
  userAgent: string | undefined;
}

/** A resolved session: the row, and who it belongs to as the policy sees them. */
export interface CurrentSession {
  token: string;
  session: SessionRow;
  user: UserRow;
  organisation: OrganisationRow;
  actor: UserActor;
}

function toActor(
  user: UserRow,
  organisation: OrganisationRow,
  sessionId: string | null,
  requestId: string | null,
): UserActor {
  return {
    kind: "user",
    userId: user.id,
    organisationId: organisation.id,
    organisationType: organisation.type as UserActor["organisationType"],
    departmentCode: organisation.departmentCode,
    roles: user.roles as Role[],
    adminDepartmentCode: user.adminDepartmentCode,
    isActive: user.isActive && organisation.isActive,
    sessionId,
    requestId,
  };
}

/** Where a user goes after proving who they are: second factor, then its enrolment, then a forced password change. */
function nextStage(user: UserRow, completed: "password" | "totp" | "enrolment" | "password_change"): SessionStage {
  if (completed === "password" && user.totpEnabledAt) return "totp_required";
  if (completed !== "enrolment" && !user.totpEnabledAt && requiresTotp(user.roles as Role[]))
    return "totp_enrollment_required";
  if (completed !== "password_change" && user.mustChangePassword) return "password_change_required";
  return "active";
}

async function registerFailure(ctx: AppContext, emailHash: string) {
  const failures = await countFailure(ctx.db, emailHash, ctx.now());
  if (failures >= MAX_FAILED_ATTEMPTS) {
    await lockEmail(ctx.db, emailHash, new Date(ctx.now().getTime() + LOCKOUT_MINUTES * 60_000));
  }
}

async function refuseIfLocked(ctx: AppContext, emailHash: string) {
  const throttle = await findThrottle(ctx.db, emailHash);
  if (throttle?.lockedUntil && throttle.lockedUntil > ctx.now()) throw new AppError("account_locked", 429);
}

export async function login(
  ctx: AppContext,
  input: LoginInput,
  meta: RequestMeta,
): Promise<{ token: string; stage: SessionStage }> {
  const emailHash = hashEmail(input.email);
  await refuseIfLocked(ctx, emailHash);
  const found = await findUserByEmail(ctx.db, input.email);
  let passwordOk = false;
  if (found) passwordOk = await verifyPassword(found.user.passwordHash, input.password);
  else await spendPasswordCheck(input.password);
  const actor = found ? toActor(found.user, found.organisation, null, meta.requestId) : null;

  if (!found || !passwordOk || !actor?.isActive) {
    await registerFailure(ctx, emailHash);
    await recordAudit(ctx.db, ctx.keys.audit, actor ?? { kind: "system", name: "auth", requestId: meta.requestId }, {
      action: "auth.login_failed",
      outcome: "failure",
      targetType: "user",
      ...(found ? { targetId: found.user.id, departmentCode: found.organisation.departmentCode } : {}),
      details: { reason: !found ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive" },
    });
    throw new AppError("invalid_credentials", 401);
  }

  const stage = nextStage(found.user, "password");
  const token = newSessionToken();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await clearThrottle(tx, emailHash);
    await insertSession(tx, {
      idHash: hashSessionToken(token),
      userId: found.user.id,
      stage,
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await updateUserAuth(tx, found.user.id, { lastLoginAt: now });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "auth.login",
      targetType: "user",
      targetId: found.user.id,
      details: { stage },
    });
  });
  return { token, stage };
}

export type SessionLookup = { status: "none" } | { status: "expired" } | { status: "live"; current: CurrentSession };

/**
 * Finds the session behind a cookie and applies idle (30 min) and absolute (12 h) expiry. A row held in the session
 * cache serves the happy path only: before a session is ended, the database is read again, since another server may
 * have seen it more recently.
 */
export async function resolveSession(
  ctx: AppContext,
  token: string | undefined,
  requestId: string,
): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: "none" };
  const idHash = hashSessionToken(token);
  const cache = ctx.sessionCache;
  const held = cache?.get(idHash);
  const generation = cache?.generation ?? 0;
  const row = held ?? (await findLiveSession(ctx.db, idHash));
  if (!row) return { status: "expired" };
  const now = ctx.now();
  const idleLimit = row.session.lastSeenAt.getTime() + ctx.config.sessionIdleMinutes * 60_000;
  if (
    now.getTime() > idleLimit ||
    now > row.session.absoluteExpiresAt ||
    !row.user.isActive ||
    !row.organisation.isActive
  ) {
    if (held) {
      cache?.forget(idHash);
      return resolveSession(ctx, token, requestId);
    }
    await revokeSession(ctx.db, idHash, now);
    return { status: "expired" };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, idHash, now);
    row.session.lastSeenAt = now;
  }
  if (!held) cache?.store(idHash, row, generation);
  return {
    status: "live",
    current: { token, ...row, actor: toActor(row.user, row.organisation, idHash, requestId) },
  };
}

function presentUser(user: UserRow, organisation: OrganisationRow): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles as Role[],
    organisation: {
      id: organisation.id,
      name: organisation.name,
      type: organisation.type as SessionUser["organisation"]["type"],
      departmentCode: organisation.departmentCode,
    },
    adminDepartmentCode: user.adminDepartmentCode,
    hasTotp: user.totpEnabledAt !== null,
  };
}

export function presentSession(ctx: AppContext, current: CurrentSession): SessionView {
  const stage = current.session.stage as SessionStage;
  return {
    stage,
    user: presentUser(current.user, current.organisation),
    can: stage === "active" ? attemptableActions(current.actor) : [],
    idleExpiresAt: new Date(
      current.session.lastSeenAt.getTime() + ctx.config.sessionIdleMinutes * 60_000,
    ).toISOString(),
    absoluteExpiresAt: current.session.absoluteExpiresAt.toISOString(),
  };
}

async function moveToStage(ctx: AppContext, current: CurrentSession, stage: SessionStage): Promise<string> {
  const token = newSessionToken();
  await advanceSession(ctx.db, current.actor.sessionId ?? "", hashSessionToken(token), stage, ctx.now());
  forgetHeldSessions(ctx);
  return token;
}

export async function verifySecondFactor(ctx: AppContext, current: CurrentSession, input: TotpInput) {
  const emailHash = hashEmail(current.user.email);
  await refuseIfLocked(ctx, emailHash);
  const { user } = current;
  let accepted = false;
  if ("code" in input && user.totpSecretEnc) {
    const secret = open(ctx.keys.data, user.totpSecretEnc, totpAad(user.id));
    const step = await checkTotp(secret, input.code, user.totpLastStep);
    if (step !== null) {
      await updateUserAuth(ctx.db, user.id, { totpLastStep: step });
      accepted = true;
    }
  } else if ("recoveryCode" in input) {
    accepted = await spendRecoveryCode(ctx.db, user.id, hashRecoveryCode(input.recoveryCode), ctx.now());
  }
  if (!accepted) {
    await registerFailure(ctx, emailHash);
    await recordAudit(ctx.db, ctx.keys.audit, current.actor, {
      action: "auth.totp_failed",
      outcome: "failure",
      targetType: "user",
      targetId: user.id,
    });
    throw new AppError("invalid_totp", 401);
  }
  await clearThrottle(ctx.db, emailHash);
  await recordAudit(ctx.db, ctx.keys.audit, current.actor, {
    action: "auth.totp_verified",
    targetType: "user",
    targetId: user.id,
    details: { method: "code" in input ? "totp" : "recovery_code" },
  });
  const stage = nextStage(user, "totp");
  return { token: await moveToStage(ctx, current, stage), stage };
}

/** Starts enrolment: a new secret waits, encrypted, until the user proves their app produces its codes. */
export async function startTotpEnrolment(ctx: AppContext, current: CurrentSession): Promise<TotpSetupView> {
  authorize(current.actor, "account.manage_totp");
  if (current.user.totpEnabledAt) throw new AppError("totp_already_enabled", 409);
  const secret = newTotpSecret();
  await updateUserAuth(ctx.db, current.user.id, {
    totpPendingSecretEnc: seal(ctx.keys.data, secret, totpAad(current.user.id)),
  });
  return { secret, otpauthUri: totpUri(secret, current.user.email) };
}

export async function enableTotp(ctx: AppContext, current: CurrentSession, input: EnableTotpInput) {
  authorize(current.actor, "account.manage_totp");
  const { user } = current;
  if (user.totpEnabledAt) throw new AppError("totp_already_enabled", 409);
  if (!user.totpPendingSecretEnc) throw new AppError("invalid_totp", 400, "Commencez par afficher le code à scanner.");
  const secret = open(ctx.keys.data, user.totpPendingSecretEnc, totpAad(user.id));
  const step = await checkTotp(secret, input.code, null);
  if (step === null) throw new AppError("invalid_totp", 400);
  const recoveryCodes = newRecoveryCodes();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await updateUserAuth(tx, user.id, {
      totpSecretEnc: user.totpPendingSecretEnc,
      totpPendingSecretEnc: null,
      totpEnabledAt: now,
      totpLastStep: step,
    });
    await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(hashRecoveryCode));
    await recordAudit(tx, ctx.keys.audit, current.actor, {
      action: "account.manage_totp",
      targetType: "user",
      targetId: user.id,
      details: { change: "enabled" },
    });
  });
  const stage = current.session.stage === "active" ? "active" : nextStage({ ...user, totpEnabledAt: now }, "enrolment");
  const view: RecoveryCodesView = { recoveryCodes };
  return { token: await moveToStage(ctx, current, stage), stage, view };
}

/** Turns the second factor off, for roles where it is optional; the current code proves the phone is in hand. */
export async function disableTotp(ctx: AppContext, current: CurrentSession, input: EnableTotpInput) {
  authorize(current.actor, "account.manage_totp");
  const { user } = current;
  if (!user.totpSecretEnc) throw new AppError("totp_not_enabled", 409);
  if (requiresTotp(user.roles as Role[])) throw new AppError("totp_mandatory", 403);
  const secret = open(ctx.keys.data, user.totpSecretEnc, totpAad(user.id));
  if ((await checkTotp(secret, input.code, user.totpLastStep)) === null) throw new AppError("invalid_totp", 400);
  await ctx.db.transaction(async (tx) => {
    await updateUserAuth(tx, user.id, { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
    await replaceRecoveryCodes(tx, user.id, []);
    await recordAudit(tx, ctx.keys.audit, current.actor, {
      action: "account.manage_totp",
      targetType: "user",
      targetId: user.id,
      details: { change: "disabled" },
    });
  });
}

export async function changePassword(ctx: AppContext, current: CurrentSession, input: ChangePasswordInput) {
  authorize(current.actor, "account.change_password");
  const { user } = current;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await registerFailure(ctx, hashEmail(user.email));
    throw new AppError("wrong_password", 400, undefined, [
      { path: "currentPassword", message: "Le mot de passe actuel est incorrect." },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now();
  const stage =
    current.session.stage === "active"
      ? "active"
      : nextStage({ ...user, mustChangePassword: false }, "password_change");
  const changed = await ctx.db.transaction(async (tx) => {
    await updateUserAuth(tx, user.id, { passwordHash, mustChangePassword: false });
    // Whoever knew the old password loses every other session.
    const revoked = await revokeUserSessions(tx, user.id, now, current.actor.sessionId ?? undefined);
    await recordAudit(tx, ctx.keys.audit, current.actor, {
      action: "account.change_password",
      targetType: "user",
      targetId: user.id,
      details: { revokedSessions: revoked },
    });
    const token = newSessionToken();
    await advanceSession(tx, current.actor.sessionId ?? "", hashSessionToken(token), stage, now);
    return { token, stage };
  });
  forgetHeldSessions(ctx);
  return changed;
}

export async function logout(ctx: AppContext, current: CurrentSession) {
  await ctx.db.transaction(async (tx) => {
    await revokeSession(tx, current.actor.sessionId ?? "", ctx.now());
    await recordAudit(tx, ctx.keys.audit, current.actor, {
      action: "auth.logout",
      targetType: "user",
      targetId: current.user.id,
    });
  });
  forgetHeldSessions(ctx);
}

export async function logoutEverywhere(ctx: AppContext, actor: Actor & { kind: "user" }) {
  authorize(actor, "account.logout_everywhere");
  const revoked = await ctx.db.transaction(async (tx) => {
    const count = await revokeUserSessions(tx, actor.userId, ctx.now());
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "account.logout_everywhere",
      targetType: "user",
      targetId: actor.userId,
      details: { revokedSessions: count },
    });
    return count;
  });
  forgetHeldSessions(ctx);
  return revoked;
}

/**
 * After a change that ends or narrows sessions has committed: this server forgets its held sessions at once, without
 * waiting for the database's notice, which reaches the other servers (auth-change-listener.ts).
 */
export function forgetHeldSessions(ctx: AppContext) {
  ctx.sessionCache?.clear();
}

export { getUserWithOrganisation, toActor };

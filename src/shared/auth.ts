import type { Action } from "./actions.ts";
import type { OrganisationType, Role } from "./roles.ts";
import { z } from "./zod-fr.ts";

export const PASSWORD_MIN_LENGTH = 12;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "L'adresse électronique est trop longue.")
  .pipe(z.email("Adresse électronique invalide."));

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`)
  .max(256, "Le mot de passe est trop long (256 caractères au plus).");

export const LoginInput = z.strictObject({
  email: Email,
  password: z.string().min(1, "Saisissez votre mot de passe.").max(256, "Le mot de passe est trop long."),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Le code doit contenir 6 chiffres.");

/** The second step of sign-in: a code from the app, or one of the recovery codes. */
export const TotpInput = z.union([
  z.strictObject({ code: TotpCode }),
  z.strictObject({
    recoveryCode: z.string().trim().min(8, "Code de secours invalide.").max(32, "Code de secours invalide."),
  }),
]);
export type TotpInput = z.infer<typeof TotpInput>;

export const EnableTotpInput = z.strictObject({ code: TotpCode });
export type EnableTotpInput = z.infer<typeof EnableTotpInput>;

export const ChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel.").max(256),
    newPassword: NewPassword,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "Le nouveau mot de passe doit être différent de l'actuel.",
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/**
 * Where a signed-in session stands. Only `active` sessions reach the application; the other steps only reach the
 * sign-in routes that move them forward.
 */
export type SessionStage = "totp_required" | "totp_enrollment_required" | "password_change_required" | "active";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  organisation: { id: string; name: string; type: OrganisationType; departmentCode: string | null };
  adminDepartmentCode: string | null;
  hasTotp: boolean;
}

/** What the browser learns about its own session. `can` only hides buttons; the server decides. */
export interface SessionView {
  stage: SessionStage;
  user: SessionUser;
  can: Action[];
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export interface TotpSetupView {
  secret: string;
  otpauthUri: string;
}

export interface RecoveryCodesView {
  recoveryCodes: string[];
}

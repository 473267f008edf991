import { createHash, randomBytes } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "Repère";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/**
 * Checks a code, accepting one 30-second step of clock drift each way, and refusing any step at or before the last
 * accepted one so that a code seen over a shoulder cannot be used twice.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  // The matched 30-second step, derived from the matched period's start.
  if (!result.valid || !("epoch" in result)) return null;
  return Math.floor(result.epoch / 30);
}

/** The current code of a secret: demo logins and browser tests compute what an authenticator app would show. */
export function currentTotp(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Ten single-use recovery codes, shown once; only their hashes are stored. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const hex = randomBytes(5).toString("hex");
    return `${hex.slice(0, 5)}-${hex.slice(5)}`;
  });
}

// Recovery codes carry 40 random bits and are single-use and rate-limited: a plain SHA-256 is enough here.
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}

/** Binds an encrypted TOTP secret to its user's row: copied into another row, it does not decrypt. */
export const totpAad = (userId: string) => `users.totp_secret:${userId}`;

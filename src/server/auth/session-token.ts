import { createHash, randomBytes } from "node:crypto";

/** 256 random bits; the database keeps only its SHA-256. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function hashEmail(email: string): string {
  return createHash("sha256").update(`repere-login:${email.trim().toLowerCase()}`).digest("hex");
}

import { createCipheriv, createDecipheriv, randomFillSync } from "node:crypto";
import { type Key, reloadDataKeys } from "./key-ring.ts";

/**
 * AES-256-GCM with a random 96-bit nonce per value. The stored form names its key, so keys can rotate:
 * "v1.<keyId>.<nonce>.<ciphertext>.<tag>" (base64url parts). `aad` binds a value to its column and row, so a
 * ciphertext copied into another row or field does not decrypt.
 */
const NONCE_BYTES = 12;
// Nonces come from a pool refilled a few kilobytes at a time: one call into the CSPRNG per 341 values instead of one
// each, which was a tenth of the seed's time at a million identities. Every nonce is a fresh slice, never rewound.
const noncePool = Buffer.alloc(NONCE_BYTES * 341);
let noncePoolOffset = noncePool.length;

function freshNonce(): Buffer {
  if (noncePoolOffset + NONCE_BYTES > noncePool.length) {
    randomFillSync(noncePool);
    noncePoolOffset = 0;
  }
  const nonce = Buffer.from(noncePool.subarray(noncePoolOffset, noncePoolOffset + NONCE_BYTES));
  noncePoolOffset += NONCE_BYTES;
  return nonce;
}

export function seal(keys: readonly Key[], plaintext: string, aad: string): string {
  const key = keys[0];
  if (!key) throw new Error("no encryption key");
  const nonce = freshNonce();
  const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", key.id, nonce.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(
    ".",
  );
}

export function open(keys: readonly Key[], sealed: string, aad: string): string {
  const [version, keyId, nonce, ciphertext, tag] = sealed.split(".");
  if (version !== "v1" || !keyId || nonce === undefined || ciphertext === undefined || tag === undefined) {
    throw new Error("not a sealed value");
  }
  const find = () => keys.find((k) => k.id === keyId);
  const key = find() ?? (reloadDataKeys(keys, keyId) ? find() : undefined);
  if (!key) throw new Error(`unknown key ${keyId}`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(".")[1];
}

/**
 * A random key for one form instance (Idempotency-Key, list row keys). Built from getRandomValues, which browsers
 * offer outside secure contexts too, unlike crypto.randomUUID.
 */
export function newFormKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

import type { Key } from "../keys/key-ring.ts";
import { open, seal } from "../keys/secret-box.ts";

/**
 * A value sealed by secret-box (AES-256-GCM, key id inside). Only `sealJson` makes one, so an identity column cannot
 * receive plaintext by mistake, and code that holds a Sealed knows not to compare it with anything in SQL.
 */
export type Sealed = string & { readonly __sealed: unique symbol };

/** Binds a sealed value to its table, column and row: copied elsewhere, it no longer opens. */
export const sealAad = (table: string, column: string, rowId: string) => `${table}.${column}:${rowId}`;

export function sealJson(keys: readonly Key[], value: unknown, aad: string): Sealed {
  return seal(keys, JSON.stringify(value), aad) as Sealed;
}

export function openJson<T>(keys: readonly Key[], sealed: Sealed, aad: string): T {
  return JSON.parse(open(keys, sealed, aad)) as T;
}

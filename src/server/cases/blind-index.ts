import { createHmac } from "node:crypto";
import type { Identity, MatchKey } from "@shared/cases.ts";
import type { Key } from "../keys/key-ring.ts";

export type BlindIndexKind = "name" | "full_name" | "birth_date" | "birth_year";

export interface BlindIndexEntry {
  kind: BlindIndexKind;
  digest: string;
}

// Common spelling variants of the same name, applied in this order after accents and case are gone.
const TRANSLITERATIONS: [RegExp, string][] = [
  [/ph/g, "f"],
  [/ou/g, "u"],
  [/oo/g, "u"],
  [/ck/g, "k"],
  [/q/g, "k"],
  [/c(?=[aou]|$)/g, "k"],
  [/kh/g, "k"],
  [/dj/g, "j"],
  [/th/g, "t"],
  [/w/g, "v"],
  [/y/g, "i"],
  [/ee/g, "i"],
  [/h/g, ""],
  [/(.)\1+/g, "$1"],
];

/** One name token in a canonical spelling: "Mélissa" and "MELISA", "Youssouf" and "Yusuf" give the same. */
export function normaliseNameToken(token: string): string {
  let text = token
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  for (const [pattern, replacement] of TRANSLITERATIONS) text = text.replace(pattern, replacement);
  return text;
}

/** Tokens of a name field, hyphens, apostrophes and spaces splitting them; one-letter leftovers carry no signal. */
export function nameTokens(text: string): string[] {
  return text
    .split(/[\s\-'’.,]+/)
    .map(normaliseNameToken)
    .filter((token) => token.length >= 2);
}

const digestOf = (key: Key, kind: BlindIndexKind, value: string) =>
  createHmac("sha256", key.bytes).update(`${kind}:${value}`).digest("hex");

/** The blind-index entries of an identity, computed before anything reaches the database. */
export function blindIndexEntries(key: Key, identity: Identity): BlindIndexEntry[] {
  const entries = new Map<string, BlindIndexEntry>();
  const add = (kind: BlindIndexKind, value: string) => {
    const digest = digestOf(key, kind, value);
    entries.set(`${kind}:${digest}`, { kind, digest });
  };
  const ownName = [...nameTokens(identity.surname), ...nameTokens(identity.firstNames)];
  for (const token of [...ownName, ...identity.aliases.flatMap(nameTokens)]) add("name", token);
  // Token order does not matter: "Traoré Awa" and "Awa Traoré" are the same full name.
  if (ownName.length >= 2) add("full_name", [...new Set(ownName)].sort().join(" "));
  for (const alias of identity.aliases) {
    const tokens = nameTokens(alias);
    if (tokens.length >= 2) add("full_name", [...new Set(tokens)].sort().join(" "));
  }
  if (identity.birthDate) add("birth_date", identity.birthDate);
  for (const year of candidateBirthYears(identity)) add("birth_year", String(year));
  return [...entries.values()];
}

/** Someone estimated to be 16 on a day was born in one of two calendar years: both are indexed. */
export function candidateBirthYears(identity: Identity): number[] {
  if (identity.birthDate) return [Number(identity.birthDate.slice(0, 4))];
  if (identity.ageEstimate) {
    const year = Number(identity.ageEstimate.estimatedOn.slice(0, 4)) - identity.ageEstimate.age;
    return [year - 1, year];
  }
  return [];
}

/** Digests to look for when searching by name: every token must match. */
export function nameSearchDigests(key: Key, text: string): string[] {
  return [...new Set(nameTokens(text))].map((token) => digestOf(key, "name", token));
}

export function birthDateDigest(key: Key, isoDate: string): string {
  return digestOf(key, "birth_date", isoDate);
}

/**
 * Which agreements make two cases a probable match: a name (full, or two tokens) and a birth (date, or year).
 * A shared first name and year alone is far too common among the young people Repère follows.
 */
export function probableMatchKeys(shared: Record<BlindIndexKind, number>): MatchKey[] | null {
  const name: MatchKey | null = shared.full_name > 0 ? "full_name" : shared.name >= 2 ? "name_tokens" : null;
  const birth: MatchKey | null = shared.birth_date > 0 ? "birth_date" : shared.birth_year > 0 ? "birth_year" : null;
  return name && birth ? [name, birth] : null;
}

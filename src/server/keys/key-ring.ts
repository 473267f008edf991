import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A 256-bit key and its id: the first 16 hex digits of its SHA-256, so ids never need naming or bookkeeping. */
export interface Key {
  id: string;
  bytes: Buffer;
}

/** The keys Repère holds outside the database. Someone with the database alone can neither read nor forge. */
export interface KeyRing {
  /** HMAC key of the audit chain. */
  audit: Key;
  /** Encryption keys for identity fields and secrets; `data[0]` encrypts, all decrypt (rotation). */
  data: Key[];
  /** HMAC key of the blind index (duplicate detection, search by name): separate from the encryption keys. */
  blindIndex: Key;
}

export function keyFromBytes(bytes: Buffer): Key {
  if (bytes.length !== 32) throw new Error("a Repère key must be 32 bytes (64 hex digits or 44 base64 characters)");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 16), bytes };
}

export function parseKey(text: string): Key {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return keyFromBytes(bytes);
}

/** One key a line, the current one first; older keys stay until `repere keys rotate` has re-encrypted everything. */
function readKeyFile(path: string): Key[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map(parseKey);
}

function generateKeyFile(path: string, purpose: string, warn: (message: string) => void): Key[] {
  const bytes = randomBytes(32);
  writeFileSync(
    path,
    `# Repère ${purpose} key. Back it up apart from the data: without it the data is lost.\n${bytes.toString("base64")}\n`,
    {
      mode: 0o600,
    },
  );
  chmodSync(path, 0o600);
  warn(
    `ATTENTION : une nouvelle clé (${purpose}) a été créée dans ${path}. Sauvegardez-la séparément des données : ` +
      "sans elle, les données chiffrées sont illisibles et le journal d'audit ne peut plus être vérifié.",
  );
  return [keyFromBytes(bytes)];
}

const DATA_KEY_FILE = "data.key";

/** Data keys read from a file, with the ids already looked for there: each unknown id costs one read at most. */
const keyFiles = new WeakMap<readonly Key[], { path: string; triedIds: Set<string> }>();

interface KeySources {
  keysDir: string;
  auditKey: string | undefined;
  dataKey: string | undefined;
  blindIndexKey: string | undefined;
}

/**
 * Keys come from the environment (REPERE_AUDIT_KEY, REPERE_DATA_KEY: what several app servers share) or from key
 * files in `keysDir`, created on first use so that `npm start` works on a fresh machine.
 */
export function loadKeyRing(
  sources: KeySources,
  options: { create: boolean; warn: (message: string) => void },
): KeyRing {
  const load = (envValue: string | undefined, file: string, purpose: string): Key[] => {
    if (envValue) return envValue.split(",").map(parseKey);
    const path = join(sources.keysDir, file);
    if (existsSync(path)) return readKeyFile(path);
    if (!options.create) throw new MissingKeyError(purpose, path);
    mkdirSync(sources.keysDir, { recursive: true, mode: 0o700 });
    return generateKeyFile(path, purpose, options.warn);
  };
  const [audit] = load(sources.auditKey, "audit.key", "audit");
  const data = load(sources.dataKey, DATA_KEY_FILE, "data");
  if (!sources.dataKey) keyFiles.set(data, { path: join(sources.keysDir, DATA_KEY_FILE), triedIds: new Set() });
  // Changing this key would orphan every index entry: it is never rotated, only one is read.
  const [blindIndex] = load(sources.blindIndexKey, "blind-index.key", "blind-index");
  if (!audit || data.length === 0 || !blindIndex) throw new Error("empty key file");
  return { audit, data, blindIndex };
}

/**
 * `repere keys rotate` prepends a key to the file while servers run: a server meeting a value sealed under a key it
 * does not hold re-reads the file once, in place, so it reads the re-encrypted values and seals new ones under the
 * new key without a restart. Keys from the environment never reload: servers restart with the new variable.
 * Returns whether `keyId` is now in `keys`.
 */
export function reloadDataKeys(keys: readonly Key[], keyId: string): boolean {
  const file = keyFiles.get(keys);
  if (!file || file.triedIds.has(keyId)) return false;
  file.triedIds.add(keyId);
  let fresh: Key[];
  try {
    fresh = readKeyFile(file.path);
  } catch {
    return false;
  }
  if (!fresh.some((key) => key.id === keyId)) return false;
  // The array is shared by every service through ctx.keys.data: replaced in place so they all see the new key.
  (keys as Key[]).splice(0, keys.length, ...fresh);
  return true;
}

/**
 * Puts a new random data key first in the key file, the older ones kept below so that values not yet re-encrypted
 * still open. Written to a temporary file then renamed: a crash never leaves a half-written key file.
 */
export function prependDataKey(keysDir: string): { key: Key; keys: Key[]; path: string } {
  const path = join(keysDir, DATA_KEY_FILE);
  if (!existsSync(path)) throw new MissingKeyError("data", path);
  const older = readKeyFile(path);
  const bytes = randomBytes(32);
  const key = keyFromBytes(bytes);
  const lines = [
    "# Repère data key, the current one first. Back it up apart from the data: without it the data is lost.",
    `# Older keys below are still read; remove them once \`repere keys rotate\` has finished and every server restarted.`,
    bytes.toString("base64"),
    ...older.map((k) => k.bytes.toString("base64")),
  ];
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${lines.join("\n")}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return { key, keys: [key, ...older], path };
}

/** The audit key alone: verifying the trail needs nothing else, and must never create a key. */
export function loadAuditKey(sources: KeySources): Key {
  if (sources.auditKey) return parseKey(sources.auditKey);
  const path = join(sources.keysDir, "audit.key");
  if (!existsSync(path)) throw new MissingKeyError("audit", path);
  const [key] = readKeyFile(path);
  if (!key) throw new MissingKeyError("audit", path);
  return key;
}

export class MissingKeyError extends Error {
  constructor(
    readonly purpose: string,
    readonly path: string,
  ) {
    super(`clé ${purpose} introuvable : ni variable d'environnement, ni fichier ${path}`);
  }
}

/** Fresh random keys, for tests and throw-away databases. */
export function generateKeyRing(): KeyRing {
  return {
    audit: keyFromBytes(randomBytes(32)),
    data: [keyFromBytes(randomBytes(32))],
    blindIndex: keyFromBytes(randomBytes(32)),
  };
}

import type { findLiveSession } from "./auth.queries.ts";

export type LiveSessionRow = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/**
 * Signed-in sessions held in memory for a few seconds, so that a request does not wait for one more round trip to
 * the database before its own. What would make a held session wrong (revocation, new token or stage, a user's roles
 * or activity, an organisation's) clears every server's cache through the database's NOTIFY (migration 0007 and
 * auth-change-listener.ts); the time to live bounds the rest. Decisions that end a session are never taken on a held
 * row: resolveSession reads the database again first.
 *
 * A read that started before a clear must not store what it read after it: each clear starts a new generation, and
 * a row read under an older one is dropped.
 */
export class SessionCache {
  readonly #entries = new Map<string, { row: LiveSessionRow; storedAt: number }>();
  #generation = 0;
  #enabled = true;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The generation to hand back to `store`, taken before reading the database. */
  get generation() {
    return this.#generation;
  }

  get(idHash: string): LiveSessionRow | undefined {
    if (!this.#enabled) return undefined;
    const entry = this.#entries.get(idHash);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt > this.ttlMs) {
      this.#entries.delete(idHash);
      return undefined;
    }
    return entry.row;
  }

  store(idHash: string, row: LiveSessionRow, generation: number) {
    if (!this.#enabled || generation !== this.#generation) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(idHash, { row, storedAt: this.clock() });
  }

  forget(idHash: string) {
    this.#entries.delete(idHash);
  }

  clear() {
    this.#generation++;
    this.#entries.clear();
  }

  /** Off while the change notices may be missed (the listening connection is down): every request reads the database. */
  setEnabled(enabled: boolean) {
    this.clear();
    this.#enabled = enabled;
  }

  get size() {
    return this.#entries.size;
  }
}

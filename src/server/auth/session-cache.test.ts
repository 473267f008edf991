import { describe, expect, it } from "vitest";
import { type LiveSessionRow, SessionCache } from "./session-cache.ts";

const row = (id: string) => ({ session: { idHash: id } }) as unknown as LiveSessionRow;

describe("session cache", () => {
  it("holds a row for its time to live, then reads as absent", () => {
    let now = 0;
    const cache = new SessionCache(5_000, 100, () => now);
    cache.store("a", row("a"), cache.generation);
    now = 4_999;
    expect(cache.get("a")).toEqual(row("a"));
    now = 5_001;
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops a row read before a clear, so a revocation is never undone by a late read", () => {
    const cache = new SessionCache(5_000);
    const generation = cache.generation;
    cache.clear();
    cache.store("a", row("a"), generation);
    expect(cache.get("a")).toBeUndefined();
    cache.store("a", row("a"), cache.generation);
    expect(cache.get("a")).toBeDefined();
  });

  it("holds nothing while disabled, and forgets what it held", () => {
    const cache = new SessionCache(5_000);
    cache.store("a", row("a"), cache.generation);
    cache.setEnabled(false);
    expect(cache.get("a")).toBeUndefined();
    cache.store("b", row("b"), cache.generation);
    expect(cache.size).toBe(0);
    cache.setEnabled(true);
    cache.store("b", row("b"), cache.generation);
    expect(cache.get("b")).toBeDefined();
  });

  it("stays bounded", () => {
    const cache = new SessionCache(5_000, 3);
    for (const id of ["a", "b", "c", "d"]) cache.store(id, row(id), cache.generation);
    expect(cache.size).toBeLessThanOrEqual(3);
    expect(cache.get("d")).toBeDefined();
  });
});

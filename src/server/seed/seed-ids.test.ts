import { describe, expect, it } from "vitest";
import { z } from "zod";
import { seedId } from "./seed-ids.ts";

describe("seedId", () => {
  it("gives valid version-7 UUIDs that increase in the order they are made, without repeats", () => {
    const ids = Array.from({ length: 20_000 }, () => seedId());
    for (const id of ids.slice(0, 50)) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe("7");
      expect("89ab").toContain(id[19]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const stamp = Number.parseInt(ids[0]?.replace(/-/g, "").slice(0, 12) ?? "", 16);
    expect(Math.abs(stamp - Date.now())).toBeLessThan(60_000);
  });
});

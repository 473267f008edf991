import { describe, expect, it } from "vitest";
import { generateKeyRing } from "./key-ring.ts";
import { open, seal, sealedKeyId } from "./secret-box.ts";

describe("secret box", () => {
  it("round-trips a value and never repeats a ciphertext", () => {
    const { data } = generateKeyRing();
    const a = seal(data, "Lina Dupont", "users.totp:1");
    const b = seal(data, "Lina Dupont", "users.totp:1");
    expect(a).not.toEqual(b);
    expect(a).not.toContain("Lina");
    expect(open(data, a, "users.totp:1")).toBe("Lina Dupont");
  });

  it("refuses a value moved to another field or row", () => {
    const { data } = generateKeyRing();
    const sealed = seal(data, "secret", "users.totp:1");
    expect(() => open(data, sealed, "users.totp:2")).toThrow();
  });

  it("refuses a tampered ciphertext", () => {
    const { data } = generateKeyRing();
    const parts = seal(data, "secret", "x").split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => open(data, parts.join("."), "x")).toThrow();
  });

  it("decrypts with an older key after rotation and encrypts with the newest", () => {
    const old = generateKeyRing().data;
    const sealedWithOld = seal(old, "secret", "x");
    const rotated = [...generateKeyRing().data, ...old];
    expect(open(rotated, sealedWithOld, "x")).toBe("secret");
    expect(sealedKeyId(seal(rotated, "secret", "x"))).toBe(rotated[0]?.id);
  });
});

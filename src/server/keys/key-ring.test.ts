import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateKeyRing, loadKeyRing, prependDataKey } from "./key-ring.ts";
import { open, seal, sealedKeyId } from "./secret-box.ts";

const folder = mkdtempSync(join(tmpdir(), "repere-keys-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const sources = (keysDir: string, dataKey?: string) => ({
  keysDir,
  auditKey: undefined,
  dataKey,
  blindIndexKey: undefined,
});
const load = (keysDir: string, dataKey?: string) =>
  loadKeyRing(sources(keysDir, dataKey), { create: true, warn: () => {} });

describe("prependDataKey", () => {
  it("puts a new key first, keeps the older ones below, in a file only its owner reads", () => {
    const dir = join(folder, "prepend");
    const before = load(dir).data;
    const { key, keys, path } = prependDataKey(dir);
    expect(keys.map((k) => k.id)).toEqual([key.id, ...before.map((k) => k.id)]);
    expect(load(dir).data.map((k) => k.id)).toEqual(keys.map((k) => k.id));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["audit.key", "blind-index.key", "data.key"]);
    expect(readFileSync(path, "utf8").match(/^[A-Za-z0-9+/=]{44}$/gm)).toHaveLength(keys.length);
  });
});

describe("a server's data keys after a rotation", () => {
  it("re-reads the key file once when a value names a key it does not hold, then seals with it", () => {
    const dir = join(folder, "reload");
    const running = load(dir).data;
    const oldId = running[0]?.id;
    const sealedByOld = seal(running, "secret", "x");
    const { keys } = prependDataKey(dir);
    const sealedByRotation = seal(keys, "secret", "x");

    expect(open(running, sealedByRotation, "x")).toBe("secret");
    expect(running.map((k) => k.id)).toEqual(keys.map((k) => k.id));
    expect(sealedKeyId(seal(running, "new value", "y"))).toBe(keys[0]?.id);
    expect(open(running, sealedByOld, "x")).toBe("secret");
    expect(oldId).toBe(keys[1]?.id);
  });

  it("still refuses a key the file does not hold, and never reloads keys given in the environment", () => {
    const dir = join(folder, "env");
    const stranger = generateKeyRing().data;
    const fromFile = load(dir).data;
    expect(() => open(fromFile, seal(stranger, "secret", "x"), "x")).toThrow(/unknown key/);

    const envKey = generateKeyRing().data[0]?.bytes.toString("base64") ?? "";
    const fromEnv = load(dir, envKey).data;
    const { keys } = prependDataKey(dir);
    expect(() => open(fromEnv, seal(keys, "secret", "x"), "x")).toThrow(/unknown key/);
    expect(fromEnv).toHaveLength(1);
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import { generateKeyRing, type Key } from "../keys/key-ring.ts";
import { open, sealedKeyId } from "../keys/secret-box.ts";
import { factories } from "../test/factories.ts";
import { listSealedValues } from "../test/sealed-values.ts";

const BIN = fileURLToPath(new URL("../../../bin/repere.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "repere-keys-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Like the other CLI tests, on an embedded data folder: the key files are what this command changes.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  REPERE_DATA_DIR: join(folder, "data"),
  REPERE_KEYS_DIR: join(folder, "keys"),
  DATABASE_URL: "",
  REPERE_DATA_KEY: "",
  LOG_LEVEL: "warn",
};
const dataKeyFile = join(folder, "keys", "data.key");
const repere = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extraEnv }, encoding: "utf8", timeout: 120_000 });
const keyLines = () => readFileSync(dataKeyFile, "utf8").match(/^[A-Za-z0-9+/=]{44}$/gm) ?? [];

/** Every sealed value of the database, and the data keys the files hold now. */
async function sealedValues() {
  const ctx = await openContext(readConfig(env), { createKeys: false });
  try {
    return { values: await listSealedValues(ctx.db), keys: ctx.keys.data };
  } finally {
    await ctx.database.close();
  }
}

describe("repere keys rotate", () => {
  it("adds a key, re-encrypts every value under it, resumes an unfinished rotation, and reads keys from the environment", {
    timeout: 300_000,
  }, async () => {
    const ctx = await openContext(readConfig(env), { createKeys: true });
    const make = factories(ctx);
    const owner = await make.user({ roles: ["ase_referent"], withTotp: true });
    for (const surname of ["Zérouali-Benamar", "Okafor"]) await make.case({ owner, identity: { surname } });
    await ctx.database.close();
    const before = await sealedValues();
    const plaintexts = before.values.map((v) => open(before.keys, v.value, v.aad));
    expect(plaintexts).toContain(JSON.stringify("Zérouali-Benamar"));

    const rotated = repere(["keys", "rotate", "--batch", "3"]);
    expect(rotated.stderr).not.toMatch(/Error|Échec/);
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toMatch(/Nouvelle clé de données [0-9a-f]{16} placée en tête/);
    expect(rotated.stdout).toContain(`Valeurs rechiffrées : ${before.values.length} sur ${before.values.length}`);
    expect(rotated.stdout).toMatch(/anciennes clés pourront être retirées/);
    expect(keyLines()).toHaveLength(2);
    expect(statSync(dataKeyFile).mode & 0o777).toBe(0o600);
    const after = await sealedValues();
    const [newKey, oldKey] = after.keys as [Key, Key];
    expect(oldKey.id).toBe(before.keys[0]?.id);
    expect(after.values.map((v) => sealedKeyId(v.value))).toEqual(after.values.map(() => newKey.id));
    expect(after.values.map((v) => open([newKey], v.value, v.aad))).toEqual(plaintexts);
    expect(() => open([oldKey], after.values[0]?.value ?? "", after.values[0]?.aad ?? "")).toThrow(/unknown key/);

    // A key put first by hand, as a run stopped right after adding its key leaves it: rotate carries on towards it.
    const pending = generateKeyRing().data[0] as Key;
    const file = readFileSync(dataKeyFile, "utf8");
    writeFileSync(dataKeyFile, `${pending.bytes.toString("base64")}\n${file}`);
    const resumed = repere(["keys", "rotate"]);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/Rotation inachevée reprise/);
    expect(keyLines()).toHaveLength(3);
    expect((await sealedValues()).values.every((v) => sealedKeyId(v.value) === pending.id)).toBe(true);

    const fromEnv = generateKeyRing().data[0] as Key;
    const envKeys = { REPERE_DATA_KEY: [fromEnv, pending].map((k) => k.bytes.toString("base64")).join(",") };
    const refused = repere(["keys", "rotate"], envKeys);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/REPERE_DATA_KEY est défini/);
    const reencrypted = repere(["keys", "reencrypt"], envKeys);
    expect(reencrypted.status).toBe(0);
    expect(reencrypted.stdout).toContain(`Valeurs rechiffrées : ${before.values.length} sur`);
    expect(keyLines()).toHaveLength(3);
    const final = await sealedValues();
    expect(final.values.map((v) => open([fromEnv], v.value, v.aad))).toEqual(plaintexts);
  });
});

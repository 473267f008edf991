import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "../audit/record.ts";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import { systemActor } from "../policy/actor.ts";

const BIN = fileURLToPath(new URL("../../../bin/repere.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "repere-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// The CLI always runs here on an embedded data folder: that is where a process lock and key files matter.
const env = {
  ...process.env,
  REPERE_DATA_DIR: join(folder, "data"),
  REPERE_KEYS_DIR: join(folder, "keys"),
  DATABASE_URL: "",
};
const config = () => readConfig(env);
const repere = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", timeout: 60_000 });

describe("repere audit verify", () => {
  it("exits 0 on an intact trail, 1 with the position and id of a hand-edited entry, 2 without the key", {
    timeout: 180_000,
  }, async () => {
    const ctx = await openContext(config(), { createKeys: true });
    for (let i = 0; i < 3; i++)
      await recordAudit(ctx.db, ctx.keys.audit, systemActor("test"), { action: "system.anchor", details: { i } });
    await ctx.database.close();

    const intact = repere("audit", "verify");
    expect(intact.stdout).toMatch(/intact : 3 entrées vérifiées/);
    expect(intact.status).toBe(0);

    const tamper = await openContext(config(), { createKeys: false });
    const [row] = await tamper.database.query<{ id: number; position: number; shard: number }>(
      "select id, position, shard from audit_events order by id limit 1",
    );
    await tamper.database.query("alter table audit_events disable trigger user");
    await tamper.database.query("update audit_events set outcome = 'failure' where id = $1", [row?.id]);
    await tamper.database.close();

    const broken = repere("audit", "verify");
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`position ${row?.position}, entrée id ${row?.id}`);
    expect(broken.stdout.trim().split("\n")).toHaveLength(1);

    const noKey = spawnSync(process.execPath, [BIN, "audit", "verify"], {
      env: { ...env, REPERE_KEYS_DIR: join(folder, "no-keys") },
      encoding: "utf8",
    });
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toMatch(/clé audit introuvable/);
  });

  it("stops with a clear message when the server holds the data folder", { timeout: 120_000 }, async () => {
    const ctx = await openContext(config(), { createKeys: true });
    try {
      const res = repere("audit", "verify");
      expect(res.status).toBe(2);
      expect(res.stderr).toMatch(/déjà utilisé par le processus/);
    } finally {
      await ctx.database.close();
    }
  });
});

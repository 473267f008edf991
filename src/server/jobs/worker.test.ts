import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readConfig } from "../config.ts";
import { work } from "../main.ts";
import { openTestDatabase } from "../test/test-database.ts";
import { RECURRING_JOBS } from "./recurring-jobs.ts";

const BIN = fileURLToPath(new URL("../../../bin/repere.js", import.meta.url));

const keys = () => ({
  REPERE_AUDIT_KEY: randomBytes(32).toString("hex"),
  REPERE_DATA_KEY: randomBytes(32).toString("hex"),
  REPERE_BLIND_INDEX_KEY: randomBytes(32).toString("hex"),
});

describe("repere worker", () => {
  it("refuses the embedded database, whose only process is the server", async () => {
    await expect(work(readConfig({ ...keys(), LOG_LEVEL: "silent" }))).rejects.toThrow(
      /repere worker demande DATABASE_URL/,
    );
  });

  it("says so from the command line, as does a server asked to leave its jobs with nobody to run them", () => {
    // A folder of its own: were the refusal to regress, the server would not start on the project's own data.
    const folder = mkdtempSync(join(tmpdir(), "repere-worker-"));
    const env = {
      ...process.env,
      ...keys(),
      DATABASE_URL: "",
      REPERE_DATA_DIR: join(folder, "data"),
      REPERE_KEYS_DIR: join(folder, "keys"),
      LOG_LEVEL: "silent",
    };
    const run = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, [BIN, ...args], { env: { ...env, ...extra }, encoding: "utf8", timeout: 60_000 });
    const worker = run(["worker"]);
    expect(worker.status).toBe(2);
    expect(worker.stderr).toMatch(/repere worker demande DATABASE_URL/);
    const server = run(["serve"], { REPERE_JOBS: "0" });
    expect(server.status).toBe(2);
    expect(server.stderr).toMatch(/REPERE_JOBS=0 demande DATABASE_URL/);
    expect(server.stderr).not.toMatch(/\bat \//);
    rmSync(folder, { recursive: true, force: true });
  }, 120_000);

  it.runIf(process.env.DATABASE_URL)(
    "schedules every recurring job in pg-boss, then stops",
    async () => {
      const database = await openTestDatabase();
      try {
        const config = readConfig({ ...keys(), DATABASE_URL: database.url, REPERE_JOBS: "0", LOG_LEVEL: "silent" });
        const stop = await work(config);
        const scheduled = await database.query<{ name: string }>("select name from pgboss.schedule order by name");
        expect(scheduled.map((row) => row.name)).toEqual(RECURRING_JOBS.map((job) => job.name).sort());
        await stop();
      } finally {
        await database.dispose();
      }
    },
    60_000,
  );
});

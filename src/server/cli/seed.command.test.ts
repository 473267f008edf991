import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import { parseSeedArguments } from "./seed.command.ts";

const BIN = fileURLToPath(new URL("../../../bin/repere.js", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "repere-seed-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const env = {
  ...process.env,
  REPERE_DATA_DIR: join(folder, "data"),
  REPERE_KEYS_DIR: join(folder, "keys"),
  DATABASE_URL: "",
  LOG_LEVEL: "warn",
};
const repere = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8", timeout: 120_000 });

const defaults = { seed: "repere", years: "2016-2025", batch: "2000" };
const today = new Date("2026-03-10T15:00:00Z");

describe("parseSeedArguments", () => {
  it("reads a full command line and defaults --now to today at midnight UTC", () => {
    expect(parseSeedArguments({ ...defaults, cases: "1000" }, today)).toEqual({
      ok: true,
      value: {
        cases: 1000,
        seed: "repere",
        years: [2016, 2025],
        now: new Date("2026-03-10T00:00:00Z"),
        reset: false,
        batchSize: 2000,
      },
    });
    const withNow = parseSeedArguments({ ...defaults, cases: "5", now: "2024-06-30", reset: true }, today);
    expect(withNow).toMatchObject({ ok: true, value: { now: new Date("2024-06-30T00:00:00Z"), reset: true } });
  });

  it.each([
    [{ cases: undefined }, /--cases N/],
    [{ cases: "dix" }, /nombre entier/],
    [{ cases: "-3" }, /nombre entier/],
    [{ cases: "5", years: "2016" }, /AAAA-AAAA/],
    [{ cases: "5", years: "2025-2016" }, /2025 est après 2016/],
    [{ cases: "5", now: "hier" }, /--now attend une date/],
    [{ cases: "5", years: "2027-2028", now: "2026-01-01" }, /après la date --now/],
    [{ cases: "5", batch: "0" }, /--batch/],
  ])("refuses %o in French", (options, message) => {
    const parsed = parseSeedArguments({ ...defaults, ...options }, today);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("repere seed", () => {
  it("appends cases, resumes to the asked count, and exits 2 on bad arguments", { timeout: 300_000 }, async () => {
    const run = repere("seed", "--cases", "12", "--seed", "cli", "--now", "2025-06-30", "--batch", "5");
    expect(run.stderr).not.toMatch(/Échec/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/12 dossiers sur 12 \(0 déjà présents, 12 ajoutés\)/);
    expect(run.stdout).toMatch(/Organisations créées : 303 ; comptes créés : 202\./);
    expect(run.stdout).toMatch(/lignes\/s/);

    const more = repere("seed", "--cases", "20", "--seed", "cli", "--now", "2025-06-30");
    expect(more.status).toBe(0);
    expect(more.stdout).toMatch(/20 dossiers sur 20 \(12 déjà présents, 8 ajoutés\)/);

    const reset = repere("seed", "--cases", "3", "--seed", "autre", "--now", "2025-06-30", "--reset");
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/Remise à zéro : 20 dossiers/);

    const ctx = await openContext(readConfig(env), { createKeys: false });
    try {
      const [row] = await ctx.database.query<{ n: number }>("select count(*)::int as n from cases");
      expect(row?.n).toBe(3);
    } finally {
      await ctx.database.close();
    }

    const bad = repere("seed", "--cases", "beaucoup");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--cases attend un nombre entier/);
  });
});

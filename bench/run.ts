import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { initialJsGzipBytes } from "./bundle-size.ts";
import { type BenchRow, printAndSave } from "./report.ts";
import { startServerProcess } from "./server-process.ts";

/**
 * `npm run bench`: measures Repère against the bare work it does, in the same run, and prints a Markdown table
 * (BENCHMARKS.md explains each line). Never part of `npm test`.
 */
const rows: BenchRow[] = [];
const work = mkdtempSync(join(tmpdir(), "repere-bench-"));

try {
  const dist = fileURLToPath(new URL("../dist/web", import.meta.url));
  const bundle = initialJsGzipBytes(dist);
  rows.push({
    name: "Initial JS (gzip)",
    database: "-",
    value: `${(bundle.bytes / 1024).toFixed(0)} KB`,
    target: "≤ 300 KB",
    met: bundle.bytes <= 300 * 1024,
  });

  const env = { REPERE_DATA_DIR: join(work, "data"), REPERE_KEYS_DIR: join(work, "keys"), DATABASE_URL: "" };
  const first = await startServerProcess(env);
  await first.stop();
  const again = await startServerProcess(env);
  rows.push({
    name: "Cold start to first 200 on /api/health (existing data folder)",
    database: "pglite",
    value: `${(again.startMs / 1000).toFixed(2)} s`,
    baseline: `first boot of a new folder ${(first.startMs / 1000).toFixed(2)} s`,
    target: "< 3 s",
    met: again.startMs < 3000,
  });
  rows.push({
    name: "Server peak RSS",
    database: "pglite",
    value: `${again.peakRssMiB()} MiB`,
    target: "report",
    met: null,
  });
  await again.stop();

  if (process.env.DATABASE_URL) {
    const pg = await startServerProcess({
      DATABASE_URL: process.env.DATABASE_URL,
      REPERE_KEYS_DIR: join(work, "keys"),
    });
    rows.push({
      name: "Cold start to first 200 on /api/health",
      database: "postgres",
      value: `${(pg.startMs / 1000).toFixed(2)} s`,
      target: "< 3 s",
      met: pg.startMs < 3000,
    });
    await pg.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

printAndSave(rows, new URL("./results.json", import.meta.url));

import { writeFileSync } from "node:fs";
import { arch, cpus, totalmem } from "node:os";

export interface BenchRow {
  name: string;
  database: "pglite" | "postgres" | "-";
  value: string;
  baseline?: string;
  ratio?: number;
  target: string;
  met: boolean | null;
}

export function printAndSave(rows: BenchRow[], file: URL, sizes: Record<string, number | null> = {}) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${arch()}, Node ${process.version}`;
  const lines = [
    `Machine: ${machine}`,
    `Sizes: ${Object.entries(sizes)
      .map(([k, v]) => `${k} ${v ?? "—"}`)
      .join(", ")}`,
    "",
    "| Measure | Database | Repère | Baseline (same run) | Ratio | Target | Met |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.database} | ${r.value} | ${r.baseline ?? "—"} | ${r.ratio === undefined ? "—" : r.ratio.toFixed(2)} | ${r.target} | ${
          r.met === null ? "—" : r.met ? "yes" : "**NO**"
        } |`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  writeFileSync(file, `${JSON.stringify({ ranAt: new Date().toISOString(), machine, sizes, rows }, null, 2)}\n`);
}

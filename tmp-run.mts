import { readFileSync } from "node:fs";
import { runQualifyCli } from "./src/shared/qualification/format-qualify-cli.ts";
const out = runQualifyCli(readFileSync(process.argv[2]!, "utf8"), new Date("2025-06-01T10:00:00Z"));
process.stdout.write(out.stdout); process.stderr.write(out.stderr); console.error("exit", out.exitCode);

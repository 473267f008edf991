import { readFileSync } from "node:fs";
import { runQualifyCli } from "@shared/qualification/format-qualify-cli.ts";
import type { Command } from "commander";
import { fail } from "./main.ts";

/** Public contract: one JSON object on stdout, exit 0; invalid input exits 2 with a French message on stderr. */
export function qualifyCommand(program: Command) {
  program
    .command("qualify <fichier>")
    .description("qualification juridique de faits décrits en JSON (actes, moyens, finalités, circonstances)")
    .action((file: string) => {
      let text: string;
      try {
        text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
      } catch {
        fail(`Impossible de lire le fichier ${file}.`);
      }
      const { stdout, stderr, exitCode } = runQualifyCli(text);
      if (stdout) process.stdout.write(stdout);
      if (stderr) process.stderr.write(stderr);
      process.exitCode = exitCode;
    });
}

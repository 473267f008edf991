import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { readConfig } from "../config.ts";
import { DataFolderLockedError } from "../db/data-folder-lock.ts";
import { MissingKeyError } from "../keys/key-ring.ts";
import { fromProjectRoot } from "../project-root.ts";
import { auditCommands } from "./audit.command.ts";
import { keysCommands } from "./keys.command.ts";
import { migrateCommand } from "./migrate.command.ts";
import { qualifyCommand } from "./qualify.command.ts";
import { seedCommand } from "./seed.command.ts";
import { totpCommand } from "./totp.command.ts";
import { userCommands } from "./user.command.ts";

/** The exit code for "could not even check": no database, no key, folder in use. */
export const EXIT_CANNOT_RUN = 2;

export function fail(message: string, code = EXIT_CANNOT_RUN): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Turns the failures a user can meet into a French sentence and exit code 2, never a stack trace. */
export function explainFailure(error: unknown): never {
  if (error instanceof DataFolderLockedError) fail(error.message);
  if (error instanceof MissingKeyError) fail(`Impossible de vérifier : ${error.message}.`);
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "3D000" || code === "28P01") {
    fail("Base de données injoignable : vérifiez DATABASE_URL.");
  }
  fail(`Échec : ${(error as Error).message ?? String(error)}`);
}

export async function main(argv: string[]) {
  const program = new Command("repere")
    .description("Repère : repérer, protéger et suivre les mineurs victimes de traite")
    .showHelpAfterError()
    .exitOverride();
  program
    .command("serve")
    .description("démarre le serveur (PGlite dans REPERE_DATA_DIR, ou PostgreSQL avec DATABASE_URL)")
    .action(async () => {
      const { serve } = await import("../main.ts");
      await serve(readConfig()).catch(explainFailure);
    });
  program
    .command("worker")
    .description("exécute les tâches planifiées, sans servir l'application (PostgreSQL, serveurs en REPERE_JOBS=0)")
    .action(async () => {
      const { work } = await import("../main.ts");
      await work(readConfig()).catch(explainFailure);
    });
  migrateCommand(program);
  auditCommands(program);
  keysCommands(program);
  userCommands(program);
  totpCommand(program);
  qualifyCommand(program);
  seedCommand(program);
  program.command("version").action(() => {
    const pkg = JSON.parse(readFileSync(fromProjectRoot("package.json"), "utf8")) as {
      version: string;
    };
    process.stdout.write(`${pkg.version}\n`);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EXIT_CANNOT_RUN);
    explainFailure(error);
  }
}

import type { Command } from "commander";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import { explainFailure } from "./main.ts";

export function migrateCommand(program: Command) {
  program
    .command("migrate")
    .description("applique les migrations en attente")
    .action(async () => {
      const ctx = await openContext(readConfig(), { createKeys: true }).catch(explainFailure);
      await ctx.database.close();
      process.stdout.write("Migrations appliquées.\n");
    });
}

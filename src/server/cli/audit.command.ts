import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { takeAnchor } from "../audit/audit.service.ts";
import { type Anchor, describeVerification, verifyAuditTrail } from "../audit/verify.ts";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import type { Database } from "../db/connection.ts";
import { openDatabase } from "../db/open-database.ts";
import { type Key, loadAuditKey } from "../keys/key-ring.ts";
import { systemActor } from "../policy/actor.ts";
import { explainFailure, fail } from "./main.ts";

export function auditCommands(program: Command) {
  const audit = program.command("audit").description("journal d'audit");
  audit
    .command("verify")
    .description("vérifie le chaînage du journal ; code de sortie 0 intact, 1 altéré, 2 vérification impossible")
    .option("--anchor <fichier>", "ancre exportée à confronter au journal (JSON téléchargé depuis l'administration)")
    .action(async (options: { anchor?: string }) => {
      let anchor: Anchor | undefined;
      if (options.anchor) {
        try {
          anchor = JSON.parse(readFileSync(options.anchor, "utf8")) as Anchor;
        } catch {
          fail(`Impossible de lire l'ancre ${options.anchor}.`);
        }
      }
      // Only the audit key, and never a new one: verifying with a fresh key would report every entry as forged.
      const config = readConfig();
      let auditKey: Key;
      let database: Database;
      try {
        auditKey = loadAuditKey(config);
        database = await openDatabase(config);
      } catch (error) {
        explainFailure(error);
      }
      try {
        const result = await verifyAuditTrail(database.db, auditKey, anchor);
        process.stdout.write(`${describeVerification(result)}\n`);
        process.exitCode = result.intact ? 0 : 1;
      } catch (error) {
        explainFailure(error);
      } finally {
        await database.close();
      }
    });
  audit
    .command("anchor")
    .description("prend une ancre maintenant et l'imprime en JSON (à conserver hors de Repère)")
    .action(async () => {
      const ctx = await openContext(readConfig(), { createKeys: false }).catch(explainFailure);
      try {
        process.stdout.write(`${JSON.stringify(await takeAnchor(ctx, systemActor("cli:audit-anchor")))}\n`);
      } finally {
        await ctx.database.close();
      }
    });
}

import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import type { AppContext } from "../context.ts";
import { prependDataKey } from "../keys/key-ring.ts";
import {
  countValuesUnderOtherKeys,
  DEFAULT_ROTATION_BATCH_SIZE,
  type RotationSummary,
  reencryptSealedValues,
} from "../keys/rotate.ts";
import { explainFailure, fail } from "./main.ts";

/** Exit code when the run finished but values remain under older keys: run it again before removing them. */
export const EXIT_NOT_FINISHED = 1;

const format = (n: number) => n.toLocaleString("fr-FR");

/** What happened to the key before re-encrypting: one French sentence. */
export type KeyStep = { kind: "new"; path: string } | { kind: "resumed" } | { kind: "current" };

export function describeRotation(summary: RotationSummary, step: KeyStep, fromEnvironment: boolean): string {
  const where = fromEnvironment ? "REPERE_DATA_KEY" : "le fichier de clés";
  const lines = [
    step.kind === "new"
      ? `Nouvelle clé de données ${summary.keyId} placée en tête de ${step.path} (les anciennes sont conservées dessous).`
      : step.kind === "resumed"
        ? `Rotation inachevée reprise vers la clé ${summary.keyId} (aucune nouvelle clé créée).`
        : `Rechiffrement vers la clé actuelle ${summary.keyId}.`,
    `Valeurs rechiffrées : ${format(summary.reencrypted)} sur ${format(summary.found)} à traiter` +
      (summary.changedMeanwhile
        ? ` (${format(summary.changedMeanwhile)} modifiées entre-temps par l'application, laissées telles quelles).`
        : "."),
  ];
  for (const [column, n] of Object.entries(summary.unreadable)) {
    lines.push(`Illisibles avec les clés disponibles : ${format(n)} valeurs de ${column}.`);
  }
  if (summary.remaining === 0) {
    lines.push(
      `Toutes les valeurs chiffrées utilisent la clé ${summary.keyId}. Les anciennes clés pourront être retirées de ${where} ` +
        "une fois que chaque serveur aura redémarré (ou lu une valeur rechiffrée).",
    );
  } else {
    lines.push(
      `${format(summary.remaining)} valeurs restent sous une ancienne clé (écrites par un serveur qui n'a pas encore ` +
        `chargé la nouvelle clé, ou illisibles) : relancez la commande et ne retirez pas encore les anciennes clés.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Puts a new key first, unless a previous run stopped before finishing: then it carries on towards that key. */
async function prepareKey(ctx: AppContext, wantsNewKey: boolean): Promise<KeyStep> {
  const current = ctx.keys.data[0];
  if (!wantsNewKey || !current) return { kind: "current" };
  if (ctx.keys.data.length > 1 && (await countValuesUnderOtherKeys(ctx, current.id)) > 0) return { kind: "resumed" };
  const { keys, path } = prependDataKey(ctx.config.keysDir);
  ctx.keys.data.splice(0, ctx.keys.data.length, ...keys);
  return { kind: "new", path };
}

async function rotate(options: { newKey: boolean; batch: string }) {
  if (!/^\d+$/.test(options.batch) || Number(options.batch) < 1 || Number(options.batch) > 20_000) {
    fail("--batch attend un nombre entre 1 et 20000.");
  }
  const config = readConfig();
  const fromEnvironment = config.dataKey !== undefined;
  if (options.newKey && fromEnvironment) {
    fail(
      "REPERE_DATA_KEY est défini : Repère ne peut pas y ajouter de clé. Générez-en une (openssl rand -base64 32), " +
        "placez-la en tête (REPERE_DATA_KEY=nouvelle,ancienne) puis lancez « repere keys reencrypt ».",
    );
  }
  const ctx = await openContext(config, { createKeys: false }).catch(explainFailure);
  const bar = new SingleBar({
    stream: process.stderr,
    format: "Valeurs {bar} {percentage}% | {value}/{total} | {column}",
    hideCursor: true,
  });
  let barStarted = false;
  try {
    const step = await prepareKey(ctx, options.newKey);
    const summary = await reencryptSealedValues(
      ctx,
      { newKey: step.kind === "new", batchSize: Number(options.batch), actorName: "cli:keys" },
      {
        onBatch: (progress) => {
          if (!barStarted) bar.start(progress.total, 0, { column: progress.column });
          barStarted = true;
          bar.update(progress.done, { column: progress.column });
        },
      },
    );
    if (barStarted) bar.stop();
    process.stdout.write(describeRotation(summary, step, fromEnvironment));
    process.exitCode = summary.remaining === 0 ? 0 : EXIT_NOT_FINISHED;
  } catch (error) {
    if (barStarted) bar.stop();
    explainFailure(error);
  } finally {
    await ctx.database.close();
  }
}

/** Public contract: `repere keys rotate [--no-new-key] [--batch N]` and `repere keys reencrypt [--batch N]`. */
export function keysCommands(program: Command) {
  const keys = program.command("keys").description("clés de chiffrement des données");
  const batch = ["--batch <n>", "valeurs par transaction", String(DEFAULT_ROTATION_BATCH_SIZE)] as const;
  keys
    .command("rotate")
    .description(
      "place une nouvelle clé de données en tête du fichier et rechiffre toutes les valeurs, par lots, " +
        "pendant que l'application tourne ; relancée, elle reprend ; code de sortie 0 terminé, 1 à relancer, 2 impossible",
    )
    .option("--no-new-key", "ne crée pas de clé : rechiffre vers la première clé déjà présente")
    .option(...batch)
    .action((options: { newKey: boolean; batch: string }) => rotate(options));
  keys
    .command("reencrypt")
    .description("rechiffre toutes les valeurs vers la première clé (après l'avoir placée en tête de REPERE_DATA_KEY)")
    .option(...batch)
    .action((options: { batch: string }) => rotate({ newKey: false, batch: options.batch }));
}

import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import { refreshPlannerStatistics } from "../db/analyze.ts";
import { DEFAULT_SEED_BATCH_SIZE, type SeedSummary, seedCases } from "../seed/seed-cases.ts";
import { explainFailure, fail } from "./main.ts";

interface SeedCommandOptions {
  cases?: string;
  seed: string;
  years: string;
  now?: string;
  reset?: boolean;
  batch: string;
}

export interface SeedArguments {
  cases: number;
  seed: string;
  years: [number, number];
  now: Date;
  reset: boolean;
  batchSize: number;
}

/** Checks the arguments; a French message for the first wrong one. */
export function parseSeedArguments(
  options: SeedCommandOptions,
  today: Date,
): { ok: true; value: SeedArguments } | { ok: false; message: string } {
  const error = (message: string) => ({ ok: false as const, message });
  if (options.cases === undefined) return error("Indiquez le nombre de dossiers : --cases N.");
  if (!/^\d+$/.test(options.cases))
    return error(`--cases attend un nombre entier de dossiers, reçu « ${options.cases} ».`);
  const cases = Number(options.cases);
  if (!Number.isSafeInteger(cases)) return error("--cases est trop grand.");
  const years = /^(\d{4})-(\d{4})$/.exec(options.years);
  if (!years) return error(`--years attend une plage d'années AAAA-AAAA (ex. 2016-2025), reçu « ${options.years} ».`);
  const from = Number(years[1]);
  const to = Number(years[2]);
  if (from > to) return error(`--years : ${from} est après ${to}.`);
  // A missing --now means today at midnight UTC: a run interrupted today resumes when it is run again today.
  const now = options.now
    ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(options.now) ? `${options.now}T00:00:00Z` : options.now)
    : new Date(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(now.getTime()))
    return error(`--now attend une date AAAA-MM-JJ ou un instant ISO, reçu « ${options.now} ».`);
  if (from > now.getUTCFullYear()) return error(`--years commence en ${from}, après la date --now.`);
  if (from < 1990) return error("--years commence avant 1990.");
  if (!options.seed.trim()) return error("--seed ne peut pas être vide.");
  if (!/^\d+$/.test(options.batch) || Number(options.batch) < 1 || Number(options.batch) > 20_000)
    return error("--batch attend un nombre entre 1 et 20000.");
  return {
    ok: true,
    value: {
      cases,
      seed: options.seed,
      years: [from, to],
      now,
      reset: options.reset ?? false,
      batchSize: Number(options.batch),
    },
  };
}

const format = (n: number) => n.toLocaleString("fr-FR");

export function describeSeedSummary(summary: SeedSummary, args: SeedArguments): string {
  const seconds = summary.durationMs / 1000;
  const totalRows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
  const lines = [
    ...(summary.reset
      ? [
          `Remise à zéro : ${format(summary.reset.cases)} dossiers et ${format(summary.reset.dependentRows)} lignes liées supprimés` +
            (summary.reset.detachedRows ? `, ${format(summary.reset.detachedRows)} liens détachés.` : "."),
        ]
      : []),
    `Jeu « ${args.seed} » (${args.years[0]}-${args.years[1]}, au ${args.now.toISOString()}, clé ${summary.runKey}) : ` +
      `${format(summary.alreadyStored + summary.inserted)} dossiers sur ${format(summary.target)}` +
      ` (${format(summary.alreadyStored)} déjà présents, ${format(summary.inserted)} ajoutés).`,
    `Organisations créées : ${format(summary.organisationsCreated)} ; comptes créés : ${format(summary.usersCreated)}.`,
    `Lignes écrites : ${format(totalRows)} (${Object.entries(summary.rows)
      .map(([table, n]) => `${table} ${format(n)}`)
      .join(", ")}).`,
    `Durée : ${seconds.toFixed(1)} s — ${format(Math.round(summary.inserted / Math.max(seconds, 0.001)))} dossiers/s, ` +
      `${format(Math.round(totalRows / Math.max(seconds, 0.001)))} lignes/s.`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Public contract: `repere seed --cases N [--seed S] [--years 2016-2025] [--now DATE] [--reset]`. */
export function seedCommand(program: Command) {
  program
    .command("seed")
    .description("ajoute des dossiers synthétiques (déterministes) à la base de l'application")
    .option("--cases <N>", "nombre de dossiers du jeu à atteindre (obligatoire)")
    .option("--seed <S>", "graine : même graine et même --now, mêmes dossiers", "repere")
    .option("--years <AAAA-AAAA>", "années de premier repérage", "2016-2025")
    .option("--now <date>", "date du jour simulée (AAAA-MM-JJ ou instant ISO ; défaut : aujourd'hui)")
    .option("--reset", "vide d'abord les dossiers (jamais les comptes, organisations ni le journal d'audit)")
    .option("--batch <n>", "dossiers par transaction", String(DEFAULT_SEED_BATCH_SIZE))
    .action(async (options: SeedCommandOptions) => {
      const parsed = parseSeedArguments(options, new Date());
      if (!parsed.ok) fail(parsed.message);
      const args = parsed.value;
      const ctx = await openContext(readConfig(), { createKeys: true }).catch(explainFailure);
      const bar = new SingleBar({
        stream: process.stderr,
        format: "Dossiers {bar} {percentage}% | {value}/{total} | {eta_formatted}",
        hideCursor: true,
      });
      let barStarted = false;
      try {
        const summary = await seedCases(
          ctx,
          { ...args, actorName: "cli:seed" },
          {
            onBatch: (progress) => {
              if (!barStarted) {
                bar.start(progress.target, progress.stored - progress.insertedThisRun);
                barStarted = true;
              }
              bar.update(progress.stored);
            },
          },
        );
        if (barStarted) bar.stop();
        await refreshPlannerStatistics(ctx.db);
        process.stdout.write(describeSeedSummary(summary, args));
      } catch (error) {
        if (barStarted) bar.stop();
        explainFailure(error);
      } finally {
        await ctx.database.close();
      }
    });
}

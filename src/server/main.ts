import { buildApp } from "./app.ts";
import { listenForAuthChanges } from "./auth/auth-change-listener.ts";
import { SessionCache } from "./auth/session-cache.ts";
import { openContext } from "./bootstrap.ts";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { refreshPlannerStatistics } from "./db/analyze.ts";
import { type DemoLogin, hasAnyUser, seedDemoAccounts } from "./demo/demo-accounts.ts";
import { seedDemoCases } from "./demo/demo-cases.ts";
import { RECURRING_JOBS } from "./jobs/recurring-jobs.ts";
import { startScheduler } from "./jobs/scheduler.ts";

function printDemoLogins(logins: DemoLogin[], url: string) {
  const lines = [
    "",
    "Repère — comptes de démonstration (affichés une seule fois : notez-les)",
    `Adresse : ${url}`,
    "",
    ...logins.flatMap((l) => [
      `  ${l.role.padEnd(19)} ${l.email.padEnd(28)} mot de passe : ${l.password}`,
      ...(l.totpSecret ? [`  ${"".padEnd(19)} secret TOTP : ${l.totpSecret}  (${l.otpauthUri})`] : []),
    ]),
    "",
    "Les comptes administrateur et analyste national exigent un code TOTP : ajoutez leur secret dans une",
    "application d'authentification (ou calculez le code avec : npx repere totp SECRET).",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function startSessionCache(ctx: AppContext, config: Config) {
  const cache = new SessionCache(config.sessionCacheSeconds * 1000);
  const listener = await listenForAuthChanges(ctx.database, cache, config.databaseUrl, ctx.log);
  ctx.sessionCache = cache;
  return listener;
}

/** Starts the server: database, migrations, demo data on first start, HTTP, jobs, and a clean stop on signals. */
export async function serve(config: Config) {
  const ctx = await openContext(config, { createKeys: true });
  if (config.seedDemo && !(await hasAnyUser(ctx))) {
    const logins = await seedDemoAccounts(ctx);
    await seedDemoCases(ctx);
    await refreshPlannerStatistics(ctx.db);
    printDemoLogins(logins, config.publicUrl);
  }
  const sessions =
    config.sessionCacheSeconds > 0 ? await startSessionCache(ctx, config) : { stop: async () => undefined };
  const app = await buildApp(ctx);
  const scheduler = config.runJobs ? await startScheduler(ctx, RECURRING_JOBS) : { stop: async () => undefined };
  if (!config.runJobs) ctx.log.info("REPERE_JOBS=0: the recurring jobs are left to `repere worker`");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, "stopping: finishing in-flight requests");
    const force = setTimeout(() => process.exit(1), 15_000);
    try {
      await app.close();
      await scheduler.stop();
      await sessions.stop();
      // Closing PGlite flushes its files: a Ctrl-C never leaves a half-written data folder.
      await ctx.database.close();
    } finally {
      clearTimeout(force);
    }
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  ctx.log.info({ url: config.publicUrl, database: ctx.database.kind }, "Repère is listening");
  return app;
}

/**
 * Runs the recurring jobs without serving HTTP, beside app servers started with REPERE_JOBS=0. pg-boss runs each tick
 * once whatever the number of workers; resolves to a stop function (also called on SIGINT and SIGTERM).
 */
export async function work(config: Config): Promise<() => Promise<void>> {
  if (!config.databaseUrl) {
    throw new Error("repere worker demande DATABASE_URL : avec la base embarquée, repere serve exécute les tâches");
  }
  const ctx = await openContext(config, { createKeys: false });
  const scheduler = await startScheduler(ctx, RECURRING_JOBS);
  let stopped: Promise<void> | undefined;
  const onSignal = () => void stop().then(() => process.exit(0));
  const stop = () => {
    stopped ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await scheduler.stop();
      await ctx.database.close();
    })();
    return stopped;
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  ctx.log.info({ jobs: RECURRING_JOBS.map((job) => job.name) }, "Repère worker is running the recurring jobs");
  return stop;
}

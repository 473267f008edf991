import type { AppContext } from "../context.ts";

/** A recurring job. The same `run` serves pg-boss on PostgreSQL and the in-process timer on PGlite. */
export interface RecurringJob {
  name: string;
  /** For pg-boss (several app servers: it runs once per tick, on one of them). */
  cron: string;
  /** For the embedded database (one process): run every this many milliseconds. */
  everyMs: number;
  run: (ctx: AppContext) => Promise<void>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * On PostgreSQL, jobs go through pg-boss, whose schedules and queues live in the database: with several app servers,
 * each tick runs once. The embedded database has one process by construction, so a timer runs the same functions.
 */
export async function startScheduler(ctx: AppContext, jobs: readonly RecurringJob[]): Promise<Scheduler> {
  const log = ctx.log.child({ module: "jobs" });
  const runSafely = async (job: RecurringJob) => {
    try {
      await job.run(ctx);
    } catch (error) {
      log.error({ job: job.name, errorType: (error as Error).name }, "job failed");
      throw error;
    }
  };

  if (ctx.database.kind === "pglite" || !ctx.config.databaseUrl) {
    const timers = jobs.map((job) => setInterval(() => void runSafely(job).catch(() => undefined), job.everyMs));
    for (const t of timers) t.unref();
    return { stop: async () => timers.forEach(clearInterval) };
  }

  // Loaded only on PostgreSQL: an embedded start never pays for it.
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: ctx.config.databaseUrl, max: 2, application_name: "repere-jobs" });
  boss.on("error", (error) => log.error({ errorType: error.name }, "pg-boss error"));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, undefined, { tz: "Europe/Paris" });
    await boss.work(job.name, async () => runSafely(job));
  }
  return { stop: () => boss.stop({ graceful: true, wait: true }) };
}

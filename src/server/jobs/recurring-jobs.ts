import { takeAnchor } from "../audit/audit.service.ts";
import { deleteExpiredSessions } from "../auth/auth.queries.ts";
import { anonymiseClosedCases } from "../cases/case-retention.ts";
import { refreshPlannerStatistics } from "../db/analyze.ts";
import { refreshObservatory } from "../observatory/snapshot/observatory-refresh.job.ts";
import { fireDeadlineAlerts } from "../pathway/notifications/deadline-alerts.ts";
import { deliverMailOutbox, smtpTransport } from "../pathway/notifications/mail.ts";
import { startTransitionPreparation } from "../pathway/tracks/transition-start.ts";
import { systemActor } from "../policy/actor.ts";
import type { RecurringJob } from "./scheduler.ts";

/** Everything Repère does on its own, on a clock. */
export const RECURRING_JOBS: readonly RecurringJob[] = [
  {
    name: "audit-anchor",
    cron: "0 * * * *",
    everyMs: 3_600_000,
    run: async (ctx) => {
      await takeAnchor(ctx, systemActor("job:audit-anchor"));
    },
  },
  {
    name: "session-cleanup",
    cron: "*/15 * * * *",
    everyMs: 15 * 60_000,
    run: async (ctx) => {
      const now = ctx.now();
      await deleteExpiredSessions(ctx.db, new Date(now.getTime() - ctx.config.sessionIdleMinutes * 60_000), now);
    },
  },
  {
    name: "case-retention",
    cron: "30 3 * * *",
    everyMs: 24 * 3_600_000,
    run: async (ctx) => {
      await anonymiseClosedCases(ctx, systemActor("job:case-retention"), {
        retentionDays: ctx.config.retentionDaysAfterClosure,
      });
    },
  },
  {
    // Several servers may run it at once on PGlite's timer or on a missed pg-boss lock: alerts are claimed row by row.
    name: "pathway-alerts",
    cron: "*/10 * * * *",
    everyMs: 10 * 60_000,
    run: async (ctx) => {
      await fireDeadlineAlerts(ctx);
    },
  },
  {
    // PGlite has no autovacuum: without fresh statistics its planner degrades as cases accumulate.
    name: "planner-statistics",
    cron: "45 3 * * *",
    everyMs: 6 * 3_600_000,
    run: async (ctx) => {
      if (ctx.database.kind === "pglite") await refreshPlannerStatistics(ctx.db);
    },
  },
  {
    // Once a day is enough: the preparation opens three months before the interview is due.
    name: "pathway-transition-start",
    cron: "15 4 * * *",
    everyMs: 24 * 3_600_000,
    run: async (ctx) => {
      await startTransitionPreparation(ctx);
    },
  },
  {
    name: "pathway-mail",
    cron: "*/5 * * * *",
    everyMs: 5 * 60_000,
    run: async (ctx) => {
      if (!ctx.config.smtp) return;
      const transport = smtpTransport(ctx.config.smtp);
      try {
        await deliverMailOutbox(ctx, transport);
      } finally {
        transport.close();
      }
    },
  },
  {
    // A new snapshot only when the cases moved; the published and national tables are then computed ahead.
    name: "observatory-refresh",
    cron: "*/15 * * * *",
    everyMs: 15 * 60_000,
    run: async (ctx) => {
      await refreshObservatory(ctx);
    },
  },
];

import { takeAnchor } from "../audit/audit.service.ts";
import { deleteExpiredSessions } from "../auth/auth.queries.ts";
import { anonymiseClosedCases } from "../cases/case-retention.ts";
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
      await anonymiseClosedCases(ctx, systemActor("job:case-retention"), { retentionDays: ctx.config.retentionDaysAfterClosure });
    },
  },
];

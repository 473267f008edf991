import { addLocalMonths, toLocalDate } from "@shared/calendar/local-date.ts";
import { loadCase } from "../../cases/load-case.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import { systemActor } from "../../policy/actor.ts";
import { listCasesDueForTransition } from "./tracks.queries.ts";
import { applyStep } from "./tracks.service.ts";

/** CASF L222-5-1 wants the interview by the 17th birthday; Repère opens the preparation three months before. */
const PREPARATION_AGE_MONTHS = 16 * 12 + 9;
const BATCH = 200;

/**
 * Moves every ASE-placed young person who may have turned 16 years and 9 months to "préparation de la majorité",
 * which starts the interview deadline. Each case in its own transaction; a case another server moved meanwhile is
 * skipped (the track lock and the `from` state make the step happen once).
 */
export async function startTransitionPreparation(ctx: AppContext): Promise<{ started: number }> {
  const actor = systemActor("job:pathway-transition");
  const today = toLocalDate(ctx.now(), "Europe/Paris");
  const bornBy = addLocalMonths(today, -PREPARATION_AGE_MONTHS);
  let started = 0;
  for (;;) {
    const ids = await listCasesDueForTransition(ctx.db, bornBy, BATCH);
    let moved = 0;
    for (const id of ids) {
      const didStart = await ctx.db.transaction(async (tx) => {
        const loaded = await loadCase(ctx, tx, id);
        if (!loaded) return false;
        try {
          await applyStep(tx, ctx, actor, loaded, "transition", { from: "not_due", to: "preparation" }, "system");
          return true;
        } catch (error) {
          if (error instanceof AppError && (error.code === "track_moved" || error.code === "case_closed")) return false;
          throw error;
        }
      });
      if (didStart) moved++;
    }
    started += moved;
    if (ids.length < BATCH || moved === 0) return { started };
  }
}

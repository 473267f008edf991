import type { AppContext } from "../context.ts";
import { type SeedSummary, seedCases } from "../seed/seed-cases.ts";

/** How many synthetic cases a first start adds beside the demo accounts. */
export const DEMO_CASE_COUNT = 300;

// The demo accounts work in Seine-Saint-Denis, with Paris as the neighbouring département: every case goes there,
// so that each demo account finds some in its lists (owned, placed, assigned or shared) from the first sign-in.
const DEMO_DEPARTMENTS = ["93", "75"] as const;

/**
 * Synthetic cases for the demo accounts, over the last five years up to today. Seeded after the accounts, the
 * demo ASE service, CRIP, foyer and referent hold them, and the association, police and courts of 93 receive shares.
 */
export async function seedDemoCases(ctx: AppContext, count = DEMO_CASE_COUNT): Promise<SeedSummary> {
  const now = ctx.now();
  const year = now.getUTCFullYear();
  return seedCases(ctx, {
    cases: count,
    seed: "demo",
    years: [year - 4, year],
    now,
    departments: DEMO_DEPARTMENTS,
    batchSize: count,
    actorName: "demo-seed",
  });
}

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { pathwayDeadlines, pathwayTracks, pathwayTransitions } from "../../db/schema.ts";
import { testApp } from "../../test/test-app.ts";
import { startTransitionPreparation } from "./transition-start.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

const PLACED = {
  asePlacement: { type: "establishment", legalBasis: "judicial", departmentCode: "93" },
} as const;

describe("transition at 18: Repère opens the preparation on its own", () => {
  it("moves ASE-placed young people of 16 years 9 months once, with the interview due by their 17th birthday", async () => {
    const { ctx, make, setNow } = await testApp();
    setNow(new Date("2026-03-10T09:00:00Z"));
    try {
      // Born June 2009: 16 years 9 months on 1 March 2026 at the earliest.
      const due = await make.case({ identity: { birthDate: "2009-06-20" }, profile: PLACED });
      const tooYoung = await make.case({ identity: { birthDate: "2009-07-02" }, profile: PLACED });
      const notPlaced = await make.case({ identity: { birthDate: "2009-01-15" } });

      // Two schedulers at once: the step happens once.
      const [first, second] = await Promise.all([startTransitionPreparation(ctx), startTransitionPreparation(ctx)]);
      expect(first.started + second.started).toBeGreaterThanOrEqual(1);
      expect((await startTransitionPreparation(ctx)).started).toBe(0);

      const stateOf = async (caseId: string) =>
        (
          await ctx.db
            .select({ state: pathwayTracks.state })
            .from(pathwayTracks)
            .where(and(eq(pathwayTracks.caseId, caseId), eq(pathwayTracks.track, "transition")))
        )[0]?.state ?? "not_due";
      expect(await stateOf(due.id)).toBe("preparation");
      expect(await stateOf(tooYoung.id)).toBe("not_due");
      expect(await stateOf(notPlaced.id)).toBe("not_due");

      const steps = await ctx.db
        .select({ via: pathwayTransitions.via, to: pathwayTransitions.toState })
        .from(pathwayTransitions)
        .where(eq(pathwayTransitions.caseId, due.id));
      expect(steps).toEqual([{ via: "system", to: "preparation" }]);
      const [interview] = await ctx.db
        .select()
        .from(pathwayDeadlines)
        .where(and(eq(pathwayDeadlines.caseId, due.id), eq(pathwayDeadlines.code, "transition_interview")));
      expect(interview?.status).toBe("open");
    } finally {
      setNow(null);
    }
  });
});

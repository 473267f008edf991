import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../test/test-app.ts";
import { refreshPlannerStatistics } from "./analyze.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

describe("refreshPlannerStatistics", () => {
  it("tells the planner how many cases there are, which it does not know after a bulk load", async () => {
    const { ctx, make } = await testApp();
    const owner = await make.user({ roles: ["ase_referent"], departmentCode: "93" });
    for (let i = 0; i < 3; i++) await make.case({ owner });
    await refreshPlannerStatistics(ctx.db);
    const [stats] = await ctx.database.query<{ analysed: number; reltuples: number }>(
      "select (select count(*) from pg_stats where tablename = 'cases')::int as analysed, reltuples from pg_class where relname = 'cases'",
    );
    expect(stats?.analysed).toBeGreaterThan(0);
    expect(Number(stats?.reltuples)).toBeGreaterThanOrEqual(3);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIdentity } from "../cases/case-identity.ts";
import type { SealedIdentity } from "../cases/cases.queries.ts";
import { readConfig } from "../config.ts";
import type { AppContext } from "../context.ts";
import { generateKeyRing } from "../keys/key-ring.ts";
import { createLogger } from "../logger.ts";
import { openTestDatabase } from "../test/test-database.ts";
import { type SeedCasesOptions, seedCases } from "./seed-cases.ts";

type TestDatabase = Awaited<ReturnType<typeof openTestDatabase>>;

const OPTIONS: SeedCasesOptions = {
  cases: 36,
  seed: "seed-test",
  years: [2019, 2025],
  now: new Date("2025-09-30T00:00:00Z"),
  batchSize: 12,
};

const opened: TestDatabase[] = [];
async function freshContext(): Promise<AppContext> {
  const database = await openTestDatabase();
  opened.push(database);
  return {
    config: { ...readConfig({}), databaseUrl: undefined, seedDemo: false },
    database,
    db: database.db,
    keys: generateKeyRing(),
    log: createLogger("silent"),
    now: () => new Date(),
  };
}
afterAll(async () => {
  for (const database of opened) await database.dispose();
});

const count = async (ctx: AppContext, sql: string) =>
  Number((await ctx.database.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]?.n);

/** Everything a run must reproduce, keyed by case number: ids, owners' ids and ciphertexts left out. */
async function snapshot(ctx: AppContext) {
  const rows = await ctx.database.query<Record<string, unknown>>(
    `select c.number, c.department_code, c.status, c.closure_reason, c.closed_at, c.gender, c.nationalities,
            c.birth_year, c.birth_month, c.is_age_estimated, c.age_estimation_method, c.first_facts_on,
            c.age_at_first_facts, c.ase_placement_type, c.ase_legal_basis, c.age_assessment_status,
            c.care_leaver_status, c.vulnerability_factors, c.exploitations, c.places, c.victim_status,
            c.created_at, c.updated_at, c.assigned_user_id is not null as assigned,
            c.placement_organisation_id is not null as placed, o.type as owner_type,
            (select json_agg(json_build_array(s.status, s.decided_by, s.decided_on, s.recorded_at)
                             order by s.recorded_at, s.status) from case_victim_statuses s where s.case_id = c.id) as statuses,
            (select json_agg(json_build_array(t.kind, t.occurred_at, t.details - 'shareId' - 'userId' - 'organisationId' - 'screeningId' - 'planId' - 'measureId')
                             order by t.occurred_at, t.kind, (t.details - 'shareId' - 'userId' - 'organisationId' - 'screeningId' - 'planId' - 'measureId')::text)
             from case_timeline_entries t where t.case_id = c.id) as timeline,
            (select json_agg(json_build_array(b.kind) order by b.kind) from case_blind_index b where b.case_id = c.id) as index_kinds,
            i.surname_enc, i.first_names_enc, i.aliases_enc, i.birth_date_enc, i.age_estimate_enc, i.phones_enc,
            i.placement_address_enc, c.id
     from cases c join organisations o on o.id = c.owner_organisation_id join case_identities i on i.case_id = c.id
     order by c.number`,
  );
  return rows.map(
    ({
      id,
      number,
      surname_enc,
      first_names_enc,
      aliases_enc,
      birth_date_enc,
      age_estimate_enc,
      phones_enc,
      placement_address_enc,
      ...rest
    }) => ({
      number: number as string,
      ...rest,
      identity: openIdentity(
        ctx.keys.data,
        id as string,
        {
          surnameEnc: surname_enc,
          firstNamesEnc: first_names_enc,
          aliasesEnc: aliases_enc,
          birthDateEnc: birth_date_enc,
          ageEstimateEnc: age_estimate_enc,
          phonesEnc: phones_enc,
          placementAddressEnc: placement_address_enc,
        } as SealedIdentity,
      ),
    }),
  );
}

describe("seedCases", () => {
  let first: AppContext;
  let firstSnapshot: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    first = await freshContext();
    await seedCases(first, OPTIONS);
    firstSnapshot = await snapshot(first);
  });

  it("stores the asked number of cases with their identity, index, statuses and timeline, and one audit entry", async () => {
    expect(await count(first, "cases")).toBe(OPTIONS.cases);
    expect(await count(first, "case_identities")).toBe(OPTIONS.cases);
    expect(await count(first, "case_timeline_entries where kind = 'created'")).toBe(OPTIONS.cases);
    expect(await count(first, "case_victim_statuses")).toBeGreaterThanOrEqual(OPTIONS.cases);
    expect(await count(first, "case_blind_index where kind = 'full_name'")).toBeGreaterThanOrEqual(OPTIONS.cases);
    expect(await count(first, "audit_events where details->>'kind' = 'synthetic_cases'")).toBe(1);
    // One ASE service, CRIP and foyer per département, whatever the number of cases.
    expect(await count(first, "organisations where type = 'crip'")).toBe(101);
    for (const row of firstSnapshot) expect(row.number).toMatch(/^(\d{2}|2[AB]|97\d)-\d{4}-\d{6}$/);
  });

  it("appends nothing when the run's cases are all there, and one more audit entry", async () => {
    const summary = await seedCases(first, OPTIONS);
    expect(summary).toMatchObject({ alreadyStored: OPTIONS.cases, inserted: 0, organisationsCreated: 0 });
    expect(await count(first, "cases")).toBe(OPTIONS.cases);
    expect(await count(first, "audit_events where details->>'kind' = 'synthetic_cases'")).toBe(2);
  });

  it("gives the same cases, numbers, profiles, identities and events in another database with other keys", async () => {
    const second = await freshContext();
    await seedCases(second, { ...OPTIONS, batchSize: 7 });
    expect(await snapshot(second)).toEqual(firstSnapshot);
  });

  it("resumes an interrupted run with only the missing cases, numbered as if never interrupted", async () => {
    const ctx = await freshContext();
    await expect(
      seedCases(ctx, OPTIONS, {
        onBatch: () => {
          throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    expect(await count(ctx, "cases")).toBe(OPTIONS.batchSize);
    const resumed = await seedCases(ctx, OPTIONS);
    expect(resumed).toMatchObject({
      alreadyStored: OPTIONS.batchSize,
      inserted: OPTIONS.cases - (OPTIONS.batchSize ?? 0),
    });
    expect(await snapshot(ctx)).toEqual(firstSnapshot);
  });

  it("--reset empties case data only, says how many, then seeds again", async () => {
    const ctx = await freshContext();
    await seedCases(ctx, { ...OPTIONS, seed: "other", cases: 10 });
    const users = await count(ctx, "users");
    const organisations = await count(ctx, "organisations");
    const audit = await count(ctx, "audit_events");
    const summary = await seedCases(ctx, { ...OPTIONS, reset: true });
    expect(summary.reset?.cases).toBe(10);
    expect(summary.reset?.dependentRows).toBeGreaterThan(10);
    expect(await count(ctx, "users")).toBe(users);
    expect(await count(ctx, "organisations")).toBe(organisations);
    expect(await count(ctx, "audit_events")).toBe(audit + 1);
    expect(await count(ctx, "cases")).toBe(OPTIONS.cases);
    expect(await snapshot(ctx)).toEqual(firstSnapshot);
  });

  it("leaves no identity in clear in any case table", async () => {
    const secrets = firstSnapshot.flatMap(({ identity }) => [
      identity.surname,
      identity.firstNames,
      ...identity.phones,
      ...identity.aliases,
      ...(identity.birthDate ? [identity.birthDate] : []),
      ...(identity.placementAddress ? [identity.placementAddress] : []),
    ]);
    expect(secrets.length).toBeGreaterThan(OPTIONS.cases * 2);
    for (const table of [
      "cases",
      "case_identities",
      "case_blind_index",
      "case_victim_statuses",
      "case_timeline_entries",
      "case_shares",
    ]) {
      const dump = (await first.database.query<{ row: string }>(`select row_to_json(t)::text as row from ${table} t`))
        .map((r) => r.row)
        .join("\n");
      // Ciphertexts are base64url: a short name can turn up inside one by chance ("Lina" in 4 random letters), so
      // a leak is the plaintext standing as a value of its own, not any substring.
      const standsAlone = (secret: string) =>
        new RegExp(`(?<![A-Za-z0-9_-])${secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z0-9_-])`, "i").test(
          dump,
        );
      const leaked = secrets.filter((secret) => secret.length >= 4 && standsAlone(secret));
      expect({ table, leaked }).toEqual({ table, leaked: [] });
    }
  });
});

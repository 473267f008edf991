import { findTransition, type PathwayView, type Track, type TrackState } from "@shared/pathway.ts";
import type { OrganisationType, Role } from "@shared/roles.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "../demo/demo-accounts.ts";
import { open } from "../keys/secret-box.ts";
import type { UserActor } from "../policy/actor.ts";
import { mayPerformStep } from "../policy/policy.ts";
import type { TestUser } from "../test/factories.ts";
import { listSealedValues } from "../test/sealed-values.ts";
import { type TestApp, testApp } from "../test/test-app.ts";
import { seedCases } from "./seed-cases.ts";
import { PLAN_GOALS, REASONS } from "./seed-pathway-rows.ts";

// The demo accounts give 93 a prosecutor, a juvenile judge and a police liaison, so the judicial steps are seeded too.
const NOW = new Date("2026-01-01T00:00:00Z");
const CASES = 240;

interface Account {
  id: string;
  email: string;
  organisation_id: string;
  department_code: string | null;
  roles: Role[];
  organisation_type: OrganisationType;
  is_active: boolean;
}

let app: TestApp;
let accounts: Map<string, Account>;

const testUser = (a: Account): TestUser => ({
  id: a.id,
  email: a.email,
  password: "",
  organisationId: a.organisation_id,
  departmentCode: a.department_code,
  roles: a.roles,
  totpSecret: null,
});

beforeAll(async () => {
  app = await testApp();
  app.setNow(NOW);
  await seedDemoAccounts(app.ctx);
  const summary = await seedCases(app.ctx, {
    cases: CASES,
    seed: "pathway-test",
    years: [2022, 2025],
    now: NOW,
    departments: ["93"],
    batchSize: 80,
  });
  expect(summary.target).toBe(CASES);
  const rows = await app.ctx.database.query<Account>(
    `select u.id, u.email, u.organisation_id, o.department_code, u.roles, o.type as organisation_type, u.is_active
     from users u join organisations o on o.id = u.organisation_id`,
  );
  accounts = new Map(rows.map((a) => [a.id, a]));
}, 240_000);

/** The seeded account of this role who recorded the most steps: the one the seed records the département's with. */
async function holder(role: "crip_officer" | "ase_referent"): Promise<Account> {
  const [row] = await app.ctx.database.query<{ id: string }>(
    `select t.actor_user_id as id from pathway_transitions t join users u on u.id = t.actor_user_id
     where $1 = any(u.roles) group by t.actor_user_id order by count(*) desc limit 1`,
    [role],
  );
  const account = row && accounts.get(row.id);
  if (!account) throw new Error(`no seeded ${role} recorded a step`);
  return account;
}

describe("seeded pathway", () => {
  // CRIP deadlines (evaluation, multi-agency review) are met or overdue in a few hundred cases, rarely due this week.
  it.each([
    ["crip_officer", false],
    ["ase_referent", true],
  ] as const)(
    "puts overdue deadlines in the inbox of the %s who records the steps (due soon too: %s)",
    async (role, withDueSoon) => {
      const user = await holder(role);
      const res = await app.api.as(testUser(user)).get("/api/pathway/inbox");
      expect(res.status).toBe(200);
      const inbox = res.json();
      const deadlines = inbox.items.filter((i: { kind: string }) => i.kind === "deadline");
      const overdue = deadlines.filter((i: { category: string }) => i.category === "overdue");
      const dueSoon = deadlines.filter((i: { category: string }) => i.category === "due_soon");
      expect(overdue.length).toBeGreaterThan(0);
      if (withDueSoon) expect(dueSoon.length).toBeGreaterThan(0);
      expect(inbox.counts.overdue).toBeGreaterThanOrEqual(overdue.length);
      for (const item of overdue) expect(new Date(item.dueAt).getTime()).toBeLessThan(NOW.getTime());
      for (const item of dueSoon) expect(new Date(item.dueAt).getTime()).toBeGreaterThanOrEqual(NOW.getTime());
      // Every listed deadline is an open row of a case that is still open.
      const ids = deadlines.map((i: { deadlineId: string }) => i.deadlineId);
      const [stored] = await app.ctx.database.query<{ n: number }>(
        `select count(*)::int as n from pathway_deadlines d join cases c on c.id = d.case_id
         where d.id = any($1::uuid[]) and d.status = 'open' and c.status <> 'closed'`,
        [ids],
      );
      expect(stored?.n).toBe(ids.length);
    },
  );

  it("shows tracks whose histories are steps the transition table allows, taken by whom it lists", async () => {
    const cases = await app.ctx.database.query<{
      id: string;
      assigned_user_id: string;
      status: string;
      victim_status: string | null;
    }>(
      `select c.id, c.assigned_user_id, c.status, c.victim_status from cases c
       where c.assigned_user_id is not null and exists (select 1 from pathway_transitions t where t.case_id = c.id) order by c.number limit 60`,
    );
    expect(cases.length).toBe(60);
    const seen = new Set<string>();
    for (const { id, assigned_user_id, status, victim_status } of cases) {
      const reader = accounts.get(assigned_user_id);
      if (!reader) throw new Error("a seeded case is assigned to an unknown account");
      const res = await app.api.as(testUser(reader)).get(`/api/pathway/cases/${id}`);
      expect(res.status).toBe(200);
      const view = res.json<PathwayView>();
      expect(view.tracks.length).toBeGreaterThan(0);
      expect(view.tracks.some((track) => track.history.length > 0)).toBe(true);
      for (const track of view.tracks) {
        const steps = [...track.history].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
        let state: TrackState =
          track.track === "civil_protection" ? "not_started" : track.track === "transition" ? "not_due" : "none";
        for (const step of steps) {
          expect({ track: track.track, from: step.from }).toEqual({ track: track.track, from: state });
          const transition = findTransition(track.track as Track, step.from, step.to);
          expect(transition, `${track.track} ${step.from} → ${step.to}`).toBeDefined();
          const account = step.actor ? accounts.get(step.actor.id) : undefined;
          const actor: UserActor | { kind: "system" } = account
            ? {
                kind: "user",
                userId: account.id,
                organisationId: account.organisation_id,
                organisationType: account.organisation_type,
                departmentCode: account.department_code,
                roles: account.roles,
                adminDepartmentCode: null,
                isActive: account.is_active,
                sessionId: null,
                requestId: null,
              }
            : { kind: "system" };
          const allowed = mayPerformStep(actor as UserActor, transition?.performers ?? [], step.via);
          expect({ step: `${track.track} ${step.from} → ${step.to} via ${step.via}`, allowed }).toEqual({
            step: `${track.track} ${step.from} → ${step.to} via ${step.via}`,
            allowed: true,
          });
          if (transition?.requiresReason) expect(step.reason).toBeTruthy();
          if (transition?.requiresReference) expect(step.reference).toBeTruthy();
          seen.add(`${track.track}:${step.to}`);
          state = step.to;
        }
        // A status the synthetic history dates after the closure stands on the case alone; the track reads it there.
        if (track.track === "identification" && track.state !== state) {
          expect({ status, state: track.state }).toEqual({ status: "closed", state: victim_status });
        } else {
          expect(track.state).toBe(state);
        }
      }
    }
    // The sample reaches the judicial steps and the three tracks, not only the first step of each.
    for (const step of [
      "civil_protection:prosecutor_seized",
      "civil_protection:measure_executed",
      "identification:presumed",
      "transition:preparation",
    ]) {
      expect(seen).toContain(step);
    }
  });

  it("keeps reasons, references and goals sealed: no plaintext in the raw tables, every sealed value opens", async () => {
    const plaintexts = [...Object.values(REASONS), ...PLAN_GOALS, "PV n°", "Jugement n°"];
    for (const table of [
      "pathway_transitions",
      "pathway_plans",
      "pathway_plan_reviews",
      "screenings",
      "case_timeline_entries",
    ]) {
      const [row] = await app.ctx.database.query<{ dump: string | null }>(
        `select string_agg(t::text, E'\\n') as dump from ${table} t`,
      );
      expect(row?.dump, table).toBeTruthy();
      for (const text of plaintexts)
        expect({ table, found: row?.dump?.includes(text) }).toEqual({ table, found: false });
    }
    const sealed = await listSealedValues(app.ctx.db);
    const all = sealed.map((value) => open(app.ctx.keys.data, value.value, value.aad)).join("\n");
    for (const reason of Object.values(REASONS)) expect(all).toContain(JSON.stringify(reason));
    expect(all).toMatch(/"PV n° \d{4}\/\d{5}"/);
    expect(all).toContain(PLAN_GOALS[0]);
  });
});

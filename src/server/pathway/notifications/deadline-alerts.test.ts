import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { pathwayDeadlineAlerts, pathwayDeadlines, pathwayMailOutbox, pathwayNotifications } from "../../db/schema.ts";
import type { TestUser } from "../../test/factories.ts";
import { testApp } from "../../test/test-app.ts";
import { shareWith, step } from "../pathway-test-kit.ts";
import { fireDeadlineAlerts } from "./deadline-alerts.ts";
import { deliverMailOutbox, type MailMessage } from "./mail.ts";

beforeAll(async () => {
  await testApp();
}, 120_000);

/** A case whose OPP was ordered on Tuesday 15 April 2025 in the 93: judge to be seized by 23 April, alert on the 21st. */
async function caseWithOpp() {
  const { api, ctx, make, setNow } = await testApp();
  const prosecutor = await make.user({ roles: ["prosecutor"], departmentCode: "93" });
  const caseFile = await make.case();
  setNow(new Date("2025-04-15T10:00:00Z"));
  await step(api.as(caseFile.owner), caseFile.id, "civil_protection", {
    from: "not_started",
    to: "prosecutor_report_sent",
  });
  await shareWith(api.as(caseFile.owner), caseFile.id, prosecutor.organisationId, "prosecutor_report", "2025-12-31");
  await step(api.as(prosecutor), caseFile.id, "civil_protection", {
    from: "prosecutor_report_sent",
    to: "prosecutor_seized",
  });
  await step(api.as(prosecutor), caseFile.id, "civil_protection", {
    from: "prosecutor_seized",
    to: "emergency_placement_ordered",
  });
  const [deadline] = await ctx.db
    .select()
    .from(pathwayDeadlines)
    .where(and(eq(pathwayDeadlines.caseId, caseFile.id), eq(pathwayDeadlines.code, "opp_seize_juvenile_judge")));
  if (!deadline) throw new Error("no deadline");
  return { caseFile, prosecutor, deadline };
}

const alertsOf = async (deadlineId: string) => {
  const { ctx } = await testApp();
  return ctx.db
    .select({ kind: pathwayDeadlineAlerts.kind })
    .from(pathwayDeadlineAlerts)
    .where(eq(pathwayDeadlineAlerts.deadlineId, deadlineId));
};

const notificationsOf = async (user: TestUser) => {
  const { ctx } = await testApp();
  return ctx.db
    .select({ kind: pathwayNotifications.kind, id: pathwayNotifications.id })
    .from(pathwayNotifications)
    .where(eq(pathwayNotifications.userId, user.id));
};

describe("deadline alerts job", () => {
  it("fires each alert once when two schedulers run it at the same time", async () => {
    const { ctx, setNow } = await testApp();
    const { caseFile, deadline } = await caseWithOpp();
    expect(deadline.code).toBe("opp_seize_juvenile_judge");

    setNow(new Date("2025-04-20T12:00:00Z"));
    await Promise.all([fireDeadlineAlerts(ctx), fireDeadlineAlerts(ctx)]);
    expect(await alertsOf(deadline.id)).toEqual([]);

    // Day 6, Monday 21 April: the warning.
    setNow(new Date("2025-04-21T07:00:00Z"));
    await Promise.all([fireDeadlineAlerts(ctx), fireDeadlineAlerts(ctx)]);
    expect(await alertsOf(deadline.id)).toEqual([{ kind: "warning" }]);

    // After 23 April at midnight in Paris: overdue, once, however often the job runs.
    setNow(new Date("2025-04-23T22:00:01Z"));
    await Promise.all([fireDeadlineAlerts(ctx), fireDeadlineAlerts(ctx), fireDeadlineAlerts(ctx)]);
    await fireDeadlineAlerts(ctx);
    expect((await alertsOf(deadline.id)).map((a) => a.kind).sort()).toEqual(["overdue", "warning"]);

    // Nobody in the ASE can seize the judge: its members hear of it all the same, once per alert.
    expect((await notificationsOf(caseFile.owner)).map((n) => n.kind).sort()).toEqual([
      "deadline_overdue",
      "deadline_warning",
    ]);
    setNow(null);
  });

  it("shows the overdue deadline in the inbox of those who can meet it, and the notice to those told", async () => {
    const { api, ctx, setNow } = await testApp();
    const { caseFile, prosecutor, deadline } = await caseWithOpp();
    setNow(new Date("2025-04-24T08:00:00Z"));
    await fireDeadlineAlerts(ctx);

    const parquet = (await api.as(prosecutor).get("/api/pathway/inbox")).json();
    const overdue = parquet.items.filter((i: { deadlineId?: string }) => i.deadlineId === deadline.id);
    expect(overdue).toEqual([
      expect.objectContaining({ kind: "deadline", category: "overdue", caseNumber: caseFile.number }),
    ]);
    expect(parquet.counts.overdue).toBeGreaterThanOrEqual(1);
    expect(parquet.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "awaiting_step", caseId: caseFile.id, state: "emergency_placement_ordered" }),
      ]),
    );

    const ase = (await api.as(caseFile.owner).get("/api/pathway/inbox?scope=me")).json();
    expect(
      ase.items.filter((i: { caseId: string }) => i.caseId === caseFile.id).map((i: { kind: string }) => i.kind),
    ).toEqual(["notification"]);
    const notificationId = ase.items.find((i: { caseId: string }) => i.caseId === caseFile.id).notificationId;
    expect((await api.as(prosecutor).post(`/api/pathway/notifications/${notificationId}/read`)).status).toBe(404);
    expect((await api.as(caseFile.owner).post(`/api/pathway/notifications/${notificationId}/read`)).status).toBe(204);
    const after = (await api.as(caseFile.owner).get("/api/pathway/inbox?scope=me")).json();
    expect(after.items.some((i: { notificationId?: string }) => i.notificationId === notificationId)).toBe(false);
    setNow(null);
  });

  it("tells the parquet the case is shared with of its own deadline, not the partners who cannot meet it", async () => {
    const { ctx, make, setNow } = await testApp();
    const { caseFile, prosecutor } = await caseWithOpp();
    const { api } = await testApp();
    const judge = await make.user({ roles: ["juvenile_judge"], departmentCode: "93" });
    await shareWith(api.as(caseFile.owner), caseFile.id, judge.organisationId, "judicial_request", "2025-12-31");
    setNow(new Date("2025-04-21T07:00:00Z"));
    await fireDeadlineAlerts(ctx);
    expect((await notificationsOf(prosecutor)).map((n) => n.kind)).toEqual(["deadline_warning"]);
    expect((await notificationsOf(caseFile.owner)).map((n) => n.kind)).toEqual(["deadline_warning"]);
    expect(await notificationsOf(judge)).toEqual([]);
    setNow(null);
  });

  it("queues an e-mail with the case number and a link only, when SMTP is configured", async () => {
    const { ctx, setNow } = await testApp();
    const { caseFile } = await caseWithOpp();
    const saved = ctx.config.smtp;
    ctx.config.smtp = { url: "smtp://localhost:2525", from: "Repère <alertes@repere.test>" };
    try {
      setNow(new Date("2025-04-21T07:00:00Z"));
      await fireDeadlineAlerts(ctx);
      const notifications = await notificationsOf(caseFile.owner);
      const mails = await ctx.db
        .select()
        .from(pathwayMailOutbox)
        .where(
          inArray(
            pathwayMailOutbox.notificationId,
            notifications.map((n) => n.id),
          ),
        );
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toContain(caseFile.number);
      expect(mails[0]?.body).toContain(`/dossiers/${caseFile.id}`);
      expect(JSON.stringify(mails)).not.toMatch(/Nom[0-9a-f]{6}|Prénom/);

      const sent: MailMessage[] = [];
      const first = await deliverMailOutbox(ctx, { send: async (m) => void sent.push(m) });
      expect(first.sent).toBeGreaterThanOrEqual(1);
      expect(sent.some((m) => m.to === caseFile.owner.email && m.subject.includes(caseFile.number))).toBe(true);
      expect((await deliverMailOutbox(ctx, { send: async (m) => void sent.push(m) })).sent).toBe(0);
    } finally {
      ctx.config.smtp = saved;
      setNow(null);
    }
  });

  it("keeps a failing e-mail for a later try, and stops after five", async () => {
    const { ctx, setNow } = await testApp();
    const { caseFile } = await caseWithOpp();
    const saved = ctx.config.smtp;
    ctx.config.smtp = { url: "smtp://localhost:2525", from: "Repère <alertes@repere.test>" };
    try {
      setNow(new Date("2025-04-21T07:00:00Z"));
      await fireDeadlineAlerts(ctx);
      const failing = { send: async () => Promise.reject(new Error("connection refused")) };
      for (let i = 0; i < 5; i++) await deliverMailOutbox(ctx, failing);
      const notifications = await notificationsOf(caseFile.owner);
      const [mail] = await ctx.db
        .select()
        .from(pathwayMailOutbox)
        .where(
          inArray(
            pathwayMailOutbox.notificationId,
            notifications.map((n) => n.id),
          ),
        );
      expect(mail).toMatchObject({ status: "failed", attempts: 5, sentAt: null });
    } finally {
      ctx.config.smtp = saved;
      setNow(null);
    }
  });
});

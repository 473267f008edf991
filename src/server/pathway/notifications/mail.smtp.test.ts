import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathwayMailOutbox } from "../../db/schema.ts";
import { testApp } from "../../test/test-app.ts";
import { deliverMailOutbox, queueMail, smtpTransport } from "./mail.ts";
import { insertNotification } from "./notifications.queries.ts";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A local SMTP sink started by the test: what Repère sends really crosses an SMTP connection. */
const received: Received[] = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk: Buffer) => {
      data += chunk.toString("utf8");
    });
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        data,
      });
      callback();
    });
  },
});
let port = 0;

/** The message body as written: nodemailer sends non-ASCII text quoted-printable, with soft line breaks. */
function quotedPrintableDecoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "");
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

beforeAll(async () => {
  await testApp();
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  port = (sink.server.address() as AddressInfo).port;
}, 120_000);
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

describe("e-mail delivery over SMTP", () => {
  it("delivers a queued alert to the SMTP server with the case number and a link, nothing personal", async () => {
    const { ctx, make } = await testApp();
    const caseFile = await make.case();
    const saved = ctx.config.smtp;
    ctx.config.smtp = { url: `smtp://127.0.0.1:${port}`, from: "Repère <alertes@repere.test>" };
    try {
      await ctx.db.transaction(async (tx) => {
        const notificationId = await insertNotification(tx, {
          userId: caseFile.owner.id,
          caseId: caseFile.id,
          kind: "deadline_overdue",
        });
        await queueMail(tx, ctx, {
          notificationId,
          recipientUserId: caseFile.owner.id,
          caseId: caseFile.id,
          caseNumber: caseFile.number,
          headline: "Échéance dépassée",
        });
      });
      const transport = smtpTransport(ctx.config.smtp);
      const outcome = await deliverMailOutbox(ctx, transport).finally(() => transport.close());
      expect(outcome).toEqual({ sent: 1, failed: 0 });

      const mail = received.find((r) => r.to.includes(caseFile.owner.email));
      expect(mail?.from).toBe("alertes@repere.test");
      const text = quotedPrintableDecoded(mail?.data ?? "");
      expect(text).toContain(caseFile.number);
      expect(text).toContain(`/dossiers/${caseFile.id}?onglet=parcours`);
      expect(text).not.toMatch(/Nom[0-9a-f]{6}|Prénom/);
      const rows = await ctx.db.select().from(pathwayMailOutbox);
      expect(rows.find((r) => r.recipientUserId === caseFile.owner.id)?.status).toBe("sent");
    } finally {
      ctx.config.smtp = saved;
    }
  });
});

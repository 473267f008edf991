import type { SmtpConfig } from "../../config.ts";
import type { AppContext } from "../../context.ts";
import type { Executor } from "../../db/connection.ts";
import { lazyPackage } from "../../lazy-package.ts";
import { claimPendingMail, insertMail, setMailOutcome } from "./notifications.queries.ts";

const loadNodemailer = lazyPackage<typeof import("nodemailer")>("nodemailer");

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Whatever carries an e-mail out: SMTP in production, an in-memory list in tests. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

const MAX_ATTEMPTS = 5;

/**
 * The SMTP transport (nodemailer): the URL carries host, port, TLS and credentials, so nothing secret sits in the code
 * or the database. One connection per delivery run; the outbox retries what fails.
 */
export function smtpTransport(smtp: SmtpConfig): MailTransport & { close(): void } {
  const transporter = loadNodemailer().createTransport(smtp.url);
  return {
    send: async (message) => {
      await transporter.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transporter.close(),
  };
}

/**
 * Queues an e-mail in the same transaction as the event it announces, when e-mail is configured. It carries the case
 * number and a link only: whoever reads the mailbox learns nothing about the young person.
 */
export async function queueMail(
  db: Executor,
  ctx: AppContext,
  mail: { notificationId: string; recipientUserId: string; caseId: string; caseNumber: string; headline: string },
): Promise<void> {
  if (!ctx.config.smtp) return;
  const link = new URL(`/dossiers/${mail.caseId}?onglet=parcours`, ctx.config.publicUrl).href;
  await insertMail(db, {
    notificationId: mail.notificationId,
    recipientUserId: mail.recipientUserId,
    subject: `Repère : ${mail.headline} — dossier ${mail.caseNumber}`,
    body: `${mail.headline} sur le dossier ${mail.caseNumber}.\n\nConsultez-le dans Repère : ${link}\n`,
    createdAt: ctx.now(),
  });
}

/**
 * Sends a batch of pending e-mails. The batch stays locked (skip locked) until it is done, so a second sender running
 * at the same time takes other rows; a failed one is retried on later runs, up to MAX_ATTEMPTS.
 */
export async function deliverMailOutbox(
  ctx: AppContext,
  transport: MailTransport,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  return ctx.db.transaction(async (tx) => {
    let sent = 0;
    let failed = 0;
    for (const next of await claimPendingMail(tx, limit)) {
      const attempts = next.mail.attempts + 1;
      try {
        if (!next.isActive) throw new Error("recipient deactivated");
        await transport.send({ to: next.email, subject: next.mail.subject, text: next.mail.body });
        await setMailOutcome(tx, next.mail.id, { status: "sent", attempts, sentAt: ctx.now() });
        sent++;
      } catch {
        const status = attempts >= MAX_ATTEMPTS || !next.isActive ? "failed" : "pending";
        await setMailOutcome(tx, next.mail.id, { status, attempts, sentAt: null });
        failed++;
      }
    }
    return { sent, failed };
  });
}

import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Transporter } from 'nodemailer';
import { sql } from 'drizzle-orm';
import { queryRows, takeTurn, type Executor } from '../db/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';

/**
 * `kind` names mails that anyone can make Sikoe send to an address by typing it (a verification or reset link):
 * those have a tighter limit of their own.
 */
export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind?: 'verify' | 'reset' | 'exists';
};

export const MAIL_JOB = 'mail.send';

/**
 * How much mail one address receives at most of the kinds anyone can ask for by typing it: no form, however often it
 * is sent, floods a mailbox (a reset link was once requested 58 times for one address). Counted over the jobs table,
 * so across processes. Mail that follows from an officer's or the system's work (a decision, an escalation, a
 * reminder) is never held back: it is what the recipient is waiting for.
 */
export const MAIL_LIMITS = { perHour: 5, sameKindPerHour: 3 };
/** The lock space in which the mails asked for one address take turns (takeTurn). */
const MAIL_LIMIT_LOCK_SPACE = 7461;

/**
 * Mail is never sent inside a request: it is queued with the change that caused it and sent by the job runner.
 * A mail of a `kind` over the address's hourly limit is not queued (the change itself goes ahead); returns whether
 * it was queued.
 */
export async function enqueueMail(executor: Executor, message: MailMessage): Promise<boolean> {
  if (!message.kind) {
    await enqueueJob(executor, MAIL_JOB, message);
    return true;
  }
  // Requests for one address take turns from the count to the commit, or simultaneous ones (in any process) would
  // each find room under the limit.
  return executor.transaction(async (tx) => {
    await takeTurn(tx, MAIL_LIMIT_LOCK_SPACE, message.to);
    const [sent] = await queryRows<{ all: number; same: number }>(
      tx,
      sql`select count(*)::int as "all", count(*) filter (where payload->>'kind' = ${message.kind})::int as same
        from jobs where kind = ${MAIL_JOB} and payload->>'to' = ${message.to} and payload ? 'kind' and created_at > now() - interval '1 hour'`,
    );
    if (sent && (sent.all >= MAIL_LIMITS.perHour || sent.same >= MAIL_LIMITS.sameKindPerHour)) return false;
    await enqueueJob(tx, MAIL_JOB, message);
    return true;
  });
}

export type Mailer = { send(message: MailMessage): Promise<void> };

/** SMTP when SMTP_URL is set; otherwise each message becomes an .eml file under <data>/mail for a person to open. */
export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string; log: Logger }): Mailer {
  // nodemailer is loaded with the first message, not at every start.
  let transporter: Promise<Transporter> | undefined;
  const transport = (settings: string | object) =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(settings)));
  if (options.smtpUrl) {
    const smtpUrl = options.smtpUrl;
    return {
      async send(message) {
        const info = await (await transport(smtpUrl)).sendMail({ from: options.from, ...message });
        options.log.info({ messageId: info.messageId }, 'mail sent');
      },
    };
  }
  const folder = path.join(options.dataDir, 'mail');
  return {
    async send(message) {
      const info = await (
        await transport({ streamTransport: true, buffer: true, newline: 'unix' })
      ).sendMail({ from: options.from, ...message });
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(
        folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`,
      );
      await fs.writeFile(file, info.message as Buffer);
      options.log.info({ file }, 'mail written');
    },
  };
}

import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Transporter } from 'nodemailer';
import type { Executor } from '../db/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';

export type MailMessage = { to: string; subject: string; text: string; html?: string };

export const MAIL_JOB = 'mail.send';

/** Mail is never sent inside a request: it is queued with the change that caused it and sent by the job runner. */
export function enqueueMail(tx: Executor, message: MailMessage): Promise<void> {
  return enqueueJob(tx, MAIL_JOB, message);
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
      const info = await (await transport({ streamTransport: true, buffer: true, newline: 'unix' })).sendMail({ from: options.from, ...message });
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      options.log.info({ file }, 'mail written');
    },
  };
}

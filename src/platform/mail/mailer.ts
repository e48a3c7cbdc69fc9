import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import nodemailer from 'nodemailer';
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
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(message) {
        const info = await transport.sendMail({ from: options.from, ...message });
        options.log.info({ messageId: info.messageId }, 'mail sent');
      },
    };
  }
  const folder = path.join(options.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      await fs.mkdir(folder, { recursive: true });
      const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      options.log.info({ file }, 'mail written');
    },
  };
}

import type { JobRunner } from '../jobs/runner.ts';
import { MAIL_JOB, type Mailer, type MailMessage } from './mailer.ts';

export function registerMailJob(jobs: JobRunner, mailer: Mailer): void {
  jobs.register(MAIL_JOB, (payload) => mailer.send(payload as MailMessage));
}

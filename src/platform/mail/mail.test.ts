import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { expect, inject, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { uniqueEmail } from '../../../test/factories.ts';
import { JobRunner } from '../jobs/runner.ts';
import { jobs } from '../jobs/schema.ts';
import { createLogger } from '../log.ts';
import { registerMailJob } from './mail-job.ts';
import { MAIL_JOB, MAIL_LIMITS, createMailer, enqueueMail } from './mailer.ts';

/** A logger at info level whose lines land in an array. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('info', stream), lines };
}

const emlFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : []);

describeDb('mail', (ctx) => {
  it('queues mail with the change and, without SMTP, writes one .eml file per message when the job runs', async () => {
    // The run-wide folder all test apps mail into: another app's runner on the shared database may send ours.
    const dataDir = inject('testDataDir');
    const { log, lines } = capturedLogger();
    const runner = new JobRunner(ctx.db, log);
    registerMailJob(runner, createMailer({ from: 'Sikoe <no-reply@sikoe.local>', dataDir, log }));
    const to = uniqueEmail('mail');
    const body = 'Kode verifikasi rahasia: 918273 https://sikoe.local/verify?token=secret-mail-token';

    await ctx.db.transaction((tx) => enqueueMail(tx, { to, subject: 'Verify your Sikoe account', text: body }));
    const [queued] = await ctx.db
      .select()
      .from(jobs)
      .where(sql`${jobs.kind} = ${MAIL_JOB} and ${jobs.payload}->>'to' = ${to}`);
    expect(queued).toMatchObject({ attempts: 0, doneAt: null });
    const mailTo = () =>
      emlFiles(path.join(dataDir, 'mail'))
        .map((f) => fs.readFileSync(path.join(dataDir, 'mail', f), 'utf8'))
        .filter((text) => text.includes(`To: ${to}`));
    expect(mailTo()).toEqual([]);

    let ours: string[] = [];
    for (let attempt = 0; attempt < 50 && ours.length === 0; attempt++) {
      await runner.runDue();
      ours = mailTo();
      if (ours.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ours).toHaveLength(1);
    const eml = ours[0]!;
    expect(eml).toMatch(/^Subject: Verify your Sikoe account$/m);
    expect(eml).toMatch(/^From: Sikoe <no-reply@sikoe\.local>$/m);
    expect(eml).toContain('918273');
    const [done] = await ctx.db.select().from(jobs).where(eq(jobs.id, queued!.id));
    expect(done!.doneAt).toBeInstanceOf(Date);

    const written = lines.filter((l) => l.includes('mail written'));
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      expect(line).not.toContain('918273');
      expect(line).not.toContain('secret-mail-token');
      expect(line).not.toContain(to);
    }
  });

  it('writes non-ASCII subjects so that mail programs decode them', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-test-mail-'));
    const { log } = capturedLogger();
    const mailer = createMailer({ from: 'Sikoe <no-reply@sikoe.local>', dataDir, log });
    await mailer.send({
      to: 'maria@example.org',
      subject: 'Akun petugas Sikoe — selamat datang',
      text: 'Halo Maria,\n\nSelamat bergabung.',
    });
    const [file] = emlFiles(path.join(dataDir, 'mail'));
    const eml = fs.readFileSync(path.join(dataDir, 'mail', file!), 'utf8');
    const subject = /^Subject: (.*)$/m.exec(eml)?.[1] ?? '';
    expect(subject).toMatch(/^=\?UTF-8\?/i);
    expect(eml).toMatch(/^To: maria@example\.org$/m);
  });

  it('reports a failed SMTP delivery (for the job to retry) without logging the message', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-test-mail-'));
    const { log, lines } = capturedLogger();
    // Nothing listens on port 1: the connection is refused at once. (Sent directly: a runner here would also pick
    // up, and fail, mail that other tests queued on the shared database.)
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'Sikoe <no-reply@sikoe.local>', dataDir, log });
    await expect(
      mailer.send({ to: uniqueEmail('smtp'), subject: 'Reset', text: 'reset-secret-4711' }),
    ).rejects.toThrow();
    expect(emlFiles(path.join(dataDir, 'mail'))).toEqual([]);
    for (const line of lines) expect(line).not.toContain('reset-secret-4711');
  });

  it('holds back the links anyone can ask for over the hourly limit, never the mail that follows from work on a case', async () => {
    const to = uniqueEmail('limit');
    const queue = (message: Partial<Parameters<typeof enqueueMail>[1]>) =>
      ctx.db.transaction((tx) => enqueueMail(tx, { to, subject: 's', text: 't', ...message }));
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) results.push(await queue({ kind: 'reset' }));
    for (let i = 0; i < 4; i++) results.push(await queue({ kind: 'verify' }));
    // Three of one kind, five of these kinds in all.
    expect(results).toEqual([true, true, true, false, true, true, false, false]);
    expect(MAIL_LIMITS).toEqual({ perHour: 5, sameKindPerHour: 3 });
    for (let i = 0; i < 12; i++) expect(await queue({ subject: `Pengaduan ${i} melewati batas waktu` })).toBe(true);
    expect(await ctx.db.$count(jobs, sql`${jobs.kind} = ${MAIL_JOB} and ${jobs.payload}->>'to' = ${to}`)).toBe(17);
  });
});

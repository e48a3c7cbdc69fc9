// Helpers shared by the accounts and officers tests (not loaded by the application).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../platform/audit/schema.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { jobs } from '../platform/jobs/schema.ts';
import type { App } from '../platform/http/server.ts';
import type { Config } from '../config.ts';
import { Browser } from '../../test/http.ts';

export type Mail = { file: string; to: string; subject: string; text: string };

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === '=' ? soft.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** Reads one .eml written by the file mailer: headers and the decoded plain-text body. */
export function parseEml(file: string): Mail {
  const raw = fs.readFileSync(file, 'utf8');
  const split = raw.indexOf('\n\n');
  const head = raw.slice(0, split).replace(/\n[ \t]+/g, ' ');
  const body = raw.slice(split + 2);
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text = encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : body;
  return { file, to: header('To'), subject: decodeHeader(header('Subject')), text };
}

function mailFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Runs the due jobs and returns the mails written to `to`, oldest first, once there are at least `min`.
 * Test files share the jobs table (all of them on PostgreSQL), so another test app's runner may have sent our
 * mail into its own data folder: those folders are searched too (addresses are unique per test).
 */
export async function mailsTo(ctx: { app: App; config: Config }, to: string, min = 1): Promise<Mail[]> {
  const own = path.join(ctx.config.dataDir, 'mail');
  for (let attempt = 0; attempt < 60; attempt++) {
    await ctx.app.deps.jobs.runDue();
    const others = fs
      .readdirSync(os.tmpdir())
      .filter((d) => d.startsWith('sikoe-test-'))
      .map((d) => path.join(os.tmpdir(), d, 'mail'))
      .filter((d) => d !== own);
    const found = [own, ...others].flatMap(mailFiles).map(parseEml).filter((m) => m.to === to);
    if (found.length >= min) return found.sort((a, b) => path.basename(a.file).localeCompare(path.basename(b.file)));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${min} mail(s) to ${to}`);
}

/** The path and query of the first link in the mail to the given path, e.g. "/verify?token=…". */
export function linkIn(mail: Mail, pathname: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${pathname.replace(/[/?]/g, '\\$&')}\\?token=[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return match[1]!;
}

/** Mail jobs queued for an address, sent or not. */
export async function queuedMailCount(db: Executor, to: string): Promise<number> {
  const rows = await db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${to}`));
  return rows.length;
}

export async function accountByEmail(db: Executor, email: string) {
  const rows = await db.select().from(accounts).where(eq(accounts.email, email));
  return rows;
}

export async function auditFor(db: Executor, targetId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, targetId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(auditLog.id);
}

/** Page bodies differ only by their fresh CSRF tokens. */
export const withoutCsrf = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');

/** A browser signed in through the login form (the password step only). */
export async function signedInBrowser(app: App, email: string, password: string, next?: string) {
  const browser = new Browser(app);
  const res = await browser.post(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, { email, password }, '/login');
  return { browser, res };
}

export function sessionCookieFrom(res: { headers: Record<string, unknown> }): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  return all.find((c) => c.startsWith('sikoe_session='));
}

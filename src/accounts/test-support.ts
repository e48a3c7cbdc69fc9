// Helpers shared by the accounts and officers tests (not loaded by the application).
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../platform/audit/schema.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { jobs } from '../platform/jobs/schema.ts';
import type { App } from '../platform/http/server.ts';
import { Browser } from '../../test/http.ts';

/** Mail jobs queued for an address, sent or not. */
export async function queuedMailCount(db: Executor, to: string): Promise<number> {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${to}`));
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

/** A browser signed in through the login form (the password step only), optionally as a given browser. */
export async function signedInBrowser(app: App, email: string, password: string, next?: string, userAgent?: string) {
  const browser = new Browser(app);
  await browser.get('/login');
  const res = await browser.request({
    method: 'POST',
    url: `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`,
    form: { email, password },
    headers: userAgent ? { 'user-agent': userAgent } : {},
  });
  return { browser, res };
}

export function sessionCookieFrom(res: { headers: Record<string, unknown> }): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  return all.find((c) => c.startsWith('sikoe_session='));
}

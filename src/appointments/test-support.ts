// Helpers shared by the booking tests (not loaded by the application).
import { and, eq } from 'drizzle-orm';
import { vi } from 'vitest';
import type { Application } from '../applications/schema.ts';
import { accounts } from '../platform/auth/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Executor } from '../platform/db/index.ts';
import type { App } from '../platform/http/server.ts';
import { Browser } from '../../test/http.ts';
import { sessionCookie } from '../../test/factories.ts';
export { challengeIn, formTokenIn, solveAltcha } from '../../test/proof.ts';
import { bookAppointment } from './book-appointment.ts';
import { dayQuotas, type Channel } from './schema.ts';

const rules = { windowDays: 30, opensAt: '08:00', billingValidMinutes: 120 };

/** A browser signed in as the account that owns the application. */
export async function ownerBrowser(
  app: App,
  db: Executor,
  application: Pick<Application, 'accountId'>,
): Promise<Browser> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, application.accountId));
  return new Browser(app).setCookie(await sessionCookie(db, account!));
}

/** Books a date directly through the use case (for tests about what comes after booking). */
export function bookDirectly(app: App, application: { id: string }, date: string, now = new Date()) {
  return app.deps.database.db.transaction((tx) =>
    bookAppointment(
      tx,
      { ...systemCaller('test'), actor: null },
      { applicationId: application.id, date },
      rules,
      app.deps.secrets.qr,
      now,
    ),
  );
}

export async function bookedOn(
  db: Executor,
  unitCode: string,
  date: string,
  channel: Channel = 'online',
): Promise<number> {
  const [day] = await db
    .select({ booked: dayQuotas.booked })
    .from(dayQuotas)
    .where(and(eq(dayQuotas.unitCode, unitCode), eq(dayQuotas.date, date), eq(dayQuotas.channel, channel)));
  return day?.booked ?? 0;
}

/** Each day of the booking list by its written name: open, full or closed. */
export function dayStates(html: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const m of html.matchAll(/<li class="day day-(open|full|closed)">(.*?)<\/li>/gs)) {
    const name = /<span class="day-name">([^<]+)<\/span>/.exec(m[2]!)?.[1];
    if (name) states.set(name, m[1]!);
  }
  return states;
}

/** Runs the body with the clock moved forward (Date only: timers and the database keep real time). */
export async function later<T>(seconds: number, body: () => Promise<T>): Promise<T> {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now + seconds * 1000);
  try {
    return await body();
  } finally {
    vi.useRealTimers();
  }
}

// Helpers shared by the queue tests (not loaded by the application).
import { createApiToken } from '../accounts/api-tokens.ts';
import { signAppointmentQr } from '../appointments/qr.ts';
import { makeCase } from '../cases/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/server.ts';
import type { OpeningHours } from '../units/schema.ts';
import { eq } from 'drizzle-orm';
import { makeApplication, makeOfficer, makeUnit } from '../../test/factories.ts';
import { applicationActions, applications } from '../applications/schema.ts';
import { appointments, quotaOverrides } from '../appointments/schema.ts';
import { queueTickets } from './schema.ts';

/** An applicant booked for today at the unit (paid unless `status: 'booked'`), not yet checked in. */
export const bookedToday = (
  db: Db,
  unitCode: string,
  options: { status?: 'booked' | 'paid' } & Parameters<typeof makeApplication>[1] = { unitCode },
) =>
  makeCase(db, { ...options, unitCode, status: options.status ?? 'paid', paid: (options.status ?? 'paid') === 'paid' });

/** The QR the applicant's booking proof carries (or one signed for another date or unit). */
export const qrOf = (
  app: App,
  arrival: { appointmentId: string; nik: string | null; unitCode: string | null },
  over: { date?: string; unitCode?: string } = {},
) =>
  signAppointmentQr(app.deps.secrets.qr, {
    id: arrival.appointmentId,
    nik: arrival.nik!,
    date: over.date ?? witaDate(),
    unitCode: over.unitCode ?? arrival.unitCode!,
  });

/** Open every minute of every day, so that walk-in tests pass at whatever hour they run. */
export const alwaysOpen: OpeningHours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
) as OpeningHours;

/** Today's priority capacity at the unit. */
export const priorityQuota = (db: Db, unitCode: string, capacity: number) =>
  db.insert(quotaOverrides).values({ unitCode, date: witaDate(), channel: 'priority', capacity });

/** An API client acting as the account, by bearer token. */
export function apiAs(app: App, db: Db) {
  const tokens = new Map<string, string>();
  return async (account: { id: string }, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) => {
    if (!tokens.has(account.id))
      tokens.set(
        account.id,
        (await db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token,
      );
    return app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { authorization: `Bearer ${tokens.get(account.id)}` },
    });
  };
}

/** A unit open at every hour and a counter officer there. */
export async function counterAtOpenUnit(db: Db) {
  const unit = await makeUnit(db, { openingHours: alwaysOpen });
  return { unit, officer: await makeOfficer(db, { role: 'counter_officer', unitCode: unit.code }) };
}

/** What a refused arrival must leave untouched: the application's status and its tickets, actions, appointments. */
export async function arrivalState(db: Db, applicationId: string) {
  const [row] = await db
    .select({ status: applications.status })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return {
    status: row!.status,
    tickets: await db.$count(queueTickets, eq(queueTickets.applicationId, applicationId)),
    actions: await db.$count(applicationActions, eq(applicationActions.applicationId, applicationId)),
    appointments: await db.$count(appointments, eq(appointments.applicationId, applicationId)),
  };
}

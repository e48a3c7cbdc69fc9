import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { lockApplication } from '../applications/get-application.ts';
import { isBooked } from '../applications/application-statuses.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { sqlState, type Executor, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { bookAppointment } from './book-appointment.ts';
import type { Booked, BookingRules } from './book-appointment.ts';
import type { WindowRules } from './booking-window.ts';
import { bookingSettings } from './booking-settings.ts';
import { capacities, returnPlace } from './capacity.ts';
import { assertServingDate, channelOf } from './date-rules.ts';
import { releasePlace } from './release-place.ts';
import { waitlist } from './schema.ts';

const live = ['waiting', 'offered'] as const;
const dateError = (key: 'notFull' | 'tooMany' | 'already') =>
  new AppError('validation_failed', { date: `booking.waitlist.${key}` });

/** The application's waiting and offered places, oldest first. */
export function waitlistEntries(db: Executor, applicationId: string) {
  return db
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.applicationId, applicationId), inArray(waitlist.state, [...live])))
    .orderBy(asc(waitlist.date));
}

/** Puts a submitted application on the waiting list of a full date it could otherwise book. */
export async function joinWaitlist(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; date: IsoDate },
  rules: WindowRules,
  now = new Date(),
) {
  const application = await lockApplication(tx, input.applicationId);
  if (isBooked(application.status)) throw new AppError('already_booked');
  if (application.status !== 'submitted' || !application.unitCode || !application.passportType)
    throw new AppError('invalid_transition');
  const unitCode = application.unitCode;
  await assertServingDate(tx, { unitCode, passportType: application.passportType, date: input.date }, rules, now);
  const channel = channelOf(application);
  const { capacity, booked } = (await capacities(tx, unitCode, channel, input.date, input.date))(input.date);
  if (capacity === 0) throw new AppError('date_closed');
  if (booked < capacity) throw dateError('notFull');
  const entries = await waitlistEntries(tx, application.id);
  if (entries.some((e) => e.date === input.date)) throw dateError('already');
  if (entries.length >= bookingSettings.waitlistPerApplication) throw dateError('tooMany');
  let entryId: string;
  try {
    const [row] = await tx
      .insert(waitlist)
      .values({ unitCode, date: input.date, channel, applicationId: application.id })
      .returning({ id: waitlist.id });
    entryId = row!.id;
  } catch (err) {
    if (sqlState(err) === '23505') throw dateError('already');
    throw err;
  }
  await recordAction(tx, caller, {
    applicationId: application.id,
    type: 'waitlist_joined',
    payload: { entryId, date: input.date },
  });
  await appendAudit(tx, caller, {
    action: 'waitlist.join',
    targetType: 'waitlist',
    targetId: entryId,
    unitCode,
    details: { date: input.date },
  });
  return { id: entryId, date: input.date, state: 'waiting' as const };
}

async function liveEntry(tx: Tx, input: { applicationId: string; entryId: string }) {
  const [entry] = await tx
    .select()
    .from(waitlist)
    .where(and(eq(waitlist.id, input.entryId), eq(waitlist.applicationId, input.applicationId)))
    .for('update');
  if (!entry) throw new AppError('not_found');
  return entry;
}

/** Leaves a waiting list; a place held for this application goes on to the next in line. */
export async function leaveWaitlist(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; entryId: string },
  now = new Date(),
): Promise<void> {
  const entry = await liveEntry(tx, input);
  if (entry.state !== 'waiting' && entry.state !== 'offered') throw new AppError('invalid_transition');
  await tx.update(waitlist).set({ state: 'withdrawn' }).where(eq(waitlist.id, entry.id));
  await recordAction(tx, caller, {
    applicationId: entry.applicationId,
    type: 'waitlist_left',
    payload: { entryId: entry.id, date: entry.date },
  });
  await appendAudit(tx, caller, {
    action: 'waitlist.leave',
    targetType: 'waitlist',
    targetId: entry.id,
    unitCode: entry.unitCode,
    details: { date: entry.date },
  });
  if (entry.state === 'offered') await releasePlace(tx, caller, entry, now);
}

/**
 * Takes the place held for this application. The held place is given back and booked again in this transaction,
 * so the booking is bookAppointment's own (its checks, billing code, expiry job, confirmation mail) and the row
 * lock on the day's counter keeps anyone else from taking the place in between.
 */
export async function acceptOffer(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; entryId: string },
  rules: BookingRules,
  qrSecret: string,
  now = new Date(),
): Promise<Booked> {
  const entry = await liveEntry(tx, input);
  if (entry.state !== 'offered' || !entry.holdUntil || entry.holdUntil <= now) throw new AppError('invalid_transition');
  await returnPlace(tx, entry.unitCode, entry.date, entry.channel);
  const booked = await bookAppointment(
    tx,
    caller,
    { applicationId: entry.applicationId, date: entry.date },
    rules,
    qrSecret,
    now,
  );
  await tx.update(waitlist).set({ state: 'accepted' }).where(eq(waitlist.id, entry.id));
  await recordAction(tx, caller, {
    applicationId: entry.applicationId,
    type: 'waitlist_accepted',
    payload: { entryId: entry.id, date: entry.date, appointmentId: booked.appointment.id },
  });
  await appendAudit(tx, caller, {
    action: 'waitlist.accept',
    targetType: 'waitlist',
    targetId: entry.id,
    unitCode: entry.unitCode,
    details: { date: entry.date },
  });
  return booked;
}

import type { Application } from '../applications/schema.ts';
import { bookAppointment, type Booked, type BookingRules } from '../appointments/book-appointment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assertCanJoin, linkParticipant } from './link-participant.ts';
import { findSessionByCode } from './load-session.ts';
import { performSessionAction } from './perform-session-action.ts';

/**
 * A participant applies through the normal application and gives the session's code instead of picking a date:
 * the application is booked on the session's date at its unit, from the session's places in the `eazy_paspor`
 * channel, and joins the session's participants. Sending the same code again returns the same booking.
 */
export async function joinSession(
  tx: Tx,
  caller: Caller,
  input: { application: Application; sessionCode: string },
  bookingRules: BookingRules,
  qrSecret: string,
  now = new Date(),
): Promise<Booked & { sessionId: string }> {
  const found = await findSessionByCode(tx, input.sessionCode);
  if (!found || !found.date) throw new AppError('validation_failed', { sessionCode: 'outreach.v.sessionCode' });
  const joined: { booked?: Booked } = {};
  await performSessionAction(tx, caller, { sessionId: found.id, step: 'join' }, async (session) => {
    assertCanJoin(session, input.application, 'sessionCode');
    const booked = await bookAppointment(
      tx,
      caller,
      { applicationId: input.application.id, date: session.date!, channel: 'eazy_paspor', mail: false },
      bookingRules,
      qrSecret,
      now,
    );
    joined.booked = booked;
    if (!booked.created && input.application.outreachSessionId === session.id) return null;
    const { participantId } = await linkParticipant(tx, session, input.application, 'online');
    return { payload: { applicationId: input.application.id, participantId } };
  });
  return { ...joined.booked!, sessionId: found.id };
}

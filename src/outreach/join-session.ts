import { eq } from 'drizzle-orm';
import type { Application } from '../applications/schema.ts';
import { bookAppointment, type Booked, type BookingRules } from '../appointments/book-appointment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { normaliseSessionCode } from './codes.ts';
import { assertCanJoin, linkParticipant } from './link-participant.ts';
import { outreachSessions } from './schema.ts';
import { recordSessionAction } from './session-actions.ts';

/**
 * A participant applies through the normal application and gives the session's code instead of picking a date:
 * the application is booked on the session's date at its unit, from the session's places in the `eazy_paspor`
 * channel, and joins the session's participants. Sending the same code again returns the same booking.
 */
export async function joinSession(
  tx: Tx,
  caller: Caller,
  input: { application: Application; sessionCode: string },
  rules: BookingRules,
  qrSecret: string,
  now = new Date(),
): Promise<Booked & { sessionId: string }> {
  const [session] = await tx.select().from(outreachSessions).where(eq(outreachSessions.sessionCode, normaliseSessionCode(input.sessionCode))).for('update');
  if (!session || !session.date) throw new AppError('validation_failed', { sessionCode: 'outreach.v.sessionCode' });
  assertCanJoin(session, input.application, 'sessionCode');
  const booked = await bookAppointment(tx, caller, { applicationId: input.application.id, date: session.date, channel: 'eazy_paspor' }, rules, qrSecret, now);
  if (booked.created || input.application.outreachSessionId !== session.id) {
    const { participantId } = await linkParticipant(tx, session, input.application, 'online');
    await recordSessionAction(tx, caller, { sessionId: session.id, unitCode: session.unitCode, type: 'participant_joined', payload: { applicationId: input.application.id, participantId } });
  }
  return { ...booked, sessionId: session.id };
}

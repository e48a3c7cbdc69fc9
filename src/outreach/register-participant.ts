import { and, eq } from 'drizzle-orm';
import { applications } from '../applications/schema.ts';
import { normaliseTrackingCode } from '../applications/tracking-code.ts';
import { placeOutreachAppointment } from '../appointments/place-outreach-appointment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assertCanJoin, linkParticipant } from './link-participant.ts';
import { lockSession } from './load-session.ts';
import { outreachActions } from './schema.ts';
import { recordSessionAction } from './session-actions.ts';

export type OnsiteRegistration = { sessionId: string; trackingCode: string; birthDate: IsoDate; requestId: string };

/**
 * On site, an officer adds someone who has a submitted application to the session, found by tracking code and
 * birth date (an unknown code and a wrong birth date get the same answer); one who had not booked gets the session's
 * day as their appointment. The form's request id makes a resend
 * after a dropped connection return the first registration and change nothing.
 */
export async function registerParticipant(tx: Tx, caller: Caller, input: OnsiteRegistration): Promise<{ participantId: string; applicationId: string; created: boolean }> {
  const session = await lockSession(tx, input.sessionId);
  // The session's history holds each request id once: a resend finds the registration it made.
  const [again] = await tx
    .select({ payload: outreachActions.payload })
    .from(outreachActions)
    .where(and(eq(outreachActions.subjectId, session.id), eq(outreachActions.requestId, input.requestId)));
  if (again) {
    const { participantId, applicationId } = again.payload as { participantId: string; applicationId: string };
    return { participantId, applicationId, created: false };
  }

  const [application] = await tx.select().from(applications).where(eq(applications.trackingCode, normaliseTrackingCode(input.trackingCode))).for('update');
  if (!application || application.birthDate !== input.birthDate || application.status === 'draft') {
    throw new AppError('validation_failed', { trackingCode: 'outreach.v.applicationNotFound' });
  }
  assertCanJoin(session, application, 'trackingCode');
  const { participantId } = await linkParticipant(tx, session, application, 'onsite', input.requestId);
  // Someone who applied but never booked gets the session's day as their appointment, so check-in works on site.
  if (application.status === 'submitted') {
    await placeOutreachAppointment(tx, caller, { application, unitCode: session.unitCode, date: session.date!, channel: 'eazy_paspor', link: { outreachSessionId: session.id } });
  }
  await recordSessionAction(tx, caller, {
    sessionId: session.id,
    unitCode: session.unitCode,
    type: 'participant_registered',
    payload: { applicationId: application.id, participantId },
    requestId: input.requestId,
  });
  return { participantId, applicationId: application.id, created: true };
}

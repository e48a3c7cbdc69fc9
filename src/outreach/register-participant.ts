import { lockApplicationByTrackingCode } from '../applications/lock-application-by-tracking-code.ts';
import { placeOutreachAppointment } from '../appointments/place-outreach-appointment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assertCanJoin, linkParticipant } from './link-participant.ts';
import { performSessionAction } from './perform-session-action.ts';

export type OnsiteRegistration = { sessionId: string; trackingCode: string; birthDate: IsoDate; requestId: string };

/**
 * On site, an officer adds someone who has a submitted application to the session, found by tracking code and
 * birth date (an unknown code and a wrong birth date get the same answer); one who had not booked gets the session's
 * day as their appointment. The form's request id makes a resend
 * after a dropped connection return the first registration and change nothing.
 */
export async function registerParticipant(
  tx: Tx,
  caller: Caller,
  input: OnsiteRegistration,
): Promise<{ participantId: string; applicationId: string; created: boolean }> {
  const { action, repeated } = await performSessionAction(
    tx,
    caller,
    { sessionId: input.sessionId, step: 'register', requestId: input.requestId },
    async (session) => {
      const application = await lockApplicationByTrackingCode(tx, input.trackingCode);
      if (!application || application.birthDate !== input.birthDate || application.status === 'draft') {
        throw new AppError('validation_failed', { trackingCode: 'outreach.v.applicationNotFound' });
      }
      assertCanJoin(session, application, 'trackingCode');
      const { participantId } = await linkParticipant(tx, session, application, 'onsite', input.requestId);
      // Someone who applied but never booked gets the session's day as their appointment, so check-in works on site.
      if (application.status === 'submitted') {
        await placeOutreachAppointment(tx, caller, {
          application,
          unitCode: session.unitCode,
          date: session.date!,
          channel: 'eazy_paspor',
          link: { outreachSessionId: session.id },
        });
      }
      return { payload: { applicationId: application.id, participantId } };
    },
  );
  // A resend finds the registration its request id made in the session's history.
  const { participantId, applicationId } = action!.payload as { participantId: string; applicationId: string };
  return { participantId, applicationId, created: !repeated };
}

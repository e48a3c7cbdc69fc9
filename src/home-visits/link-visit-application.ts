import { linkApplicationToOutreach } from '../applications/link-application-to-outreach.ts';
import { lockApplicationByTrackingCode } from '../applications/lock-application-by-tracking-code.ts';
import { placeOutreachAppointment } from '../appointments/place-outreach-appointment.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { performVisitAction } from './perform-visit-action.ts';
import type { HomeVisit } from './schema.ts';

export type LinkInput = { visitId: string; trackingCode: string; birthDate: IsoDate; requestId?: string | null };

/**
 * Ties the applicant's submitted application (the normal one, with the normal fee) to a scheduled visit. The
 * application gets an appointment on the visit day (placeOutreachAppointment): on the day the officers check the
 * applicant in with the usual check-in (tracking code and birth date) and run the counter steps on site. The application must be the visit's applicant: its birth
 * date is given and its NIK must be the one on the request; anything else answers "not found".
 */
export function linkVisitApplication(tx: Tx, caller: Caller, input: LinkInput): Promise<HomeVisit> {
  return performVisitAction(
    tx,
    caller,
    { visitId: input.visitId, step: 'link', requestId: input.requestId },
    async (visit) => {
      const application = await lockApplicationByTrackingCode(tx, input.trackingCode);
      if (
        !application ||
        application.status === 'draft' ||
        application.birthDate !== input.birthDate ||
        application.nik !== visit.applicantNik
      ) {
        throw new AppError('validation_failed', { trackingCode: 'homeVisits.v.applicationNotFound' });
      }
      if (visit.applicationId === application.id) return null;
      if (visit.applicationId || application.homeVisitId) throw new AppError('conflict');
      if (application.unitCode !== visit.unitCode) throw new AppError('wrong_unit');

      await linkApplicationToOutreach(tx, application.id, { homeVisitId: visit.id });
      await placeOutreachAppointment(tx, caller, {
        application,
        unitCode: visit.unitCode,
        date: visit.visitDate!,
        channel: 'priority',
        link: { homeVisitId: visit.id },
      });
      return {
        set: { applicationId: application.id },
        payload: { applicationId: application.id, trackingCode: application.trackingCode },
      };
    },
  );
}

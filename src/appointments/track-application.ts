import { findByTrackingCode } from '../applications/find-by-tracking-code.ts';
import type { Executor } from '../platform/db/index.ts';
import { currentAppointment } from './live-appointment.ts';

/**
 * Public status by tracking code and birth date. Unknown code and wrong birth date give the same null, so the
 * lookup cannot tell anyone whether a code exists; it reveals status, office and date (of the live appointment, or
 * of the visit once the applicant came), nothing personal.
 */
export async function trackApplication(db: Executor, code: string, birthDate: string) {
  const application = await findByTrackingCode(db, { code, birthDate });
  if (!application) return null;
  const appointment = await currentAppointment(db, application.id);
  return {
    trackingCode: application.trackingCode,
    status: application.status,
    unitCode: application.unitCode,
    appointmentDate: appointment?.date ?? null,
  };
}

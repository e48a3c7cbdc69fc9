import { serverSecret } from '../platform/db/secrets.ts';
import type { App } from '../platform/http/server.ts';
import { FormProof } from '../platform/proof/form-proof.ts';
import { registerAppointmentApi } from './api-routes.ts';
import { registerAppointmentPages } from './appointment-page-routes.tsx';
import { registerBookingAssets } from './booking-asset-routes.ts';
import { registerBookingPages } from './booking-page-routes.tsx';
import { bookingSettings } from './booking-settings.ts';
import { registerDayListRoutes } from './day-list-page-routes.tsx';
import { registerAppointmentJobs } from './jobs.ts';
import { registerAppointmentManageApi } from './manage-api-routes.ts';
import { registerBookingOfficeRoutes } from './officer-page-routes.tsx';
import { registerTrackPages } from './track-page-routes.tsx';
import { registerWaitlistJobs } from './waitlist-jobs.ts';
import type { WaitingRoom } from '../waiting-room/register.ts';

/** What settles a paid billing code, for payments' notification route (payments sit below appointments). */
export { appointmentPaid, settleBilling } from './settle-billing.ts';
/** For units (below appointments): a unit with live appointments does not stop serving. */
export { countLiveAppointmentsAt } from './live-appointment.ts';

/**
 * Booking with its anti-scalper proof (and, at quota release, the waiting room's pass: `waitingRoom`), the appointment, tracking, the waitlist and the API; the office's quotas and
 * day list; the expiry, reminder and waitlist jobs.
 */
export async function registerAppointments(app: App, given: { waitingRoom: WaitingRoom }): Promise<void> {
  const { database, jobs, config } = app.deps;
  registerAppointmentApi(app, given.waitingRoom);
  registerBookingOfficeRoutes(app);
  registerDayListRoutes(app);
  registerAppointmentJobs(jobs, database.db, config.publicUrl);
  const proof = new FormProof(
    () => database.db,
    await serverSecret(database.db, 'booking-proof'),
    bookingSettings,
    'booking.proof',
  );
  registerBookingAssets(app);
  registerBookingPages(app, proof, given.waitingRoom);
  registerAppointmentPages(app);
  registerTrackPages(app);
  registerAppointmentManageApi(app);
  registerWaitlistJobs(jobs, database.db, config.publicUrl);
}

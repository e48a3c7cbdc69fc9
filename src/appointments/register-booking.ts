import { serverSecret } from '../platform/db/secrets.ts';
import type { App } from '../platform/http/server.ts';
import { FormProof } from '../platform/proof/form-proof.ts';
import { registerAppointmentPages } from './appointment-pages.tsx';
import { registerBookingAssets } from './booking-assets.ts';
import { registerBookingPages } from './booking-pages.tsx';
import { bookingSettings } from './booking-settings.ts';
import { registerAppointmentManageApi } from './manage-api.ts';
import { registerTrackPages } from './track-pages.tsx';
import { registerWaitlistJobs } from './waitlist-jobs.ts';

/** What a citizen sees after applying: booking with its anti-scalper proof, the appointment, tracking, the waitlist. */
export async function registerBooking(app: App): Promise<void> {
  const { database, jobs, config } = app.deps;
  const proof = new FormProof(() => database.db, await serverSecret(database.db, 'booking-proof'), bookingSettings, 'booking.proof');
  registerBookingAssets(app);
  registerBookingPages(app, proof);
  registerAppointmentPages(app);
  registerTrackPages(app);
  registerAppointmentManageApi(app);
  registerWaitlistJobs(jobs, database.db, config.publicUrl);
}

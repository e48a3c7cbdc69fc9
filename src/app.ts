import type { DestinationStream, Logger } from 'pino';
import type { Config } from './platform/config.ts';
// Every feature's words reach i18n on import, before any page is written.
import './messages.ts';
import { registerAccountRoutes } from './accounts/routes.tsx';
import { registerHomeRoutes } from './home/routes.tsx';
import { registerMailJob } from './platform/mail/mail-job.ts';
import { serverSecret } from './platform/db/secrets.ts';
import type { Database } from './platform/db/index.ts';
import { registerHealthRoutes } from './platform/http/health.ts';
import { createServer, type App } from './platform/http/server.ts';
import { JobRunner } from './platform/jobs/runner.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createLogger } from './platform/log.ts';
import { registerStorageJobs } from './platform/storage/delete-job.ts';
import { openStorage } from './platform/storage/open-storage.ts';
import { registerRegionRoutes } from './regions/routes.tsx';
import { registerUnitRoutes } from './units/routes.tsx';
import { registerOfficerRoutes } from './officers/routes.tsx';
import { registerSetupRoutes } from './officers/setup-routes.tsx';
import { registerApplicationApi } from './applications/api-routes.ts';
import { registerApplicationPages } from './applications/page-routes.tsx';
import { registerAppointmentApi } from './appointments/api-routes.ts';
import { registerAppointmentJobs } from './appointments/jobs.ts';
import { registerBooking } from './appointments/register-booking.ts';
import { registerBookingOfficeRoutes } from './appointments/officer-routes.tsx';
import { settleBilling } from './appointments/settle-billing.ts';
import { registerPaymentRoutes } from './payments/routes.tsx';
import { registerPassportJobs } from './passports/jobs.ts';
import { registerPassportRoutes } from './passports/routes.ts';
import { pickupSlotsBetween } from './passports/saturday-slots.ts';
import { registerQueueRoutes } from './queue/routes.ts';
import { registerCaseApi } from './cases/api-routes.ts';
import { registerCasePages } from './cases/page-routes.tsx';
import { registerWatchlistRoutes } from './watchlist/routes.tsx';
import { registerCaseworkRoutes } from './casework/routes.tsx';
import { registerStatisticsRoutes } from './statistics/routes.tsx';
import { registerTransparencyRoutes } from './transparency/routes.tsx';
import { registerOutreachRoutes } from './outreach/routes.ts';
import { registerHomeVisitApi } from './home-visits/api-routes.ts';
import { registerHomeVisitPages } from './home-visits/citizen-routes.tsx';
import { registerHomeVisitOfficerRoutes } from './home-visits/officer-routes.tsx';
import { registerRosterRoutes } from './roster/routes.tsx';
import { registerComplaintApi } from './complaints/api-routes.ts';
import { registerComplaintJobs } from './complaints/jobs.ts';
import { registerComplaintOfficerRoutes } from './complaints/officer-routes.tsx';
import { registerComplaintPages } from './complaints/public-routes.tsx';
import { registerSurveyRoutes } from './surveys/routes.ts';

export type BuildOptions = {
  /** Where log lines go instead of standard output (tests read them from here). */
  logStream?: DestinationStream;
  /** A logger made by the caller (the server makes one before the database, to report lost connections). */
  log?: Logger;
};

/** Builds the whole application on an open, migrated database. The job runner is created but not started. */
export async function buildApp(config: Config, database: Database, options: BuildOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.logLevel, options.logStream);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, log });
  const jobs = new JobRunner(database.db, log, config.jobsPollMs);
  registerMailJob(jobs, mailer);
  const storage = openStorage(config);
  registerStorageJobs(jobs, storage);
  const secrets = {
    cookie: await serverSecret(database.db, 'cookie'),
    qr: await serverSecret(database.db, 'qr'),
    payments: config.paymentWebhookSecret ?? (await serverSecret(database.db, 'payments')),
  };
  const app = await createServer({ config, database, secrets, mailer, jobs, log, storage });

  registerHealthRoutes(app);
  registerHomeRoutes(app);
  registerUnitRoutes(app);
  registerRegionRoutes(app);
  await registerAccountRoutes(app);
  registerOfficerRoutes(app);
  registerSetupRoutes(app);
  registerApplicationApi(app);
  await registerApplicationPages(app);
  registerAppointmentApi(app);
  registerBookingOfficeRoutes(app);
  registerAppointmentJobs(jobs, database.db, config.publicUrl);
  await registerPaymentRoutes(app, { settle: settleBilling });
  await registerBooking(app);
  registerPassportRoutes(app);
  registerPassportJobs(jobs, database.db);
  registerQueueRoutes(app);
  registerCaseApi(app);
  await registerCasePages(app);
  registerWatchlistRoutes(app);
  registerCaseworkRoutes(app);
  registerStatisticsRoutes(app);
  registerTransparencyRoutes(app);
  registerHomeVisitApi(app);
  await registerHomeVisitPages(app);
  registerHomeVisitOfficerRoutes(app);
  registerRosterRoutes(app, { pickupSlots: pickupSlotsBetween });
  registerSurveyRoutes(app);
  await registerOutreachRoutes(app);
  registerComplaintApi(app);
  await registerComplaintPages(app);
  registerComplaintOfficerRoutes(app);
  registerComplaintJobs(jobs, database.db);
  return app;
}

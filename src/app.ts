import type { DestinationStream, Logger } from 'pino';
import type { Config } from './platform/config.ts';
// Every feature's words reach i18n on import, before any page is written.
import './messages.ts';
import { registerAccounts } from './accounts/register.ts';
import { registerAdoptedVillages } from './adopted-villages/register.ts';
import { registerApplications } from './applications/register.ts';
import { countLiveAppointmentsAt, registerAppointments } from './appointments/register.ts';
import { registerBorder } from './border/register.ts';
import { registerBorderPasses } from './border-passes/register.ts';
import { registerDetention } from './detention/register.ts';
import { paidForByPurpose } from './billing-purposes.ts';
import { foreignerReferences } from './foreigner-references.ts';
import { villageSignals } from './village-signals.ts';
import { registerCases } from './cases/register.ts';
import { registerCasework } from './casework/register.ts';
import { registerComplaints } from './complaints/register.ts';
import { registerCrossingPoints } from './crossing-points/register.ts';
import { registerEnforcement } from './enforcement/register.ts';
import { registerForeigners } from './foreigners/register.ts';
import { registerHolidays } from './holidays/register.ts';
import { registerHome } from './home/register.ts';
import { registerHomeVisits } from './home-visits/register.ts';
import { listStaysOfForeigner, registerLodgings } from './lodgings/register.ts';
import { registerOfficers } from './officers/register.ts';
import { registerOutreach } from './outreach/register.ts';
import { closeOverstays, registerOverstays } from './overstays/register.ts';
import { registerDashboard } from './dashboard/register.ts';
import { pickupSlotsBetween, registerPassports } from './passports/register.ts';
import { registerPayments } from './payments/register.ts';
import { registerOpenData } from './open-data/register.ts';
import { registerPermitServices } from './permit-services/register.ts';
import { registerQueue } from './queue/register.ts';
import { registerRegions } from './regions/register.ts';
import { registerRoster } from './roster/register.ts';
import { registerStatistics } from './statistics/register.ts';
import { listPermitsOfForeigner, registerStayPermits } from './stay-permits/register.ts';
import { registerSurveys } from './surveys/register.ts';
import { registerTransparency } from './transparency/register.ts';
import { registerUnits } from './units/register.ts';
import { registerVillageTips } from './village-tips/register.ts';
import { registerWaitingRoom } from './waiting-room/register.ts';
import { registerWatchlist } from './watchlist/register.ts';
import { registerMailJob } from './platform/mail/mail-job.ts';
import { serverSecret } from './platform/db/secrets.ts';
import type { Database } from './platform/db/index.ts';
import { TokenUses } from './platform/auth/token-uses.ts';
import { registerAuditLog } from './platform/http/audit-log.ts';
import { registerHealthRoutes } from './platform/http/health.ts';
import { createServer, type App } from './platform/http/server.ts';
import { JobRunner } from './platform/jobs/runner.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { createLogger } from './platform/log.ts';
import { registerStorageJobs } from './platform/storage/delete-job.ts';
import { openStorage } from './platform/storage/open-storage.ts';
import { registerPerformance } from './performance/register.ts';
import { registerTimpora } from './timpora/register.ts';

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
  const tokenUses = new TokenUses(() => database.db);
  const app = await createServer({ config, database, secrets, mailer, jobs, log, storage, tokenUses });

  registerHealthRoutes(app);
  registerAuditLog(app);
  // One register<Feature> per feature, roughly in the layers of ARCHITECTURE.md from the bottom (the order does not
  // matter to Fastify: routes do not overlap). Some of them are given what a
  // higher feature provides: units the count of live appointments (none may remain at a unit that closes), payments
  // the settlement of a paid appointment, roster passports' Saturday pickups,
  // foreigners the closing of overstays when a departure is recorded, lodgings what names a foreigner elsewhere (so
  // that its retention deletes only people known from nothing but old stays).
  registerRegions(app);
  registerUnits(app, { liveAppointmentsAt: countLiveAppointmentsAt });
  registerHolidays(app);
  await registerAccounts(app);
  registerWatchlist(app);
  registerCrossingPoints(app);
  registerForeigners(app, {
    onDeparture: closeOverstays,
    records: { permits: listPermitsOfForeigner, stays: listStaysOfForeigner },
  });
  registerSurveys(app);
  registerRoster(app, { pickupSlots: pickupSlotsBetween });
  // The signals per village (applications, deferrals, tips, warnings) come from features above (cases, village-tips),
  // composed in src/village-signals.ts.
  registerAdoptedVillages(app, { villageSignals });
  await registerBorderPasses(app);
  await registerApplications(app);
  await registerPayments(app, { paidFor: paidForByPurpose });
  // The waiting room in front of booking; registerWaitingRoom returns the room for the booking routes.
  const waitingRoom = await registerWaitingRoom(app);
  await registerAppointments(app, { waitingRoom });
  await registerStayPermits(app);
  registerPassports(app);
  registerPermitServices(app);
  await registerCases(app);
  registerQueue(app);
  registerCasework(app);
  await registerOutreach(app);
  await registerHomeVisits(app);
  await registerComplaints(app);
  await registerLodgings(app, { foreignerReferences });
  registerOverstays(app);
  registerDashboard(app);
  registerBorder(app);
  await registerTimpora(app);
  await registerPerformance(app);
  registerVillageTips(app);
  registerDetention(app);
  await registerEnforcement(app);
  registerOfficers(app);
  registerStatistics(app);
  registerTransparency(app);
  registerOpenData(app);
  registerHome(app);
  return app;
}

import type { Executor } from './platform/db/index.ts';
import { importRegions } from './regions/import-regions.ts';
import { seedUnits } from './units/seed-units.ts';
import { seedCrossingPoints } from './crossing-points/seed-crossing-points.ts';
import { seedTariffs } from './fees/seed-tariffs.ts';
import { seedLodgingRules } from './lodgings/seed-lodging-rules.ts';
import { seedPassRules } from './border-passes/seed-pass-rules.ts';
import { seedHolidays } from './holidays/seed-holidays.ts';
import { seedPaymentChannels } from './payments/seed-payment-channels.ts';
import { seedOverstayRates } from './overstays/seed-overstay-rates.ts';
import { scheduleOverstayScan } from './overstays/schedule-overstay-scan.ts';
import { seedDetentionRules } from './detention/seed-detention-rules.ts';
import { scheduleDetentionScan } from './detention/schedule-detention-scan.ts';
import { seedPermitServices } from './permit-services/seed-permit-services.ts';
import { seedSponsorExemptions } from './stay-permits/seed-sponsor-exemptions.ts';
import { seedBanRules } from './watchlist/seed-ban-rules.ts';
import { seedDeferralReasons } from './cases/seed-deferral-reasons.ts';
import { seedAdoptedVillages } from './adopted-villages/seed-adopted-villages.ts';
import { scheduleTipReminders } from './village-tips/schedule-tip-reminders.ts';
import { seedIndicators } from './performance/seed-indicators.ts';

/** Reference data every installation needs: regions, the NTT organisation, tariffs, payment channels, holidays, who needs no sponsor, the ban lists' limits, why an interview defers, the adopted villages, the starting indicator catalogue. Idempotent. */
export async function seedReference(db: Executor, now = new Date()): Promise<void> {
  await importRegions(db);
  await seedUnits(db);
  await seedCrossingPoints(db);
  await seedAdoptedVillages(db);
  await seedTariffs(db);
  await seedPaymentChannels(db);
  await seedLodgingRules(db);
  await seedPassRules(db);
  await seedOverstayRates(db);
  // The daily overstay scan reschedules itself; this starts the chain on a new installation (and restarts a broken one).
  await scheduleOverstayScan(db, now);
  await seedPermitServices(db);
  await seedSponsorExemptions(db);
  await seedBanRules(db);
  await seedDetentionRules(db);
  await seedDeferralReasons(db);
  await seedIndicators(db);
  // The daily detention scan (reviews, Pasal 85's limit, refugees' missed reports) starts here like the overstay scan.
  await scheduleDetentionScan(db, now);
  // The daily reminder of overdue Desa Binaan tips, started here too so a failed run or an installation that had
  // tips before the scan existed does not leave it stopped.
  await scheduleTipReminders(db, now);
  const year = now.getUTCFullYear();
  await seedHolidays(db, [year, year + 1]);
}

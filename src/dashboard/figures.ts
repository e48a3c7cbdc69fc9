import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { countIssuedPassports } from '../statistics/count-issued-passports.ts';

/** Every figure the dashboard shows and the indicator catalogue can name, one number per scope and period. */
export const figureCodes = [
  'passports_issued',
  'passports_issued_biasa',
  'passports_issued_elektronik',
  'passport_cases_completed',
  'passport_cases_on_time',
  'passport_cases_overdue',
  'deferrals',
  'ikm',
  'ikm_respondents',
  'complaints_received',
  'complaints_overdue',
  'eazy_paspor_sessions',
  'eazy_paspor_applicants',
  'peduli_visits',
  'stay_permits_processed',
  'stay_permit_applications_overdue',
  'lodging_reports',
  'lodging_reports_late',
  'overstays',
  'administrative_actions',
  'deportations',
  'detainees',
  'refugees',
  'crossings',
  'timpora_meetings',
  'timpora_operations',
  'village_activities',
  'village_tips',
  'pnbp_billed',
  'pnbp_paid',
] as const;
export type FigureCode = (typeof figureCodes)[number];

/** A scope (a unit and the units below it, as `unitScope` gives) and a period of WITA days, both ends included. */
export type FigureQuery = { unitCodes: string[]; from: IsoDate; to: IsoDate; today: IsoDate };

/** One figure's query: separate, so that the dashboard can ask for some and `bench:stats` can time each. */
export type FigureSource = { code: FigureCode; compute: (db: Executor, q: FigureQuery) => Promise<number | null> };

const issued = (pick: 'total' | 'biasa' | 'elektronik') => async (db: Executor, q: FigureQuery) => {
  let total = 0;
  for (const unit of q.unitCodes) {
    const stats = await countIssuedPassports(db, { from: q.from.slice(0, 7), to: q.to.slice(0, 7), unit });
    total += stats.byUnit.filter((u) => u.unitCode === unit).reduce((sum, u) => sum + u[pick], 0);
  }
  return total;
};

export const figureSources: FigureSource[] = [
  { code: 'passports_issued', compute: issued('total') },
  { code: 'passports_issued_biasa', compute: issued('biasa') },
  { code: 'passports_issued_elektronik', compute: issued('elektronik') },
];

/** The figures of a scope and period; a figure without a source yet is null. */
export async function computeFigures(
  db: Executor,
  q: FigureQuery,
  codes: readonly FigureCode[] = figureCodes,
): Promise<Record<FigureCode, number | null>> {
  const values = Object.fromEntries(figureCodes.map((code) => [code, null])) as Record<FigureCode, number | null>;
  for (const source of figureSources) if (codes.includes(source.code)) values[source.code] = await source.compute(db, q);
  return values;
}

import { applicationUnits } from '../applications/due-on-sql.ts';
import { countOverdueApplications } from '../applications/count-overdue.ts';
import { countCrossingsByUnit } from '../border/count-crossings-by-unit.ts';
import { countDesaBinaan } from '../adopted-villages/count-desa-binaan.ts';
import { countComplaints } from '../complaints/count-complaints.ts';
import { countOccupancy, countRefugees } from '../detention/count-detention.ts';
import { countDecisions, countDeportations } from '../enforcement/count-cases.ts';
import { countVisits } from '../home-visits/count-visits.ts';
import { countSessions } from '../outreach/count-sessions.ts';
import { countOverstays } from '../overstays/count-overstays.ts';
import { overstayUnits } from '../overstays/overstay-unit-sql.ts';
import { deferralsDaily } from '../cases/daily-deferrals.ts';
import { staysDaily } from '../lodgings/daily-stays.ts';
import { countIssuanceHistory, issuedDaily, serviceLevelDaily } from '../passports/daily-passports.ts';
import { pnbpDaily, type BillingUnitOf } from '../payments/daily-pnbp.ts';
import type { DailySource } from '../platform/rollups/daily-source.ts';
import { sumDaily, type UnitKeyCount } from '../platform/rollups/sum-daily.ts';
import { permitsDaily } from '../stay-permits/daily-permits.ts';
import { countOverduePermitApplications, permitApplicationUnits } from '../permit-services/count-overdue.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { computeIkm, publishedConverted } from '../surveys/compute-ikm.ts';
import { countIkmByUnit } from '../surveys/count-ikm-by-unit.ts';
import { countMeetings } from '../timpora/count-meetings.ts';
import { countOperations } from '../timpora/count-operations.ts';
import { countTips } from '../village-tips/count-tips.ts';

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

/**
 * A scope (a unit and the units below it, as `unitScope` gives) and a period of WITA days, both ends included.
 * `maxAgeSeconds`: how old the daily counts computed ahead may be (`dailySources`); 0 or none counts the records now.
 */
export type FigureQuery = { unitCodes: string[]; from: IsoDate; to: IsoDate; today: IsoDate; maxAgeSeconds?: number };

/** A figure per unit of the scope; a unit with nothing counted is absent (0). */
export type UnitValues = Map<string, number>;

/**
 * One figure's query: separate, so that the dashboard can ask for some and `bench:stats` can time each. `byUnit` is
 * the unit's own value (the dashboard's per-unit table); `compute` the scope's. A figure that is a sum (`additive`)
 * is the sum of its units; IKM is not (it is computed over all the scope's respondents). Null: not countable for that
 * period (a figure of how things stand today, asked for a period that ended before today).
 */
export type FigureSource = {
  code: FigureCode;
  additive: boolean;
  compute: (db: Executor, q: FigureQuery) => Promise<number | null>;
  byUnit: (db: Executor, q: FigureQuery) => Promise<UnitValues | null>;
};

type Row = { unitCode: string };

/**
 * Several figures come from one count (cases completed and on time, complaints received and overdue): within one
 * `computeFigures` call the count runs once. A query object from outside is never cached, so each source timed on its
 * own (`bench:stats`) runs its own query every time.
 */
const shared = new WeakMap<FigureQuery, Map<string, Promise<unknown>>>();
function once<T>(q: FigureQuery, key: string, count: () => Promise<T>): Promise<T> {
  const cache = shared.get(q);
  if (!cache) return count();
  if (!cache.has(key)) cache.set(key, count());
  return cache.get(key) as Promise<T>;
}
/**
 * The query whose counts are shared by the sources and breakdowns it is given to (a copy, unless it is one already):
 * the dashboard asks for figures and breakdowns of one period with it.
 */
export function sharing(q: FigureQuery): FigureQuery {
  if (shared.has(q)) return q;
  const copy = { ...q };
  shared.set(copy, new Map());
  return copy;
}

/** Sums a count's rows per unit. */
function perUnit<R extends Row>(rows: readonly R[], value: (r: R) => number): UnitValues {
  const values: UnitValues = new Map();
  for (const r of rows) values.set(r.unitCode, (values.get(r.unitCode) ?? 0) + value(r));
  return values;
}

const sum = (values: UnitValues) => [...values.values()].reduce((a, b) => a + b, 0);

/** A figure that is the sum of its units' values, from one set-based query over the scope. */
function summed(code: FigureCode, byUnit: (db: Executor, q: FigureQuery) => Promise<UnitValues | null>): FigureSource {
  const guarded = (db: Executor, q: FigureQuery) =>
    q.unitCodes.length === 0 ? Promise.resolve<UnitValues>(new Map()) : byUnit(db, q);
  return {
    code,
    additive: true,
    byUnit: guarded,
    compute: async (db, q) => {
      const values = await guarded(db, q);
      return values && sum(values);
    },
  };
}

/**
 * Figures of how things stand today (open cases past due, refugees, complaints still overdue): counted only for a
 * period that reaches today, as nothing records how they stood on an earlier day. An indicator may not name them.
 */
export const standingFigures: readonly FigureCode[] = [
  'passport_cases_overdue',
  'stay_permit_applications_overdue',
  'complaints_overdue',
  'refugees',
];
const standsToday = (q: FigureQuery) => q.to >= q.today;

/** The day a head count is taken: the period's last day, or today when the period reaches past it. */
const countDay = (q: FigureQuery) => (q.to < q.today ? q.to : q.today);

/** The unit a billing is for: the record it pays for says. */
const billingUnitOf: BillingUnitOf = {
  appointment: { units: applicationUnits, by: 'application_id' },
  stay_permit_service: { units: permitApplicationUnits, by: 'subject_id' },
  overstay: { units: overstayUnits, by: 'subject_id' },
};

/**
 * The counts over millions of records (passports, their cases and interviews, lodging reports, permits, PNBP), kept
 * per day ahead by the rollup job (`jobs.ts`) and read from there while fresh.
 */
const pnbp = pnbpDaily(billingUnitOf);
export const dailySources: DailySource[] = [
  issuedDaily,
  serviceLevelDaily,
  deferralsDaily,
  staysDaily,
  permitsDaily,
  pnbp,
];

/** A daily source's counts over the scope and period, per unit and key, once per request. */
const daily = (db: Executor, q: FigureQuery, source: DailySource) =>
  once(q, source.name, async () => (await sumDaily(db, source, q, q.maxAgeSeconds ?? 0)).rows);

/** A daily source's counts per unit, of one key or of every key. */
const dailyByUnit = (source: DailySource, key?: string) => async (db: Executor, q: FigureQuery) =>
  perUnit(
    (await daily(db, q, source)).filter((r) => key === undefined || r.key === key),
    (r) => r.value,
  );

/** Passports issued, Sikoe's and (in whole months before Sikoe) the history's, per unit and type. */
const issued = async (db: Executor, q: FigureQuery): Promise<UnitKeyCount[]> => [
  ...(await daily(db, q, issuedDaily)),
  ...(await once(q, 'history', () => countIssuanceHistory(db, q))).map((h) => ({
    unitCode: h.unitCode,
    key: h.type,
    value: h.count,
  })),
];
const issuedByUnit = (type?: string) => async (db: Executor, q: FigureQuery) =>
  perUnit(
    (await issued(db, q)).filter((r) => type === undefined || r.key === type),
    (r) => r.value,
  );

/** A daily source's counts per key over the scope and period. */
async function dailyByKey(db: Executor, q: FigureQuery, source: DailySource): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const r of await daily(db, q, source)) counts.set(r.key, (counts.get(r.key) ?? 0) + r.value);
  return counts;
}

const activities = async (db: Executor, q: FigureQuery) =>
  perUnit(
    (await countDesaBinaan(db, q)).filter((r) => r.category.startsWith('activities:')),
    (r) => r.count,
  );

const ikm: FigureSource = {
  code: 'ikm',
  additive: false,
  compute: async (db, q) => {
    if (q.unitCodes.length === 0) return null;
    const { converted } = await computeIkm(db, q);
    return converted === null ? null : publishedConverted(converted);
  },
  byUnit: async (db, q) =>
    new Map(
      (await once(q, 'ikm', () => countIkmByUnit(db, q))).flatMap((r) =>
        r.converted === null ? [] : [[r.unitCode, r.converted]],
      ),
    ),
};

export const figureSources: FigureSource[] = [
  summed('passports_issued', issuedByUnit()),
  summed('passports_issued_biasa', issuedByUnit('biasa')),
  summed('passports_issued_elektronik', issuedByUnit('elektronik')),
  summed('passport_cases_completed', dailyByUnit(serviceLevelDaily, 'completed')),
  summed('passport_cases_on_time', dailyByUnit(serviceLevelDaily, 'on_time')),
  summed('passport_cases_overdue', async (db, q) =>
    standsToday(q) ? perUnit(await countOverdueApplications(db, q), (r) => r.count) : null,
  ),
  summed('deferrals', dailyByUnit(deferralsDaily)),
  ikm,
  summed('ikm_respondents', async (db, q) =>
    perUnit(await once(q, 'ikm', () => countIkmByUnit(db, q)), (r) => r.respondents),
  ),
  summed('complaints_received', async (db, q) =>
    perUnit(await once(q, 'complaints', () => countComplaints(db, q)), (r) => r.received),
  ),
  summed('complaints_overdue', async (db, q) =>
    !standsToday(q) ? null : perUnit(await once(q, 'complaints', () => countComplaints(db, q)), (r) => r.overdue),
  ),
  summed('eazy_paspor_sessions', async (db, q) =>
    perUnit(await once(q, 'sessions', () => countSessions(db, q)), (r) => r.sessions),
  ),
  summed('eazy_paspor_applicants', async (db, q) =>
    perUnit(await once(q, 'sessions', () => countSessions(db, q)), (r) => r.applicants),
  ),
  summed('peduli_visits', async (db, q) => perUnit(await countVisits(db, q), (r) => r.count)),
  summed('stay_permits_processed', dailyByUnit(permitsDaily)),
  summed('stay_permit_applications_overdue', async (db, q) =>
    standsToday(q) ? perUnit(await countOverduePermitApplications(db, q), (r) => r.count) : null,
  ),
  summed('lodging_reports', dailyByUnit(staysDaily, 'reports')),
  summed('lodging_reports_late', dailyByUnit(staysDaily, 'late')),
  summed('overstays', async (db, q) => perUnit(await countOverstays(db, q), (r) => r.overstays)),
  summed('administrative_actions', async (db, q) => perUnit(await countDecisions(db, q), (r) => r.decisions)),
  summed('deportations', async (db, q) => perUnit(await countDeportations(db, q), (r) => r.deportations)),
  summed('detainees', async (db, q) =>
    perUnit(await countOccupancy(db, countDay(q), q.unitCodes), (r) => r.men + r.women + r.children + r.other),
  ),
  summed('refugees', async (db, q) =>
    standsToday(q) ? perUnit(await countRefugees(db, q.unitCodes), (r) => r.count) : null,
  ),
  summed('crossings', async (db, q) => perUnit(await countCrossingsByUnit(db, q), (r) => r.count)),
  summed('timpora_meetings', async (db, q) => perUnit(await countMeetings(db, q), (r) => r.count)),
  summed('timpora_operations', async (db, q) => perUnit(await countOperations(db, q), (r) => r.operations)),
  summed('village_activities', activities),
  summed('village_tips', async (db, q) => perUnit(await countTips(db, q), (r) => r.count)),
  summed('pnbp_billed', dailyByUnit(pnbp, 'billed')),
  summed('pnbp_paid', dailyByUnit(pnbp, 'paid')),
];

/** The figures of a scope and period; a figure not countable for the period is null. */
export async function computeFigures(
  db: Executor,
  q: FigureQuery,
  codes: readonly FigureCode[] = figureCodes,
): Promise<Record<FigureCode, number | null>> {
  q = sharing(q);
  const values = Object.fromEntries(figureCodes.map((code) => [code, null])) as Record<FigureCode, number | null>;
  for (const source of figureSources)
    if (codes.includes(source.code)) values[source.code] = await source.compute(db, q);
  return values;
}

export type FiguresByUnit = {
  totals: Record<FigureCode, number | null>;
  /** Each unit's own values (not its units below): a figure not countable for the period is null. */
  units: Map<string, Record<FigureCode, number | null>>;
};

/** The scope's figures and each unit's: one query per figure, the totals summed from the units where they add up. */
export async function computeFiguresByUnit(db: Executor, q: FigureQuery): Promise<FiguresByUnit> {
  q = sharing(q);
  const nulls = () => Object.fromEntries(figureCodes.map((code) => [code, null])) as Record<FigureCode, number | null>;
  const totals = nulls();
  const units = new Map(q.unitCodes.map((code) => [code, nulls()]));
  for (const source of figureSources) {
    const values = await source.byUnit(db, q);
    if (values === null) continue;
    for (const [code, row] of units) row[source.code] = values.get(code) ?? (source.additive ? 0 : null);
    totals[source.code] = source.additive ? sum(values) : await source.compute(db, q);
  }
  return { totals, units };
}

/** Passports issued in the scope and period by type (the page's breakdown). */
export async function passportsByType(db: Executor, q: FigureQuery): Promise<{ type: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  const counts = new Map<string, number>();
  for (const r of await issued(db, q)) counts.set(r.key, (counts.get(r.key) ?? 0) + r.value);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type));
}

/** Interview deferrals in the scope and period by reason code (`unrecorded` for those from before codes). */
export async function deferralsByReason(
  db: Executor,
  q: FigureQuery,
): Promise<{ reasonCode: string; count: number }[]> {
  if (q.unitCodes.length === 0) return [];
  return [...(await dailyByKey(db, q, deferralsDaily))]
    .map(([reasonCode, count]) => ({ reasonCode, count }))
    .sort((a, b) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode));
}

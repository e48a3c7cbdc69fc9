import { countDesaBinaan } from '../adopted-villages/count-desa-binaan.ts';
import { countDeferrals } from '../cases/count-deferrals.ts';
import { listDeferralReasons } from '../cases/list-deferral-reasons.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { listRegencies } from '../regions/queries.ts';
import { countTips } from '../village-tips/count-tips.ts';
import { groupSmallCounts, OTHER_NATIONALITY, SMALL_COUNT } from './small-counts.ts';

export const desaBinaanSections = ['villages', 'activities', 'people_reached', 'tips', 'deferrals'] as const;
export type DesaBinaanSection = (typeof desaBinaanSections)[number];

/**
 * One count of Desa Binaan's open figures for a year, per office and regency: adopted villages in force at the
 * year's end, activities held by kind, people reached, tips by kind and outcome (`<kind>:<outcome or open>`),
 * interview deferrals by reason code. `regencyCode` is '' for tips that named no village and deferrals of
 * applicants without an address village, OTHER for the small rows added up.
 */
export type DesaBinaanRow = {
  section: DesaBinaanSection;
  unitCode: string;
  regencyCode: string;
  category: string;
  count: number;
};

/**
 * Tips and deferrals are about people, so three rules keep a count from pointing at one:
 * - a regency's row of one or two (one recruiter reported, one applicant deferred) is added up with the office's other
 *   small ones as OTHER, and an OTHER (or a row naming no village) still under three is left out (no office total
 *   is published to subtract from);
 * - they are counted up to the end of the last whole month, so reading the figures day by day shows neither the day a
 *   tip came in nor the day its outcome changed (which could warn the recruiter reported);
 * - a Kantor adopts villages of its own working area only, so an office's regency holds its villages with the others.
 * Villages, activities and people reached are the programme's own work and are shown as they are.
 */
export async function desaBinaanFigures(
  db: Executor,
  range: { from: IsoDate; to: IsoDate },
  today: IsoDate,
): Promise<DesaBinaanRow[]> {
  const lastWholeMonth = addDays(`${today.slice(0, 7)}-01`, -1);
  const settled = { from: range.from, to: range.to < lastWholeMonth ? range.to : lastWholeMonth };
  const [programme, tips, deferrals] = await Promise.all([
    countDesaBinaan(db, range),
    settled.from <= settled.to ? countTips(db, settled) : [],
    settled.from <= settled.to ? countDeferrals(db, settled) : [],
  ]);
  const work = programme.map((f): DesaBinaanRow => {
    const [section, kind = ''] = f.category.split(':') as [string, string?];
    return { ...f, section: section as DesaBinaanSection, category: kind };
  });
  const about = [
    ...tips.map((f): DesaBinaanRow => ({ ...f, section: 'tips' })),
    ...deferrals.map((f): DesaBinaanRow => ({ ...f, section: 'deferrals' })),
  ];
  const grouped = groupSmallCounts(about, 'regencyCode', (r) => [r.section, r.unitCode, r.category].join('|'));
  // Rows that name no regency (no village given) cannot be added up further: under three, they are left out too.
  const small = (r: DesaBinaanRow) =>
    (r.regencyCode === OTHER_NATIONALITY || r.regencyCode === '') && r.count < SMALL_COUNT;
  return [...work, ...grouped.filter((r) => !small(r))];
}

export type DesaBinaanLabels = {
  regencies: Map<string, string>;
  /** Deferral reasons are data (the interview's codes), named in both languages by their table. */
  reasons: Map<string, { id: string; en: string }>;
};

/** The names the table shows for NTT's regencies and the deferral reasons. */
export async function desaBinaanLabels(db: Executor): Promise<DesaBinaanLabels> {
  const [regencies, reasons] = await Promise.all([listRegencies(db, '53'), listDeferralReasons(db, { all: true })]);
  return {
    regencies: new Map(regencies.map((r) => [r.code, r.name])),
    reasons: new Map(reasons.map((r) => [r.code, { id: r.nameId, en: r.nameEn }])),
  };
}

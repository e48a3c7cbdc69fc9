import { countDesaBinaan } from '../adopted-villages/count-desa-binaan.ts';
import { countDeferrals } from '../cases/count-deferrals.ts';
import { listDeferralReasons } from '../cases/list-deferral-reasons.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { listRegencies } from '../regions/queries.ts';
import { countTips } from '../village-tips/count-tips.ts';
import { groupSmallCounts } from './small-counts.ts';

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
 * Tips and deferrals are about people: a regency's row of one or two (one recruiter reported, one applicant deferred)
 * could point at a tipster or an applicant in a small place, so those are added up as the office's OTHER regencies.
 * Villages, activities and people reached are the programme's own work and are shown as they are.
 */
export async function desaBinaanFigures(db: Executor, range: { from: IsoDate; to: IsoDate }): Promise<DesaBinaanRow[]> {
  const [programme, tips, deferrals] = await Promise.all([
    countDesaBinaan(db, range),
    countTips(db, range),
    countDeferrals(db, range),
  ]);
  const work = programme.map((f): DesaBinaanRow => {
    const [section, kind = ''] = f.category.split(':') as [string, string?];
    return { ...f, section: section as DesaBinaanSection, category: kind };
  });
  const about = [
    ...tips.map((f): DesaBinaanRow => ({ ...f, section: 'tips' })),
    ...deferrals.map((f): DesaBinaanRow => ({ ...f, section: 'deferrals' })),
  ];
  return [...work, ...groupSmallCounts(about, 'regencyCode', (r) => [r.section, r.unitCode, r.category].join('|'))];
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

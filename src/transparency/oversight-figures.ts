import { countDetentionByMonth, countOccupancy, countRefugees } from '../detention/count-detention.ts';
import { countDecisions, countDeportations } from '../enforcement/count-cases.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { countOperations } from '../timpora/count-operations.ts';
import { groupSmallNationalities } from './small-counts.ts';

export const oversightSections = [
  'operations',
  'checked',
  'violations',
  'violations_by_nationality',
  'decisions',
  'deportations',
  'detention_placed',
  'detention_released',
  'occupancy',
  'occupancy_people',
  'refugees',
] as const;
export type OversightSection = (typeof oversightSections)[number];

/**
 * One count of the oversight figures: a section, its month (of an occupancy or refugees' count: the month of the day
 * counted), the unit, the section's own breakdown (`category`: a violation type, a Pasal 75(2) action, a release
 * reason, a block, men/women/children, a refugee's status; empty when none) and the nationality where counted by it.
 */
export type OversightRow = {
  section: OversightSection;
  month: string;
  unitCode: string;
  category: string;
  nationality: string;
  count: number;
};

const row = (section: OversightSection, month: string, unitCode: string, count: number, more = {}): OversightRow => ({
  section,
  month,
  unitCode,
  category: '',
  nationality: '',
  count,
  ...more,
});

async function operationRows(db: Executor, range: { from: IsoDate; to: IsoDate }): Promise<OversightRow[]> {
  return (await countOperations(db, range)).flatMap((o) => [
    row('operations', o.month, o.unitCode, o.operations),
    row('checked', o.month, o.unitCode, o.checked),
    ...Object.entries(o.violationsByType).map(([category, n]) =>
      row('violations', o.month, o.unitCode, n, { category }),
    ),
    ...Object.entries(o.violationsByNationality).map(([nationality, n]) =>
      row('violations_by_nationality', o.month, o.unitCode, n, { nationality }),
    ),
  ]);
}

async function enforcementRows(db: Executor, range: { from: IsoDate; to: IsoDate }): Promise<OversightRow[]> {
  const [decisions, deportations] = await Promise.all([countDecisions(db, range), countDeportations(db, range)]);
  return [
    ...decisions.map((d) =>
      row('decisions', d.month, d.unitCode, d.decisions, { category: d.measure, nationality: d.nationality }),
    ),
    ...deportations.map((d) =>
      row('deportations', d.month, d.unitCode, d.deportations, { nationality: d.nationality }),
    ),
  ];
}

/**
 * The detention centre's year: placements and releases by month; who is held at the year's end (today for this
 * year) by block and nationality and by men, women and children; refugees under oversight as they stand, only for
 * this year, since their register keeps no past state.
 */
async function detentionRows(db: Executor, year: number, today: IsoDate): Promise<OversightRow[]> {
  const on = `${year}-12-31` < today ? `${year}-12-31` : today;
  if (on < `${year}-01-01`) return [];
  const month = on.slice(0, 7);
  const [months, held, refugees] = await Promise.all([
    countDetentionByMonth(db, year),
    countOccupancy(db, on),
    on === today ? countRefugees(db) : Promise.resolve([]),
  ]);
  const people = new Map<string, number>();
  for (const h of held)
    for (const category of ['men', 'women', 'children', 'other'] as const) {
      const key = `${h.unitCode}|${category}`;
      people.set(key, (people.get(key) ?? 0) + h[category]);
    }
  return [
    ...months.flatMap((m) => [
      ...(m.placed > 0 ? [row('detention_placed', m.month, m.unitCode, m.placed)] : []),
      ...Object.entries(m.released)
        .filter(([, n]) => n > 0)
        .map(([category, n]) => row('detention_released', m.month, m.unitCode, n, { category })),
    ]),
    ...held.map((h) =>
      row('occupancy', month, h.unitCode, h.men + h.women + h.children + h.other, {
        category: h.block,
        nationality: h.nationality,
      }),
    ),
    ...[...people]
      .filter(([, n]) => n > 0)
      .map(([key, n]) => {
        const [unitCode, category] = key.split('|') as [string, string];
        return row('occupancy_people', month, unitCode, n, { category });
      }),
    ...refugees.map((r) =>
      row('refugees', month, r.unitCode, r.count, { category: r.status, nationality: r.nationality }),
    ),
  ];
}

/**
 * The open figures of joint oversight, administrative action and detention for a year: counts only, with
 * nationalities too few to hide a person added up as OTHER.
 */
export async function oversightFigures(db: Executor, year: number, now = new Date()): Promise<OversightRow[]> {
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  const rows = [
    ...(await operationRows(db, range)),
    ...(await enforcementRows(db, range)),
    ...(await detentionRows(db, year, witaDate(now))),
  ];
  return groupSmallNationalities(rows, (r) => [r.section, r.month, r.unitCode, r.category].join('|'));
}

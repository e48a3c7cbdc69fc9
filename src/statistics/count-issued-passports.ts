import { sql, type SQL } from 'drizzle-orm';
import type { PassportType } from '../applications/schema.ts';
import { bookTypes } from '../passports/book-stock.ts';
import { issuedDaily } from '../passports/daily-passports.ts';
import { dailyCounts } from '../platform/rollups/schema.ts';
import { storedSince } from '../platform/rollups/sum-daily.ts';
import { addDays, addMonths, witaDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { unitScope } from '../units/scope.ts';

/** "YYYY-MM". */
export type Month = string;
export type Counts = Record<PassportType, number> & { total: number };
export type UnitCounts = Counts & { unitCode: string; unitName: string };
export type IssuedStats = Counts & {
  from: Month;
  to: Month;
  unitCode: string | null;
  byUnit: UnitCounts[];
  byMonth: (Counts & { month: Month })[];
  /** One row per unit and month with any passport issued, in month then unit order (the CSV's rows). */
  rows: (UnitCounts & { month: Month })[];
};

const MAX_MONTHS = 120;

export function monthsBetween(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let month = from; month <= to && months.length <= MAX_MONTHS; month = `${y}-${String(m).padStart(2, '0')}`) {
    months.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

const zero = (): Counts => ({ biasa: 0, elektronik: 0, total: 0 });
function add(into: Counts, type: PassportType, n: number) {
  into[type] += n;
  into.total += n;
}

/** The latest calendar year with any passport issued (today's year when none): what the public page opens on. */
export async function latestIssuanceYear(db: Executor): Promise<number> {
  const [row] = await queryRows<{ latest: string | null }>(
    db,
    sql`
    select greatest((select max(issue_date) from passports where status <> 'cancelled'), (select max(month) from issuance_history))::text as latest`,
  );
  return Number((row?.latest ?? witaDate()).slice(0, 4));
}

/**
 * Passports issued (every status but cancelled, by issue date) per type, unit and month, for a unit and the units
 * below it (all units when none is given). A unit's month with no passport row of Sikoe's at all comes from
 * `issuance_history`, the counts from before Sikoe; a month Sikoe has issued in is counted from its own rows only.
 */
export async function countIssuedPassports(
  db: Executor,
  input: { from: Month; to: Month; unit?: string; maxAgeSeconds?: number },
): Promise<IssuedStats> {
  const months = monthsBetween(input.from, input.to);
  if (input.from > input.to || months.length > MAX_MONTHS)
    throw new AppError('validation_failed', { from: 'statistics.invalidRange' });
  const unitCode = input.unit ? (await getUnit(db, input.unit)).code : null;
  const start = `${input.from}-01`;
  const end = sql`(${`${input.to}-01`}::date + interval '1 month')`;
  const scope = unitCode ? await unitScope(db, unitCode) : [];
  const inUnits = (column: SQL): SQL => (unitCode ? sql`and ${column} in ${scope}` : sql``);
  // Sikoe's own passports: from the daily counts kept ahead while fresh (a year of a country's passports is millions
  // of rows), else from the passports themselves.
  const lastDay = addDays(addMonths(`${input.to}-01`, 1), -1);
  const sikoe = (await storedSince(db, issuedDaily, { from: start, to: lastDay }, input.maxAgeSeconds ?? 0))
    ? sql`select unit_code, to_char(day, 'YYYY-MM') as month, key as type, sum(value)::int as n
      from ${dailyCounts}
      where source = ${issuedDaily.name} and day >= ${start}::date and day < ${end} ${inUnits(sql`unit_code`)}
      group by 1, 2, 3`
    : sql`select unit_code, to_char(issue_date, 'YYYY-MM') as month, type, count(*)::int as n
      from passports
      where status <> 'cancelled' and issue_date >= ${start}::date and issue_date < ${end} ${inUnits(sql`unit_code`)}
      group by 1, 2, 3`;
  const rows = await queryRows<{ unit_code: string; unit_name: string; month: Month; type: PassportType; n: number }>(
    db,
    sql`
    with counted as (
      ${sikoe}
      union all
      select h.unit_code, to_char(h.month, 'YYYY-MM'), h.type, h.count
      from issuance_history h
      where h.month >= ${start}::date and h.month < ${end} ${inUnits(sql`h.unit_code`)}
        and not exists (select 1 from passports p where p.unit_code = h.unit_code
          and p.issue_date >= date_trunc('month', h.month) and p.issue_date < date_trunc('month', h.month) + interval '1 month'))
    select c.unit_code, u.name as unit_name, c.month, c.type, sum(c.n)::int as n
    from counted c join units u on u.code = c.unit_code
    group by 1, 2, 3, 4
    order by 3, 1`,
  );
  const stats: IssuedStats = {
    ...zero(),
    from: input.from,
    to: input.to,
    unitCode,
    byUnit: [],
    byMonth: months.map((month) => ({ month, ...zero() })),
    rows: [],
  };
  const byUnit = new Map<string, UnitCounts>();
  const byUnitMonth = new Map<string, UnitCounts & { month: Month }>();
  for (const r of rows) {
    if (!bookTypes.includes(r.type)) continue;
    add(stats, r.type, r.n);
    add(stats.byMonth[months.indexOf(r.month)]!, r.type, r.n);
    const unit = byUnit.get(r.unit_code) ?? { unitCode: r.unit_code, unitName: r.unit_name, ...zero() };
    byUnit.set(r.unit_code, unit);
    add(unit, r.type, r.n);
    const key = `${r.month} ${r.unit_code}`;
    const cell = byUnitMonth.get(key) ?? { month: r.month, unitCode: r.unit_code, unitName: r.unit_name, ...zero() };
    byUnitMonth.set(key, cell);
    add(cell, r.type, r.n);
  }
  stats.byUnit = [...byUnit.values()].sort((a, b) => b.total - a.total || a.unitCode.localeCompare(b.unitCode));
  stats.rows = [...byUnitMonth.values()];
  return stats;
}

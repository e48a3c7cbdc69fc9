import { and, gt, gte, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import { ageOn, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { detainees, refugees, type Block, type ReleaseReason } from './schema.ts';

/**
 * Figures without personal data, for the transparency page and the occupancy report. Each row is a count of people,
 * never a person: nationality is an ICAO code, children are those under 18 on the day.
 */

/** One row per unit, block, authority and nationality held at the end of `on` (placed on or before, not yet released). */
export type OccupancyRow = {
  on: IsoDate;
  unitCode: string;
  block: Block;
  /** The Rudenim's own code, or the Kantor Imigrasi that placed the people titipan. */
  authorityUnitCode: string;
  nationality: string;
  men: number;
  women: number;
  children: number;
  /** Adults whose document gives sex X. */
  other: number;
};

export async function countOccupancy(
  db: Executor,
  on: IsoDate,
  unitCodes?: readonly string[],
): Promise<OccupancyRow[]> {
  const held = await db
    .select({
      foreignerId: detainees.foreignerId,
      unitCode: detainees.unitCode,
      block: detainees.block,
      authorityUnitCode: detainees.authorityUnitCode,
    })
    .from(detainees)
    .where(
      and(
        lte(detainees.placedOn, on),
        or(isNull(detainees.releasedOn), gt(detainees.releasedOn, on)),
        unitCodes ? inArray(detainees.unitCode, [...unitCodes]) : undefined,
      ),
    );
  const people = await listForeignerNames(
    db,
    held.map((h) => h.foreignerId),
  );
  const rows = new Map<string, OccupancyRow>();
  for (const { foreignerId, ...h } of held) {
    const person = people.get(foreignerId);
    const nationality = person?.nationality ?? 'XXX';
    const key = [h.unitCode, h.block, h.authorityUnitCode, nationality].join('|');
    const row = rows.get(key) ?? { on, ...h, nationality, men: 0, women: 0, children: 0, other: 0 };
    if (person && ageOn(person.birthDate, on) < 18) row.children += 1;
    else if (person?.sex === 'M') row.men += 1;
    else if (person?.sex === 'F') row.women += 1;
    else row.other += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** One row per unit, status and nationality of refugees as they stand now (`status` as in refugees' workflow). */
export type RefugeeFigureRow = {
  unitCode: string;
  status: string;
  unhcrStatus: string;
  nationality: string;
  count: number;
};

export async function countRefugees(db: Executor, unitCodes?: readonly string[]): Promise<RefugeeFigureRow[]> {
  const rows = await db
    .select({
      foreignerId: refugees.foreignerId,
      unitCode: refugees.unitCode,
      status: refugees.status,
      unhcrStatus: refugees.unhcrStatus,
    })
    .from(refugees)
    .where(unitCodes ? inArray(refugees.unitCode, [...unitCodes]) : undefined);
  const people = await listForeignerNames(
    db,
    rows.map((r) => r.foreignerId),
  );
  const counts = new Map<string, RefugeeFigureRow>();
  for (const r of rows) {
    const nationality = people.get(r.foreignerId)?.nationality ?? 'XXX';
    const key = [r.unitCode, r.status, r.unhcrStatus, nationality].join('|');
    const row = counts.get(key) ?? {
      unitCode: r.unitCode,
      status: r.status,
      unhcrStatus: r.unhcrStatus,
      nationality,
      count: 0,
    };
    row.count += 1;
    counts.set(key, row);
  }
  return [...counts.values()];
}

/** One row per month of `year` (YYYY-MM) and unit: people placed, and released by reason, in that month. */
export type DetentionMonthRow = {
  month: string;
  unitCode: string;
  placed: number;
  released: Record<ReleaseReason, number>;
};

export async function countDetentionByMonth(db: Executor, year: number): Promise<DetentionMonthRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const rows = await db
    .select({
      unitCode: detainees.unitCode,
      placedOn: detainees.placedOn,
      releasedOn: detainees.releasedOn,
      releaseReason: detainees.releaseReason,
    })
    .from(detainees)
    .where(
      or(
        and(gte(detainees.placedOn, from), lt(detainees.placedOn, to)),
        and(gte(detainees.releasedOn, from), lt(detainees.releasedOn, to)),
      ),
    );
  const months = new Map<string, DetentionMonthRow>();
  const row = (month: string, unitCode: string) => {
    const key = `${month}|${unitCode}`;
    const found = months.get(key) ?? {
      month,
      unitCode,
      placed: 0,
      released: { deported: 0, conditional: 0, transferred: 0, other: 0 },
    };
    months.set(key, found);
    return found;
  };
  for (const r of rows) {
    if (r.placedOn >= from && r.placedOn < to) row(r.placedOn.slice(0, 7), r.unitCode).placed += 1;
    if (r.releasedOn && r.releaseReason && r.releasedOn >= from && r.releasedOn < to)
      row(r.releasedOn.slice(0, 7), r.unitCode).released[r.releaseReason] += 1;
  }
  return [...months.values()].sort((a, b) => (a.month + a.unitCode < b.month + b.unitCode ? -1 : 1));
}

import { and, eq, sql } from 'drizzle-orm';
import type { PassportType } from '../applications/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { passportSeries } from './schema.ts';

/**
 * How passport numbers are made. No official source gives the format (domain.md), so it is data: a prefix per
 * passport type and a counter of `digits` digits, 1 letter + 7 digits = 8 characters by default (e.g. X0012345).
 *
 * Units never collide because each counts in its own range of the counter (a configured range serves both types,
 * whose prefixes differ):
 * - the units below are given ranges sized for decades of their volume (Kupang issues about 12.000 a year);
 * - any other unit takes, at its first passport of a type, the lowest free pool block of `poolBlockSize` numbers
 *   at or above `poolFrom`. A pool series never leaves its block (the block's last number is not used), so the
 *   block is always `floor(next / poolBlockSize)` and needs no column of its own.
 * A series at the end of its range refuses to print (series_exhausted) until the range is extended here.
 * A row in `passport_series` may be edited (prefix, digits, next) to continue a series from the previous system.
 */
export const numberSeries = {
  prefixes: { elektronik: 'X', biasa: 'B' } satisfies Record<PassportType, string>,
  digits: 7,
  ranges: {
    'KANIM-KUPANG': { first: 1, last: 1_999_999 },
    'KANIM-MAUMERE': { first: 2_000_000, last: 2_999_999 },
    'KANIM-ATAMBUA': { first: 3_000_000, last: 3_999_999 },
    'KANIM-LABUAN-BAJO': { first: 4_000_000, last: 4_999_999 },
    'POS-ROTE-NDAO': { first: 5_000_000, last: 5_099_999 },
    'POS-SUMBA-TENGAH': { first: 5_100_000, last: 5_199_999 },
    'POS-LEMBATA': { first: 5_200_000, last: 5_299_999 },
    'POS-ENDE': { first: 5_300_000, last: 5_399_999 },
    'POS-KEFAMENANU': { first: 5_400_000, last: 5_499_999 },
    'POS-BAJAWA': { first: 5_500_000, last: 5_599_999 },
    'POS-RUTENG': { first: 5_600_000, last: 5_699_999 },
  } as Record<string, { first: number; last: number }>,
  poolFrom: 6_000_000,
  poolBlockSize: 10_000,
};

type Series = typeof passportSeries.$inferSelect;

/** The last number a series may give: its configured range's end, or its pool block's last number but one. */
function lastOf(series: Series): number {
  const range = numberSeries.ranges[series.unitCode];
  if (range) return range.last;
  const { poolBlockSize } = numberSeries;
  return Math.floor(series.next / poolBlockSize) * poolBlockSize + poolBlockSize - 2;
}

/**
 * Creates the unit's series for a type. A pool block is chosen with the table locked against writers, so two units
 * starting at once cannot take the same block; this happens once per unit and type.
 */
async function createSeries(tx: Tx, unitCode: string, type: PassportType): Promise<void> {
  const prefix = numberSeries.prefixes[type];
  let first = numberSeries.ranges[unitCode]?.first;
  if (first === undefined) {
    await tx.execute(sql`lock table passport_series in share row exclusive mode`);
    const taken = await tx
      .select({ next: passportSeries.next })
      .from(passportSeries)
      .where(eq(passportSeries.prefix, prefix));
    const { poolFrom, poolBlockSize, digits } = numberSeries;
    const used = new Set(taken.map((s) => Math.floor(s.next / poolBlockSize)));
    const blocks = 10 ** digits / poolBlockSize;
    let block = Math.ceil(poolFrom / poolBlockSize);
    while (used.has(block)) block++;
    if (block >= blocks) throw new AppError('series_exhausted');
    first = block * poolBlockSize;
  }
  await tx
    .insert(passportSeries)
    .values({ unitCode, type, prefix, digits: numberSeries.digits, next: first })
    .onConflictDoNothing();
}

/** The next passport number of the unit's series for the type, e.g. "X0000001"; consecutive within a series. */
export async function allocatePassportNumber(tx: Tx, unitCode: string, type: PassportType): Promise<string> {
  const key = and(eq(passportSeries.unitCode, unitCode), eq(passportSeries.type, type));
  let [series] = await tx.select().from(passportSeries).where(key).for('update');
  if (!series) {
    await createSeries(tx, unitCode, type);
    [series] = await tx.select().from(passportSeries).where(key).for('update');
  }
  if (!series || series.next > lastOf(series)) throw new AppError('series_exhausted');
  const [taken] = await tx
    .update(passportSeries)
    .set({ next: sql`${passportSeries.next} + 1` })
    .where(key)
    .returning({ number: sql<number>`${passportSeries.next} - 1` });
  return `${series.prefix}${String(taken!.number).padStart(series.digits, '0')}`;
}

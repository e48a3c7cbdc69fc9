import { and, gte, isNull, lte, or } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { tariffs, type FeeItem, type FeeLine } from './schema.ts';

/** What the tariff prices, in its own terms: fees sits below applications, whose answers these are. */
export type FeeInput = {
  passportType: 'biasa' | 'elektronik';
  validityYears: 5 | 10;
  speed: 'reguler' | 'percepatan';
  kind: string;
  on: IsoDate;
};
export type Fee = { total: number; currency: 'IDR'; items: FeeLine[]; regulation: string };

/** The itemised PNBP fee under the tariff in force on the given WITA date. */
export async function calculateFee(db: Executor, input: FeeInput): Promise<Fee> {
  const rows = await db
    .select()
    .from(tariffs)
    .where(and(lte(tariffs.validFrom, input.on), or(isNull(tariffs.validUntil), gte(tariffs.validUntil, input.on))));
  const price = new Map(rows.map((r) => [r.item, r]));
  const wanted: FeeItem[] = [`${input.passportType}_${input.validityYears}y`];
  if (input.speed === 'percepatan') wanted.push('percepatan');
  if (input.kind === 'lost') wanted.push('lost');
  if (input.kind === 'damaged') wanted.push('damaged');
  const base = price.get(wanted[0]!);
  if (!base) throw new AppError('not_found', { on: 'v.noTariff' });
  const items = wanted.flatMap((item) => {
    const row = price.get(item);
    return row ? [{ item, amount: row.amount }] : [];
  });
  return { total: items.reduce((sum, i) => sum + i.amount, 0), currency: 'IDR', items, regulation: base.regulation };
}

import { and, gte, isNull, lte, or } from 'drizzle-orm';
import type { ApplicationKind, FeeLine, PassportType, Speed } from '../applications/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { tariffs, type FeeItem } from './schema.ts';

export type FeeInput = { passportType: PassportType; validityYears: 5 | 10; speed: Speed; kind: ApplicationKind; on: IsoDate };
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

/** Ten-year passports only for applicants who are 17 or older, or married (Permenkumham 18/2022). */
export function maxValidityYears(birthDate: IsoDate, married: boolean, on: IsoDate): 5 | 10 {
  return ageOn(birthDate, on) >= 17 || married ? 10 : 5;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

import { and, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { banRules, type BanList, type BanRule } from './schema.ts';

/** The list's limits in force on a day (the day an officer records a listing or an extension). */
export async function findBanRule(db: Executor, list: BanList, on: IsoDate): Promise<BanRule> {
  const [rule] = await db
    .select()
    .from(banRules)
    .where(
      and(
        eq(banRules.list, list),
        lte(banRules.validFrom, on),
        or(isNull(banRules.validUntil), gte(banRules.validUntil, on)),
      ),
    )
    .orderBy(desc(banRules.validFrom))
    .limit(1);
  if (!rule) throw new AppError('validation_failed', { validUntil: 'watchlist.v.noRule' });
  return rule;
}

const monthLength = (firstOfMonth: Date) => {
  const next = new Date(firstOfMonth.getTime());
  next.setUTCMonth(next.getUTCMonth() + 1);
  return Math.round((next.getTime() - firstOfMonth.getTime()) / 86_400_000);
};

/**
 * The last day of a period of `months` months from `firstDay`: the day before the same date that many months later,
 * or the last day of that month when it has no such date (six months from 31 August end on the last day of February).
 */
export function lastDayOfPeriod(firstDay: IsoDate, months: number): IsoDate {
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const target = new Date(0);
  target.setUTCFullYear(y, m - 1 + months, 1);
  // Beyond what a date column holds the period is as good as endless.
  if (target.getUTCFullYear() > 9999) return '9999-12-31';
  const daysInTarget = monthLength(target);
  const first = target.toISOString().slice(0, 10);
  return d > daysInTarget ? addDays(first, daysInTarget - 1) : addDays(first, d - 2);
}

/**
 * Refuses a last day past the rule's limit for a period from `firstDay`, naming the limit, the provision and the
 * latest day allowed; nothing is written.
 */
export function assertWithin(rule: BanRule, firstDay: IsoDate, months: number, lastDay: IsoDate): void {
  const latest = lastDayOfPeriod(firstDay, months);
  if (lastDay <= latest) return;
  const years = months % 12 === 0;
  throw new AppError(
    'validation_failed',
    { validUntil: years ? 'watchlist.v.tooLongYears' : 'watchlist.v.tooLongMonths' },
    { years: months / 12, months, basis: rule.basis, latest },
  );
}

import { and, desc, gte, isNull, lte, or } from 'drizzle-orm';
import { addDays, addMonths, daysBetween, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { detentionRules, type Detainee, type DetentionRule } from './schema.ts';

/** The rule in force on the placement day. */
export async function ruleOn(db: Executor, day: IsoDate): Promise<DetentionRule> {
  const [rule] = await db
    .select()
    .from(detentionRules)
    .where(
      and(
        lte(detentionRules.validFrom, day),
        or(isNull(detentionRules.validUntil), gte(detentionRules.validUntil, day)),
      ),
    )
    .orderBy(desc(detentionRules.validFrom))
    .limit(1);
  if (!rule) throw new AppError('validation_failed', { placedOn: 'detention.v.noRule' });
  return rule;
}

type Counted = Pick<Detainee, 'placedOn'> & { firstPlacedOn?: IsoDate | null };

/** The day Pasal 85's count starts: the first placement of a detention carried on across transfers. */
export const countsFrom = (d: Counted): IsoDate => d.firstPlacedOn ?? d.placedOn;

export type DetentionCount = { days: number; limitOn: IsoDate; reviewDueOn: IsoDate | null; warnOn: IsoDate };

/**
 * Pasal 85's count: days held from the (first) placement day through `today` (or the release day), both included; a
 * temporary leave does not stop it, since the person stays detained in law. The limit falls `max_years` after
 * placement; a review is due `review_months` after the last (or the placement), while the person is held.
 */
export function countDetention(
  detainee: Counted & Pick<Detainee, 'releasedOn' | 'lastReviewedOn'>,
  rule: Pick<DetentionRule, 'maxYears' | 'reviewMonths' | 'warnDays'>,
  today: IsoDate,
): DetentionCount {
  const last = detainee.releasedOn ?? today;
  const start = countsFrom(detainee);
  const limitOn = addMonths(start, rule.maxYears * 12);
  return {
    days: Math.max(0, daysBetween(start, last) + 1),
    limitOn,
    reviewDueOn: detainee.releasedOn ? null : addMonths(detainee.lastReviewedOn ?? start, rule.reviewMonths),
    warnOn: addDays(limitOn, -rule.warnDays),
  };
}

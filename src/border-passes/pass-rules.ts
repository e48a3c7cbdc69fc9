import { and, asc, desc, gte, isNull, lte, or } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { addDays, addMonths, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { borderPassDistricts, borderPassRules, type BorderPassRule } from './schema.ts';

/** How long a holder may stay across the border: the rule's days, extensions and ceiling. */
export type StayRule = Pick<BorderPassRule, 'stayDays' | 'stayExtensions' | 'extensionDays' | 'maxStayDays'>;

/** A dated row in force on a WITA day (`validUntil` inclusive). */
const inForce = (row: { validFrom: PgColumn; validUntil: PgColumn }, day: IsoDate) =>
  and(lte(row.validFrom, day), or(isNull(row.validUntil), gte(row.validUntil, day)));

/** The pass rule in force on a WITA day. */
export async function passRuleOn(db: Executor, day: IsoDate): Promise<BorderPassRule> {
  const [rule] = await db
    .select()
    .from(borderPassRules)
    .where(inForce(borderPassRules, day))
    .orderBy(desc(borderPassRules.validFrom))
    .limit(1);
  if (!rule) throw new AppError('not_found');
  return rule;
}

/** The district codes whose residents may hold a pass on a WITA day. */
export async function eligibleDistrictCodes(db: Executor, day: IsoDate): Promise<string[]> {
  const rows = await db
    .selectDistinct({ code: borderPassDistricts.districtCode })
    .from(borderPassDistricts)
    .where(inForce(borderPassDistricts, day))
    .orderBy(asc(borderPassDistricts.districtCode));
  return rows.map((r) => r.code);
}

/** The last day a pass issued on `issuedOn` is valid: a year's pass issued 10 March is valid to 9 March. */
export function passValidUntil(rule: Pick<BorderPassRule, 'validityMonths'>, issuedOn: IsoDate): IsoDate {
  return addDays(addMonths(issuedOn, rule.validityMonths), -1);
}

/**
 * The last day a holder who crossed out on `departedOn` may come back, with `extensions` granted: the departure day
 * is the stay's first day, each extension adds its days, and the stay never passes the ceiling (10 days, twice 10
 * more, at most 30: the 10-day stay from 1 March ends 10 March). More extensions than the rule allows are refused.
 */
export function allowedReturnDate(rule: StayRule, departedOn: IsoDate, extensions = 0): IsoDate {
  if (!Number.isInteger(extensions) || extensions < 0 || extensions > rule.stayExtensions)
    throw new AppError('validation_failed', { extensions: 'borderPasses.v.extensions' }, { max: rule.stayExtensions });
  const days = Math.min(rule.stayDays + extensions * rule.extensionDays, rule.maxStayDays);
  return addDays(departedOn, days - 1);
}

import type { PgColumn } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { StayPermit } from '../stay-permits/schema.ts';
import { permitServiceRules, permitTariffs, type PermitService, type PermitServiceRule } from './schema.ts';

/** Rows in force on the day: from `validFrom`, to `validUntil` inclusive (none: still in force). */
const inForceOn = (on: IsoDate, from: PgColumn, until: PgColumn) =>
  and(lte(from, on), or(isNull(until), gte(until, on)));

/** The rule in force on the day for the service on this permit: its entry basis's own row before an any-basis one. */
export async function findServiceRule(
  db: Executor,
  service: PermitService,
  permit: Pick<StayPermit, 'type' | 'entryBasis'>,
  on: IsoDate,
): Promise<PermitServiceRule | null> {
  const r = permitServiceRules;
  const rows = await db
    .select()
    .from(r)
    .where(
      and(
        eq(r.service, service),
        eq(r.permitType, permit.type),
        eq(r.inForce, true),
        inForceOn(on, r.validFrom, r.validUntil),
        or(isNull(r.entryBasis), eq(r.entryBasis, permit.entryBasis)),
      ),
    )
    .orderBy(asc(r.entryBasis), desc(r.validFrom));
  return rows.find((row) => row.entryBasis === permit.entryBasis) ?? rows[0] ?? null;
}

const refuse = (message: string): never => {
  throw new AppError('validation_failed', { service: `permitServices.v.${message}` });
};

/**
 * Whether the permit may have the service on the day, by the rule (null: none in force for its type and basis).
 * Refuses with the reason on the `service` field; returns nothing when eligible.
 */
export function assertEligible(rule: PermitServiceRule | null, permit: StayPermit, on: IsoDate): PermitServiceRule {
  if (permit.status !== 'active') return refuse('permitNotActive');
  if (on > permit.validUntil) return refuse('permitEnded');
  if (!rule) return refuse('notOffered');
  if (!rule.allowed) return refuse(rule.service === 'itk_to_itas' ? 'alihStatusBasis' : 'notOffered');
  if (rule.maxExtensions !== null && permit.extensions >= rule.maxExtensions) return refuse('tooManyExtensions');
  if (rule.earliestDaysBefore !== null && on < addDays(permit.validUntil, -rule.earliestDaysBefore))
    return refuse('tooEarly');
  if (on > addDays(permit.validUntil, -rule.latestDaysBefore)) return refuse('tooLate');
  return rule;
}

/** The first and last day a permit may be filed for under the rule, for the page to say. */
export function filingWindow(rule: PermitServiceRule, permit: Pick<StayPermit, 'validUntil'>) {
  return {
    from: rule.earliestDaysBefore === null ? null : addDays(permit.validUntil, -rule.earliestDaysBefore),
    until: addDays(permit.validUntil, -rule.latestDaysBefore),
  };
}

export type Fee = { amount: number; regulation: string | null };

/** The fee for the rule's grant on the day: the tariff row of its item in force with the fewest days covering it. */
export async function feeFor(db: Executor, rule: PermitServiceRule, on: IsoDate): Promise<Fee> {
  if (!rule.tariffItem) return { amount: 0, regulation: null };
  const t = permitTariffs;
  const [row] = await db
    .select({ amount: t.amount, regulation: t.regulation })
    .from(t)
    .where(
      and(eq(t.item, rule.tariffItem), gte(t.maxDays, rule.stepDays ?? 0), inForceOn(on, t.validFrom, t.validUntil)),
    )
    .orderBy(asc(t.maxDays))
    .limit(1);
  // No tariff in force for the item: the office cannot bill it, so nobody can apply until one is entered.
  return row ?? refuse('noTariff');
}

/** Every rule in force on the day that allows its service, for the application page to list. */
export function rulesInForce(db: Executor, on: IsoDate): Promise<PermitServiceRule[]> {
  const r = permitServiceRules;
  return db
    .select()
    .from(r)
    .where(and(eq(r.inForce, true), eq(r.allowed, true), inForceOn(on, r.validFrom, r.validUntil)))
    .orderBy(asc(r.service), asc(r.permitType), asc(r.entryBasis));
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { datesBetween, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { closedDays } from '../holidays/closed-days.ts';
import { getUnit } from '../units/list-units.ts';
import { assignDuties } from './assign-duties.ts';
import { counterOfficers } from './counter-officers.ts';
import { duties } from './schema.ts';

/** A roster is planned, and the calendar read, a term at a time at most. */
const maxRangeDays = 92;

export function checkRange(from: IsoDate, to: IsoDate): void {
  if (to < from) throw new AppError('validation_failed', { to: 'roster.v.rangeOrder' });
  if (datesBetween(from, to).length > maxRangeDays)
    throw new AppError('validation_failed', { to: 'roster.v.rangeLong' });
}

export type CounterDutyInput = { unitCode: string; from: IsoDate; to: IsoDate; officerIds: string[] };

/**
 * Puts officers on counter duty at the unit on every working day of [from, to] (weekends, holidays and the unit's
 * closures skipped). All or nothing: one officer busy elsewhere on one day refuses the whole range with
 * `resource_busy` naming them (and the day, in the error's params). Days on which an officer already has counter
 * duty here are left as they are, so a range can be re-sent after adding someone.
 */
export async function assignCounterDuty(
  tx: Tx,
  caller: Caller,
  input: CounterDutyInput,
): Promise<{ days: IsoDate[]; assigned: number }> {
  await getUnit(tx, input.unitCode);
  checkRange(input.from, input.to);
  const officerIds = [...new Set(input.officerIds)];
  if (officerIds.length === 0) throw new AppError('validation_failed', { officerIds: 'roster.v.officers' });
  const eligible = new Set((await counterOfficers(tx, input.unitCode)).map((o) => o.id));
  if (officerIds.some((id) => !eligible.has(id)))
    throw new AppError('validation_failed', { officerIds: 'roster.v.officerScope' });

  const closed = await closedDays(tx, input.unitCode, input.from, input.to);
  const days = datesBetween(input.from, input.to).filter((d) => !closed.has(d));
  if (days.length === 0) throw new AppError('validation_failed', { to: 'roster.v.noWorkingDays' });

  const here = await tx
    .select({ date: duties.date, officerId: duties.officerId })
    .from(duties)
    .where(
      and(
        eq(duties.unitCode, input.unitCode),
        eq(duties.kind, 'counter'),
        inArray(duties.date, days),
        inArray(duties.officerId, officerIds),
      ),
    );
  const already = new Set(here.map((r) => `${r.date}/${r.officerId}`));
  let assigned = 0;
  for (const date of days) {
    const todo = officerIds.filter((id) => !already.has(`${date}/${id}`));
    try {
      assigned += (
        await assignDuties(tx, caller, { date, unitCode: input.unitCode, kind: 'counter', officerIds: todo })
      ).assigned;
    } catch (err) {
      if (err instanceof AppError && err.code === 'resource_busy')
        throw new AppError('resource_busy', err.fields, { date });
      throw err;
    }
  }
  return { days, assigned };
}

import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { authorize } from './policy.ts';
import { arrivals, foreigners, type Arrival } from './schema.ts';

export type ArrivalInput = { foreignerId: string; arrivedOn: IsoDate; place: string; requestId?: string | null };

/**
 * A person came into Indonesia (the crossing desk let them through on a WITA day not after today, at a place): their
 * presence opens again, so the departures before it no longer spare a lapsed permit. Audited; a resent request id
 * finds the arrival it made and changes nothing.
 */
export async function recordArrival(tx: Tx, caller: Caller, input: ArrivalInput): Promise<Arrival> {
  authorize(caller.actor, 'foreigner.recordArrival');
  // A request id is the sending officer's own: another officer's id, even the same text, finds nothing of theirs.
  const resent = () =>
    tx
      .select()
      .from(arrivals)
      .where(and(eq(arrivals.recordedBy, caller.actor?.id ?? ''), eq(arrivals.requestId, input.requestId ?? '')));
  if (input.requestId) {
    const [done] = await resent();
    if (done) return done;
  }
  if (input.arrivedOn > witaDate())
    throw new AppError('validation_failed', { arrivedOn: 'foreigners.v.arrivalInFuture' });
  const [person] = await tx.select({ id: foreigners.id }).from(foreigners).where(eq(foreigners.id, input.foreignerId));
  if (!person) throw new AppError('not_found');
  const [arrival] = await tx
    .insert(arrivals)
    .values({
      foreignerId: person.id,
      arrivedOn: input.arrivedOn,
      place: input.place,
      unitCode: caller.actor?.unitCode ?? '',
      recordedBy: caller.actor?.id ?? null,
      requestId: input.requestId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  // The same request sent twice at once: the other one recorded it.
  if (!arrival) {
    const [done] = await resent();
    if (!done) throw new AppError('conflict');
    return done;
  }
  await appendAudit(tx, caller, {
    action: 'foreigner.recordArrival',
    targetType: 'foreigner',
    targetId: person.id,
    unitCode: arrival.unitCode,
    details: { arrivedOn: input.arrivedOn },
  });
  return arrival;
}

import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { authorize } from './policy.ts';
import { departures, foreigners, travelDocuments, type Departure } from './schema.ts';

/** What a higher feature does when a person leaves (overstays close with their final days); `app.ts` hands it in. */
export type OnDeparture = (
  tx: Tx,
  caller: Caller,
  departure: { foreignerId: string; departedOn: IsoDate },
) => Promise<void>;

export type DepartureInput = {
  /** The person, by id (the API) or by the passport shown (the officer's form; the birth date when the number and
   * nationality name more than one person). */
  who: { foreignerId: string } | { nationality: string; documentNumber: string; birthDate?: string | null };
  departedOn: IsoDate;
  place: string;
  requestId?: string | null;
};

async function findPerson(tx: Tx, who: DepartureInput['who']): Promise<string> {
  if ('foreignerId' in who) {
    const [person] = await tx.select({ id: foreigners.id }).from(foreigners).where(eq(foreigners.id, who.foreignerId));
    if (!person) throw new AppError('not_found');
    return person.id;
  }
  const found = await tx
    .selectDistinct({ id: travelDocuments.foreignerId })
    .from(travelDocuments)
    .where(
      and(
        eq(travelDocuments.nationality, who.nationality),
        eq(travelDocuments.number, who.documentNumber),
        who.birthDate ? eq(travelDocuments.birthDate, who.birthDate) : undefined,
      ),
    );
  if (found.length === 0) throw new AppError('validation_failed', { documentNumber: 'foreigners.v.unknownDocument' });
  if (found.length > 1) throw new AppError('validation_failed', { birthDate: 'foreigners.v.ambiguousDocument' });
  return found[0]!.id;
}

/**
 * An officer records that a person left Indonesia (on a WITA day not after today, at a place); the departure closes
 * their overstays (`onDeparture`) and is audited. A resent request id finds the departure it made and changes nothing.
 */
export async function recordDeparture(
  tx: Tx,
  caller: Caller,
  input: DepartureInput,
  onDeparture?: OnDeparture,
): Promise<Departure> {
  authorize(caller.actor, 'foreigner.recordDeparture');
  // A request id is the sending officer's own: another officer's id, even the same text, finds nothing of theirs.
  const resent = () =>
    tx
      .select()
      .from(departures)
      .where(and(eq(departures.recordedBy, caller.actor?.id ?? ''), eq(departures.requestId, input.requestId ?? '')));
  if (input.requestId) {
    const [done] = await resent();
    if (done) return done;
  }
  if (input.departedOn > witaDate())
    throw new AppError('validation_failed', { departedOn: 'foreigners.v.departureInFuture' });
  const foreignerId = await findPerson(tx, input.who);
  const [departure] = await tx
    .insert(departures)
    .values({
      foreignerId,
      departedOn: input.departedOn,
      place: input.place,
      unitCode: caller.actor?.unitCode ?? '',
      recordedBy: caller.actor?.id ?? null,
      requestId: input.requestId ?? null,
    })
    .onConflictDoNothing()
    .returning();
  // The same request sent twice at once: the other one recorded it.
  if (!departure) {
    const [done] = await resent();
    if (!done) throw new AppError('conflict');
    return done;
  }
  await onDeparture?.(tx, caller, { foreignerId, departedOn: input.departedOn });
  await appendAudit(tx, caller, {
    action: 'foreigner.recordDeparture',
    targetType: 'foreigner',
    targetId: foreignerId,
    unitCode: departure.unitCode,
    details: { departedOn: input.departedOn },
  });
  return departure;
}

import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { lodgingForMember } from './get-lodging.ts';
import { stays, type Stay } from './schema.ts';

/**
 * The guest left: the check-out time (now unless given; not before the check-in, not in the future). A stay already
 * checked out is answered as it is, so a resent check-out changes nothing.
 */
export async function checkOutGuest(
  tx: Tx,
  caller: Caller,
  input: { lodgingId: string; stayId: string; checkOutAt?: Date | null },
  now = new Date(),
): Promise<{ stay: Stay; repeated: boolean }> {
  // A suspended lodging still reports its guests' departures: only check-ins wait for the office.
  const { lodging } = await lodgingForMember(tx, caller.actor, input.lodgingId);
  const [stay] = await tx
    .select()
    .from(stays)
    .where(and(eq(stays.id, input.stayId), eq(stays.lodgingId, lodging.id)))
    .for('update');
  if (!stay) throw notFound();
  if (stay.checkOutAt) return { stay, repeated: true };
  const at = input.checkOutAt ?? now;
  if (at.getTime() > now.getTime())
    throw new AppError('validation_failed', { checkOutAt: 'lodgings.intake.v.checkOutFuture' });
  if (at.getTime() < stay.checkInAt.getTime())
    throw new AppError('validation_failed', { checkOutAt: 'lodgings.intake.v.checkOutBeforeCheckIn' });
  const [updated] = await tx
    .update(stays)
    .set({ checkOutAt: at, checkOutReportedAt: now })
    .where(eq(stays.id, stay.id))
    .returning();
  await appendAudit(tx, caller, {
    action: 'lodging.check_out',
    targetType: 'stay',
    targetId: stay.id,
    unitCode: lodging.unitCode,
    details: { lodgingId: lodging.id },
  });
  return { stay: updated!, repeated: false };
}

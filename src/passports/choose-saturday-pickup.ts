import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { lockApplication } from '../applications/get-application.ts';
import { pickupStatuses } from '../applications/application-statuses.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { dayOfWeek, witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { cancelPickup } from './release-saturday-pickup.ts';
import { upcomingSaturdays } from './saturday-slots.ts';
import { saturdayPickups, saturdayPickupSlots } from './schema.ts';

/**
 * The applicant chooses a Saturday pickup (si Koe TOS) at the application's unit. The place is taken by a
 * conditional update (never more than the capacity); one live choice per application, and changing it gives the
 * old place back. The caller must have been authorised as the application's owner.
 */
export async function chooseSaturdayPickup(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; date: string },
  now = new Date(),
) {
  const application = await lockApplication(tx, input.applicationId);
  if (!pickupStatuses.includes(application.status) || !application.unitCode) throw new AppError('invalid_transition');
  if (dayOfWeek(input.date) !== 6) throw new AppError('validation_failed', { date: 'passports.v.saturday' });
  if (!upcomingSaturdays(witaDate(now)).includes(input.date))
    throw new AppError('validation_failed', { date: 'passports.v.pickupDate' });
  const unitCode = application.unitCode;

  const [current] = await tx
    .select()
    .from(saturdayPickups)
    .where(and(eq(saturdayPickups.applicationId, application.id), isNull(saturdayPickups.cancelledAt)))
    .for('update');
  if (current?.date === input.date) return { date: current.date, unitCode: current.unitCode };

  const [place] = await tx
    .update(saturdayPickupSlots)
    .set({ booked: sql`${saturdayPickupSlots.booked} + 1` })
    .where(
      and(
        eq(saturdayPickupSlots.unitCode, unitCode),
        eq(saturdayPickupSlots.date, input.date),
        lt(saturdayPickupSlots.booked, saturdayPickupSlots.capacity),
      ),
    )
    .returning({ booked: saturdayPickupSlots.booked });
  if (!place) throw new AppError('pickup_full');
  if (current) await cancelPickup(tx, current, now);
  await tx
    .insert(saturdayPickups)
    .values({ applicationId: application.id, unitCode, date: input.date, createdAt: now });
  await recordAction(tx, caller, {
    applicationId: application.id,
    type: 'saturday_pickup',
    payload: { date: input.date, ...(current ? { previous: current.date } : {}) },
  });
  await appendAudit(tx, caller, {
    action: 'saturday_pickup.choose',
    targetType: 'application',
    targetId: application.id,
    unitCode,
    details: { date: input.date, ...(current ? { previous: current.date } : {}) },
  });
  return { date: input.date, unitCode };
}

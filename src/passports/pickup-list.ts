import { and, eq, isNull, ne } from 'drizzle-orm';
import { listApplicationsById } from '../applications/list-applications-by-id.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { passports, saturdayPickups, saturdayPickupSlots } from './schema.ts';

/**
 * The pickup desk's list for one Saturday: who comes, their tracking code, passport number and where it stands.
 * Names of people are shown, so each viewing is audited.
 */
export async function viewPickupList(tx: Tx, caller: Caller, input: { unitCode: string; date: string }) {
  const [slot] = await tx
    .select()
    .from(saturdayPickupSlots)
    .where(and(eq(saturdayPickupSlots.unitCode, input.unitCode), eq(saturdayPickupSlots.date, input.date)));
  const pickups = await tx
    .select({
      applicationId: saturdayPickups.applicationId,
      passportNumber: passports.number,
      passportStatus: passports.status,
    })
    .from(saturdayPickups)
    .leftJoin(
      passports,
      and(eq(passports.applicationId, saturdayPickups.applicationId), ne(passports.status, 'cancelled')),
    )
    .where(
      and(
        eq(saturdayPickups.unitCode, input.unitCode),
        eq(saturdayPickups.date, input.date),
        isNull(saturdayPickups.cancelledAt),
      ),
    );
  const passportOf = new Map(pickups.map((p) => [p.applicationId, p]));
  const rows = (await listApplicationsById(tx, [...passportOf.keys()])).map((a) => {
    const { passportNumber, passportStatus } = passportOf.get(a.id)!;
    return {
      applicationId: a.id,
      fullName: a.fullName,
      trackingCode: a.trackingCode,
      applicationStatus: a.status,
      passportNumber,
      passportStatus,
    };
  });
  await appendAudit(tx, caller, {
    action: 'saturday_pickup.list',
    targetType: 'unit',
    targetId: input.unitCode,
    unitCode: input.unitCode,
    details: { date: input.date, entries: rows.length },
  });
  return { capacity: slot?.capacity ?? 0, booked: slot?.booked ?? 0, rows };
}
export type PickupList = Awaited<ReturnType<typeof viewPickupList>>;

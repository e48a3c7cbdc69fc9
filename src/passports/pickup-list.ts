import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import { applications } from '../applications/schema.ts';
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
  const rows = await tx
    .select({
      applicationId: applications.id,
      fullName: applications.fullName,
      trackingCode: applications.trackingCode,
      applicationStatus: applications.status,
      passportNumber: passports.number,
      passportStatus: passports.status,
    })
    .from(saturdayPickups)
    .innerJoin(applications, eq(applications.id, saturdayPickups.applicationId))
    .leftJoin(passports, and(eq(passports.applicationId, saturdayPickups.applicationId), ne(passports.status, 'cancelled')))
    .where(and(eq(saturdayPickups.unitCode, input.unitCode), eq(saturdayPickups.date, input.date), isNull(saturdayPickups.cancelledAt)))
    .orderBy(asc(applications.fullName));
  await appendAudit(tx, caller, { action: 'saturday_pickup.list', targetType: 'unit', targetId: input.unitCode, unitCode: input.unitCode, details: { date: input.date, entries: rows.length } });
  return { capacity: slot?.capacity ?? 0, booked: slot?.booked ?? 0, rows };
}
export type PickupList = Awaited<ReturnType<typeof viewPickupList>>;

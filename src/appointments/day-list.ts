import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { applications } from '../applications/schema.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import { appointments } from './schema.ts';

export type DayListEntry = {
  trackingCode: string;
  fullName: string | null;
  passportType: string | null;
  speed: string | null;
  channel: string;
  paid: boolean;
  bookedAt: Date;
};

/**
 * The live appointments of a unit on a date, in the order they were booked (appointments have a date, not a time
 * slot, so booking order is the queue order). The list shows personal data: every viewing is audited.
 */
export async function viewDayList(tx: Tx, caller: Caller, input: { unitCode: string; date: IsoDate }): Promise<DayListEntry[]> {
  await getUnit(tx, input.unitCode);
  const rows = await tx
    .select({
      trackingCode: applications.trackingCode,
      fullName: applications.fullName,
      passportType: applications.passportType,
      speed: applications.speed,
      channel: appointments.channel,
      paid: sql<boolean>`exists (select 1 from billings b where b.appointment_id = ${appointments.id} and b.paid_at is not null)`,
      bookedAt: appointments.createdAt,
    })
    .from(appointments)
    .innerJoin(applications, eq(applications.id, appointments.applicationId))
    .where(and(eq(appointments.unitCode, input.unitCode), eq(appointments.date, input.date), inArray(appointments.state, ['booked', 'paid'])))
    .orderBy(asc(appointments.createdAt), asc(appointments.id));
  await appendAudit(tx, caller, { action: 'day_list.view', targetType: 'unit', targetId: input.unitCode, unitCode: input.unitCode, details: { date: input.date, entries: rows.length } });
  return rows.map((r) => ({ ...r, paid: r.paid === true }));
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import { listApplicationsById } from '../applications/list-applications-by-id.ts';
import { listPaidAppointmentIds } from '../payments/find-billing.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import { appointments, liveStates, passportChannels } from './schema.ts';

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
 * The passport appointments of a unit on a date, live or attended (the applicant already checked in), in the order
 * they were booked (appointments have a date, not a time slot, so booking order is the queue order). The list shows
 * personal data: every viewing is audited. Foreigners' biometrics visits are not on it: the passport counter neither
 * checks them in nor serves them; the stay-permit desk sees each visit's day on its own queue.
 */
export async function viewDayList(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; date: IsoDate },
): Promise<DayListEntry[]> {
  await getUnit(tx, input.unitCode);
  const live = await tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.unitCode, input.unitCode),
        eq(appointments.date, input.date),
        inArray(appointments.channel, [...passportChannels]),
        inArray(appointments.state, [...liveStates, 'attended']),
      ),
    )
    .orderBy(asc(appointments.createdAt), asc(appointments.id));
  const [applicants, paid] = await Promise.all([
    listApplicationsById(
      tx,
      live.map((a) => a.applicationId),
    ),
    listPaidAppointmentIds(
      tx,
      live.map((a) => a.id),
    ),
  ]);
  const byId = new Map(applicants.map((a) => [a.id, a]));
  const entries = live.flatMap((appointment): DayListEntry[] => {
    const a = byId.get(appointment.applicationId);
    if (!a) return [];
    const { trackingCode, fullName, passportType, speed } = a;
    return [
      {
        trackingCode,
        fullName,
        passportType,
        speed,
        channel: appointment.channel,
        paid: paid.has(appointment.id),
        bookedAt: appointment.createdAt,
      },
    ];
  });
  await appendAudit(tx, caller, {
    action: 'day_list.view',
    targetType: 'unit',
    targetId: input.unitCode,
    unitCode: input.unitCode,
    details: { date: input.date, entries: entries.length },
  });
  return entries;
}

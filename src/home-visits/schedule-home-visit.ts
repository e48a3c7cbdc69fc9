import { and, eq, inArray, isNull } from 'drizzle-orm';
import { appointments } from '../appointments/schema.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { billings } from '../payments/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assignDuties, releaseDuties } from '../roster/assign-duties.ts';
import { mobileKits } from '../roster/schema.ts';
import { unitScope } from '../units/scope.ts';
import type { HomeVisit } from './schema.ts';
import { mailRequester } from './visit-mails.ts';
import { alreadyDone, assertStatus, lockHomeVisit, recordVisitAction } from './visit-actions.ts';

export type ScheduleInput = { visitId: string; date: IsoDate; officerIds: string[]; kitId: string; requestId?: string | null };

/**
 * Fixes (or moves) the visit's date with the officers and the mobile kit who go. Moving a visit frees the old day's
 * duties first; an officer or kit already on any duty that day (counter, session, another visit) refuses the whole
 * change with `resource_busy`, and nothing moves. An application already linked has its appointment moved along.
 */
export async function scheduleHomeVisit(tx: Tx, caller: Caller, input: ScheduleInput, publicUrl: string, now = new Date()): Promise<HomeVisit> {
  const visit = await lockHomeVisit(tx, input.visitId);
  if (await alreadyDone(tx, visit.id, input.requestId)) return visit;
  assertStatus(visit, ['accepted', 'scheduled'], 'schedule');
  const officerIds = [...new Set(input.officerIds)];
  await checkTeam(tx, visit.unitCode, { ...input, officerIds }, witaDate(now));

  await releaseDuties(tx, visit.id);
  await assignDuties(tx, caller, { date: input.date, unitCode: visit.unitCode, kind: 'visit', refId: visit.id, officerIds, kitIds: [input.kitId] });
  if (visit.applicationId) await moveAppointment(tx, visit.applicationId, input.date);
  await recordVisitAction(tx, caller, visit, {
    type: visit.status === 'scheduled' ? 'rescheduled' : 'scheduled',
    status: 'scheduled',
    set: { visitDate: input.date },
    payload: { date: input.date, officerIds, kitId: input.kitId, ...(visit.visitDate ? { previousDate: visit.visitDate } : {}) },
    requestId: input.requestId,
  });
  await mailRequester(tx, visit, 'scheduled', { publicUrl, date: formatDay('id', input.date) });
  return lockHomeVisit(tx, visit.id);
}

/** The date is not past, the officers serve in the visit's unit or below it, and the kit is one of its active kits. */
async function checkTeam(tx: Tx, unitCode: string, input: ScheduleInput, today: IsoDate): Promise<void> {
  const errors: FieldErrors = {};
  if (input.date < today) errors.date = 'homeVisits.v.datePast';
  const scope = await unitScope(tx, unitCode);
  const officers = input.officerIds.length
    ? await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(inArray(accounts.id, input.officerIds), eq(accounts.kind, 'officer'), inArray(accounts.unitCode, scope), isNull(accounts.disabledAt)))
    : [];
  if (input.officerIds.length === 0 || officers.length !== input.officerIds.length) errors.officerIds = 'homeVisits.v.officers';
  const [kit] = await tx
    .select({ id: mobileKits.id })
    .from(mobileKits)
    .where(and(eq(mobileKits.id, input.kitId), inArray(mobileKits.unitCode, scope), eq(mobileKits.active, true)));
  if (!kit) errors.kitId = 'homeVisits.v.kit';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}

/** The applicant's appointment follows the visit; its billing stays payable until the end of the visit day. */
async function moveAppointment(tx: Tx, applicationId: string, date: IsoDate): Promise<void> {
  const live = await tx
    .update(appointments)
    .set({ date })
    .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, ['booked', 'paid'])))
    .returning({ id: appointments.id });
  for (const { id } of live) await tx.update(billings).set({ expiresAt: witaInstant(addDays(date, 1)) }).where(and(eq(billings.appointmentId, id), isNull(billings.paidAt)));
}

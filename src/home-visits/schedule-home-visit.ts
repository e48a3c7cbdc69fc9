import { and, eq, inArray, isNull } from 'drizzle-orm';
import { moveAppointmentWithVisit } from '../appointments/move-appointment-with-visit.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { extendBillingToVisitDay } from '../payments/extend-billing-to-visit-day.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assignDuties, releaseDuties } from '../roster/assign-duties.ts';
import { listActiveKits } from '../roster/list-active-kits.ts';
import { unitScope } from '../units/scope.ts';
import { performVisitAction } from './perform-visit-action.ts';
import type { HomeVisit } from './schema.ts';
import { mailRequester } from './visit-mails.ts';

export type ScheduleInput = {
  visitId: string;
  date: IsoDate;
  officerIds: string[];
  kitId: string;
  requestId?: string | null;
};

/**
 * Fixes (or moves) the visit's date with the officers and the mobile kit who go. Moving a visit frees the old day's
 * duties first; an officer or kit already on any duty that day (counter, session, another visit) refuses the whole
 * change with `resource_busy`, and nothing moves. An application already linked has its appointment moved along.
 */
export function scheduleHomeVisit(
  tx: Tx,
  caller: Caller,
  input: ScheduleInput,
  publicUrl: string,
  now = new Date(),
): Promise<HomeVisit> {
  return performVisitAction(
    tx,
    caller,
    { visitId: input.visitId, step: 'schedule', requestId: input.requestId },
    async (visit) => {
      const officerIds = [...new Set(input.officerIds)];
      await checkTeam(tx, visit.unitCode, { ...input, officerIds }, witaDate(now));
      await releaseDuties(tx, visit.id);
      await assignDuties(tx, caller, {
        date: input.date,
        unitCode: visit.unitCode,
        kind: 'visit',
        refId: visit.id,
        officerIds,
        kitIds: [input.kitId],
      });
      // The applicant's appointment follows the visit; its billing stays payable until the end of the visit day.
      if (visit.applicationId)
        for (const id of await moveAppointmentWithVisit(tx, visit.applicationId, input.date))
          await extendBillingToVisitDay(tx, id, input.date);
      await mailRequester(tx, visit, 'scheduled', { publicUrl, date: formatDay('id', input.date) });
      return {
        type: visit.status === 'scheduled' ? 'rescheduled' : 'scheduled',
        set: { visitDate: input.date },
        payload: {
          date: input.date,
          officerIds,
          kitId: input.kitId,
          ...(visit.visitDate ? { previousDate: visit.visitDate } : {}),
        },
      };
    },
  );
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
        .where(
          and(
            inArray(accounts.id, input.officerIds),
            eq(accounts.kind, 'officer'),
            inArray(accounts.unitCode, scope),
            isNull(accounts.disabledAt),
          ),
        )
    : [];
  if (input.officerIds.length === 0 || officers.length !== input.officerIds.length)
    errors.officerIds = 'homeVisits.v.officers';
  if (!(await listActiveKits(tx, scope)).some((k) => k.id === input.kitId)) errors.kitId = 'homeVisits.v.kit';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}

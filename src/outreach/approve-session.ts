import { and, eq, inArray, isNull } from 'drizzle-orm';
import { openSessionCapacity } from '../appointments/open-session-capacity.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { isWeekend, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import { listActiveKits } from '../roster/list-active-kits.ts';
import { newSessionCode } from './codes.ts';
import { performSessionAction } from './perform-session-action.ts';
import type { OutreachSession } from './schema.ts';
import { mailDecision } from './session-mails.ts';

export const deliveryModes = ['community', 'office'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export type Approval = {
  sessionId: string;
  date: IsoDate;
  capacity: number;
  officerIds: string[];
  kitIds: string[];
  deliveryDate?: IsoDate | null;
  deliveryMode?: DeliveryMode | null;
};

/**
 * The office says yes: fixes the date and capacity, puts officers and kits on the session's duty (refused with
 * `resource_busy` when any is on duty elsewhere that day), opens the capacity in the unit's `eazy_paspor` channel
 * for that date (added to whatever other sessions already opened), and gives the session the code participants
 * apply with. Everything happens or nothing does.
 */
export async function approveSession(
  tx: Tx,
  caller: Caller,
  input: Approval,
  publicUrl: string,
  now = new Date(),
): Promise<OutreachSession> {
  const { session } = await performSessionAction(
    tx,
    caller,
    { sessionId: input.sessionId, step: 'approve' },
    async (requested) => {
      await checkApproval(tx, requested, input, witaDate(now));
      await assignDuties(tx, caller, {
        date: input.date,
        unitCode: requested.unitCode,
        kind: 'session',
        refId: requested.id,
        officerIds: input.officerIds,
        kitIds: input.kitIds,
      });
      await openSessionCapacity(tx, requested.unitCode, input.date, input.capacity);
      const set = {
        date: input.date,
        capacity: input.capacity,
        sessionCode: newSessionCode(),
        deliveryDate: input.deliveryDate ?? null,
      };
      await mailDecision(tx, { ...requested, ...set, status: 'approved' }, 'approved', publicUrl);
      return {
        set,
        payload: {
          date: input.date,
          capacity: input.capacity,
          sessionCode: set.sessionCode,
          officerIds: input.officerIds,
          kitIds: input.kitIds,
          deliveryDate: set.deliveryDate,
          ...(input.deliveryMode ? { deliveryMode: input.deliveryMode } : {}),
        },
      };
    },
  );
  return session;
}

async function checkApproval(tx: Tx, session: OutreachSession, input: Approval, today: IsoDate): Promise<void> {
  const errors: FieldErrors = {};
  if (input.date <= today) errors.date = 'outreach.v.futureDate';
  // Participants book the session's date like any appointment, and bookings refuse weekends.
  else if (isWeekend(input.date)) errors.date = 'outreach.v.workingDay';
  if (input.deliveryDate && input.deliveryDate < input.date) errors.deliveryDate = 'outreach.v.deliveryAfter';
  if (input.officerIds.length === 0) errors.officerIds = 'outreach.v.officers';
  else {
    const found = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(
        and(
          inArray(accounts.id, input.officerIds),
          eq(accounts.kind, 'officer'),
          eq(accounts.unitCode, session.unitCode),
          isNull(accounts.disabledAt),
        ),
      );
    if (found.length !== new Set(input.officerIds).size) errors.officerIds = 'outreach.v.officerUnit';
  }
  if (input.kitIds.length > 0) {
    const active = new Set((await listActiveKits(tx, [session.unitCode])).map((k) => k.id));
    if (input.kitIds.some((id) => !active.has(id))) errors.kitIds = 'outreach.v.kitUnit';
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}

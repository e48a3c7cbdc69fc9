import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { dayQuotas, quotaOverrides } from '../appointments/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { isWeekend, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import { mobileKits } from '../roster/schema.ts';
import { newSessionCode } from './codes.ts';
import { lockSession } from './load-session.ts';
import { outreachSessions, type OutreachSession } from './schema.ts';
import { recordSessionAction } from './session-actions.ts';
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
export async function approveSession(tx: Tx, caller: Caller, input: Approval, publicUrl: string, now = new Date()): Promise<OutreachSession> {
  const session = await lockSession(tx, input.sessionId);
  if (session.status !== 'requested') throw new AppError('invalid_transition', undefined, { status: session.status });
  await checkApproval(tx, session, input, witaDate(now));

  await assignDuties(tx, caller, { date: input.date, unitCode: session.unitCode, kind: 'session', refId: session.id, officerIds: input.officerIds, kitIds: input.kitIds });
  await openCapacity(tx, session.unitCode, input.date, input.capacity);
  const [approved] = await tx
    .update(outreachSessions)
    .set({ status: 'approved', date: input.date, capacity: input.capacity, sessionCode: newSessionCode(), deliveryDate: input.deliveryDate ?? null })
    .where(eq(outreachSessions.id, session.id))
    .returning();
  await recordSessionAction(tx, caller, {
    sessionId: session.id,
    unitCode: session.unitCode,
    type: 'approved',
    payload: {
      status: 'approved',
      date: input.date,
      capacity: input.capacity,
      sessionCode: approved!.sessionCode,
      officerIds: input.officerIds,
      kitIds: input.kitIds,
      deliveryDate: input.deliveryDate ?? null,
      ...(input.deliveryMode ? { deliveryMode: input.deliveryMode } : {}),
    },
  });
  await mailDecision(tx, approved!, 'approved', publicUrl);
  return approved!;
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
      .where(and(inArray(accounts.id, input.officerIds), eq(accounts.kind, 'officer'), eq(accounts.unitCode, session.unitCode), isNull(accounts.disabledAt)));
    if (found.length !== new Set(input.officerIds).size) errors.officerIds = 'outreach.v.officerUnit';
  }
  if (input.kitIds.length > 0) {
    const kits = await tx
      .select({ id: mobileKits.id })
      .from(mobileKits)
      .where(and(inArray(mobileKits.id, input.kitIds), eq(mobileKits.unitCode, session.unitCode), eq(mobileKits.active, true)));
    if (kits.length !== new Set(input.kitIds).size) errors.kitIds = 'outreach.v.kitUnit';
  }
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}

/** Adds the session's places to the date's `eazy_paspor` override and, once bookings have started, to its counter. */
async function openCapacity(tx: Tx, unitCode: string, date: IsoDate, capacity: number): Promise<void> {
  await tx
    .insert(quotaOverrides)
    .values({ unitCode, date, channel: 'eazy_paspor', capacity })
    .onConflictDoUpdate({ target: [quotaOverrides.unitCode, quotaOverrides.date, quotaOverrides.channel], set: { capacity: sql`${quotaOverrides.capacity} + ${capacity}` } });
  await tx
    .update(dayQuotas)
    .set({ capacity: sql`${dayQuotas.capacity} + ${capacity}` })
    .where(and(eq(dayQuotas.unitCode, unitCode), eq(dayQuotas.date, date), eq(dayQuotas.channel, 'eazy_paspor')));
}

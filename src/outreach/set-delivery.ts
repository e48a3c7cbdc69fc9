import { and, desc, eq, sql } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { DeliveryMode } from './approve-session.ts';
import { lockSession } from './load-session.ts';
import { outreachActions, outreachSessions } from './schema.ts';
import { recordSessionAction } from './session-actions.ts';

/**
 * When and where the session's passports go back: to the community on the delivery date, or picked up at the
 * office. The date has a column; the mode has none, so it rides in the action's payload and the newest one counts.
 */
export async function setDelivery(tx: Tx, caller: Caller, input: { sessionId: string; deliveryDate: IsoDate; deliveryMode: DeliveryMode }): Promise<void> {
  const session = await lockSession(tx, input.sessionId);
  if (session.status !== 'approved' && session.status !== 'held') throw new AppError('invalid_transition', undefined, { status: session.status });
  if (session.date && input.deliveryDate < session.date) throw new AppError('validation_failed', { deliveryDate: 'outreach.v.deliveryAfter' });
  await tx.update(outreachSessions).set({ deliveryDate: input.deliveryDate }).where(eq(outreachSessions.id, session.id));
  await recordSessionAction(tx, caller, { sessionId: session.id, unitCode: session.unitCode, type: 'delivery_set', payload: { deliveryDate: input.deliveryDate, deliveryMode: input.deliveryMode } });
}

/** The newest delivery mode recorded for the session; a delivery date without one means the community. */
export async function deliveryModeOf(db: Executor, sessionId: string, deliveryDate: IsoDate | null): Promise<DeliveryMode | null> {
  const [row] = await db
    .select({ mode: sql<DeliveryMode>`${outreachActions.payload}->>'deliveryMode'` })
    .from(outreachActions)
    .where(and(eq(outreachActions.subjectId, sessionId), sql`${outreachActions.payload}->>'deliveryMode' is not null`))
    .orderBy(desc(outreachActions.id))
    .limit(1);
  return row?.mode ?? (deliveryDate ? 'community' : null);
}

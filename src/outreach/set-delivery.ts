import { and, desc, eq, sql } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { DeliveryMode } from './approve-session.ts';
import { performSessionAction } from './perform-session-action.ts';
import { outreachActions } from './schema.ts';

/**
 * When and where the session's passports go back: to the community on the delivery date, or picked up at the
 * office. The date has a column; the mode has none, so it rides in the action's payload and the newest one counts.
 */
export async function setDelivery(
  tx: Tx,
  caller: Caller,
  input: { sessionId: string; deliveryDate: IsoDate; deliveryMode: DeliveryMode },
): Promise<void> {
  await performSessionAction(tx, caller, { sessionId: input.sessionId, step: 'delivery' }, async (session) => {
    if (session.date && input.deliveryDate < session.date)
      throw new AppError('validation_failed', { deliveryDate: 'outreach.v.deliveryAfter' });
    return {
      set: { deliveryDate: input.deliveryDate },
      payload: { deliveryDate: input.deliveryDate, deliveryMode: input.deliveryMode },
    };
  });
}

/** The newest delivery mode recorded for the session; a delivery date without one means the community. */
export async function deliveryModeOf(
  db: Executor,
  sessionId: string,
  deliveryDate: IsoDate | null,
): Promise<DeliveryMode | null> {
  const [row] = await db
    .select({ mode: sql<DeliveryMode>`${outreachActions.payload}->>'deliveryMode'` })
    .from(outreachActions)
    .where(and(eq(outreachActions.subjectId, sessionId), sql`${outreachActions.payload}->>'deliveryMode' is not null`))
    .orderBy(desc(outreachActions.id))
    .limit(1);
  return row?.mode ?? (deliveryDate ? 'community' : null);
}

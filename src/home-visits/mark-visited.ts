import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sendSurveyLink } from '../surveys/send-survey-link.ts';
import { performVisitAction } from './perform-visit-action.ts';
import type { HomeVisit } from './schema.ts';

/**
 * Records that the officers went: on or after the visit day, with an optional note of what happened. With the public
 * address given, the requester is mailed a one-time satisfaction survey link.
 */
export function markVisited(
  tx: Tx,
  caller: Caller,
  input: { visitId: string; note?: string | null; requestId?: string | null; publicUrl?: string },
  now = new Date(),
): Promise<HomeVisit> {
  return performVisitAction(
    tx,
    caller,
    { visitId: input.visitId, step: 'visited', requestId: input.requestId },
    async (visit) => {
      if (visit.visitDate! > witaDate(now)) throw new AppError('wrong_day');
      const note = input.note?.trim() || null;
      if (input.publicUrl) {
        const [requester] = await tx
          .select({ email: accounts.email, name: accounts.name })
          .from(accounts)
          .where(eq(accounts.id, visit.requesterAccountId));
        await sendSurveyLink(
          tx,
          {
            unitCode: visit.unitCode,
            service: 'home_visit',
            refId: visit.id,
            to: requester?.email ?? null,
            name: requester?.name ?? '',
          },
          input.publicUrl,
        );
      }
      return { payload: { date: visit.visitDate, ...(note ? { note } : {}) } };
    },
  );
}

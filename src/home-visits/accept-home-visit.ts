import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { performVisitAction } from './perform-visit-action.ts';
import type { HomeVisit } from './schema.ts';

/** The office's first answer, yes: the visit will be planned. The answer counts for the 2-working-day deadline. */
export function acceptHomeVisit(
  tx: Tx,
  caller: Caller,
  input: { visitId: string; note?: string | null; requestId?: string | null },
): Promise<HomeVisit> {
  return performVisitAction(
    tx,
    caller,
    { visitId: input.visitId, step: 'accept', requestId: input.requestId },
    async () => {
      const note = input.note?.trim() || null;
      return { set: { answeredAt: new Date() }, payload: note ? { note } : {} };
    },
  );
}

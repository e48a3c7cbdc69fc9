import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { performSessionAction } from './perform-session-action.ts';
import type { OutreachSession } from './schema.ts';
import { mailDecision } from './session-mails.ts';

/** The office says no, with a reason the organiser is told. Only a request still waiting can be refused. */
export async function refuseSession(
  tx: Tx,
  caller: Caller,
  input: { sessionId: string; reason: string },
  publicUrl: string,
): Promise<OutreachSession> {
  const { session } = await performSessionAction(
    tx,
    caller,
    { sessionId: input.sessionId, step: 'refuse' },
    async (requested) => {
      await mailDecision(tx, { ...requested, status: 'refused', refusalReason: input.reason }, 'refused', publicUrl);
      return { set: { refusalReason: input.reason }, payload: { reason: input.reason } };
    },
  );
  return session;
}

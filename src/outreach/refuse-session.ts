import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { lockSession } from './load-session.ts';
import { outreachSessions, type OutreachSession } from './schema.ts';
import { recordSessionAction } from './session-actions.ts';
import { mailDecision } from './session-mails.ts';

/** The office says no, with a reason the organiser is told. Only a request still waiting can be refused. */
export async function refuseSession(tx: Tx, caller: Caller, input: { sessionId: string; reason: string }, publicUrl: string): Promise<OutreachSession> {
  const session = await lockSession(tx, input.sessionId);
  if (session.status !== 'requested') throw new AppError('invalid_transition', undefined, { status: session.status });
  const [refused] = await tx.update(outreachSessions).set({ status: 'refused', refusalReason: input.reason }).where(eq(outreachSessions.id, session.id)).returning();
  await recordSessionAction(tx, caller, { sessionId: session.id, unitCode: session.unitCode, type: 'refused', payload: { status: 'refused', reason: input.reason } });
  await mailDecision(tx, refused!, 'refused', publicUrl);
  return refused!;
}

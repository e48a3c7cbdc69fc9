import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { outreachActions } from './schema.ts';

/** Appends one step to a session's history and the matching audit entry, in the caller's transaction. */
export async function recordSessionAction(
  tx: Tx,
  caller: Caller,
  input: { sessionId: string; unitCode: string; type: string; payload?: Record<string, unknown>; requestId?: string | null },
): Promise<void> {
  const payload = input.payload ?? {};
  await tx.insert(outreachActions).values({ subjectType: 'session', subjectId: input.sessionId, type: input.type, actorId: caller.actor?.id ?? null, payload, requestId: input.requestId ?? null });
  await appendAudit(tx, caller, { action: `outreach.session.${input.type}`, targetType: 'outreach_session', targetId: input.sessionId, unitCode: input.unitCode, details: payload });
}

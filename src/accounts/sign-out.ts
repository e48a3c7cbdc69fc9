import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { destroySession } from '../platform/auth/sessions.ts';
import type { Tx } from '../platform/db/index.ts';

export async function signOut(tx: Tx, caller: Caller, sessionToken: string): Promise<void> {
  await destroySession(tx, sessionToken);
  if (caller.actor) await appendAudit(tx, caller, { action: 'auth.sign_out', targetType: 'account', targetId: caller.actor.id });
}

import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor } from '../platform/db/index.ts';
import { applicationActions, applications, type ApplicationStatus } from './schema.ts';

/**
 * Appends one action to an application's history and moves its cached status, in the caller's transaction.
 * Status is what the newest status-setting action says; the column saves reading the history on every list.
 */
export async function recordAction(
  tx: Executor,
  caller: Caller,
  input: { applicationId: string; type: string; status?: ApplicationStatus; payload?: Record<string, unknown>; requestId?: string },
): Promise<void> {
  await tx.insert(applicationActions).values({
    applicationId: input.applicationId,
    type: input.type,
    actorId: caller.actor?.id ?? null,
    payload: { ...(input.status ? { status: input.status } : {}), ...(input.payload ?? {}) },
    requestId: input.requestId ?? null,
  });
  if (input.status) await tx.update(applications).set({ status: input.status, statusAt: new Date() }).where(eq(applications.id, input.applicationId));
}

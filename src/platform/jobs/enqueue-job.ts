import type { Executor } from '../db/index.ts';
import { jobs } from './schema.ts';

/** Queues a side effect in the caller's transaction: it runs only if the change it belongs to commits. */
export async function enqueueJob(
  tx: Executor,
  kind: string,
  payload: Record<string, unknown>,
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  await tx
    .insert(jobs)
    .values({ kind, payload, runAt: options.runAt ?? new Date(), maxAttempts: options.maxAttempts ?? 8 });
}

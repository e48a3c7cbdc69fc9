import { sql } from 'drizzle-orm';
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

/**
 * Queues one job of a kind per payload in one statement (a batch's side effects, like `enqueueJob`); the payloads go
 * as one array parameter, since PGlite aborts on a statement with thousands of row constructors.
 */
export async function enqueueJobs(
  tx: Executor,
  kind: string,
  payloads: Record<string, unknown>[],
  options: { maxAttempts?: number } = {},
): Promise<void> {
  if (payloads.length === 0) return;
  await tx.execute(sql`insert into ${jobs} (kind, payload, max_attempts)
    select ${kind}, p, ${options.maxAttempts ?? 8}
    from unnest(${sql.param(payloads.map((p) => JSON.stringify(p)))}::jsonb[]) as p`);
}

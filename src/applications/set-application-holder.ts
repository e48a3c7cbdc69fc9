import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applications } from './schema.ts';

/** Caches who holds the case at the office (the newest take or release action says it), or null for no one. */
export async function setApplicationHolder(
  tx: Executor,
  applicationId: string,
  holderId: string | null,
): Promise<void> {
  await tx.update(applications).set({ holderId }).where(eq(applications.id, applicationId));
}

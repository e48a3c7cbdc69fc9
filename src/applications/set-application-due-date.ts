import { eq } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { applications } from './schema.ts';

/** Sets the working day by which the passport should be ready (the service level's clock, started at the counter). */
export async function setApplicationDueDate(tx: Executor, applicationId: string, dueOn: IsoDate): Promise<void> {
  await tx.update(applications).set({ dueOn }).where(eq(applications.id, applicationId));
}

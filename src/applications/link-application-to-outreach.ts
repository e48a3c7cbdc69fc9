import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applications } from './schema.ts';

/** Ties the application to where the office goes out to serve it: an Eazy Paspor session or a si Koe Peduli visit. */
export async function linkApplicationToOutreach(
  tx: Executor,
  applicationId: string,
  link: { outreachSessionId: string } | { homeVisitId: string },
): Promise<void> {
  await tx.update(applications).set(link).where(eq(applications.id, applicationId));
}

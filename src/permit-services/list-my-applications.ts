import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { permitApplications, type PermitApplication } from './schema.ts';

/** The applications the account filed, newest first: only they see them. */
export function listMyApplications(db: Executor, accountId: string): Promise<PermitApplication[]> {
  return db
    .select()
    .from(permitApplications)
    .where(eq(permitApplications.applicantAccountId, accountId))
    .orderBy(desc(permitApplications.createdAt))
    .limit(200);
}

import { and, desc, eq, isNotNull, ne, or } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applications } from './schema.ts';

export type ApplicationListItem = {
  id: string;
  trackingCode: string;
  status: string;
  fullName: string | null;
  createdAt: Date;
};

/** An account's applications, newest first; discarded drafts are gone, cancelled submissions stay on record. */
export function listApplications(db: Executor, accountId: string): Promise<ApplicationListItem[]> {
  return db
    .select({
      id: applications.id,
      trackingCode: applications.trackingCode,
      status: applications.status,
      fullName: applications.fullName,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .where(
      and(
        eq(applications.accountId, accountId),
        or(ne(applications.status, 'cancelled'), isNotNull(applications.submittedAt)),
      ),
    )
    .orderBy(desc(applications.createdAt), desc(applications.id));
}

import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { enforcementCases, type CaseStatus } from './schema.ts';

export const endedStatuses: readonly CaseStatus[] = ['closed', 'closed_paid', 'withdrawn'];

export type OpenCase = { id: string; unitCode: string; status: CaseStatus };

/**
 * The foreigner's case still open (not closed, paid or withdrawn), if any: one at a time, so every finding, overstay
 * or report about the person goes into the same file. A query without a policy: opening a case checks the caller first.
 */
export async function findOpenCase(db: Executor, foreignerId: string): Promise<OpenCase | null> {
  const [open] = await db
    .select({ id: enforcementCases.id, unitCode: enforcementCases.unitCode, status: enforcementCases.status })
    .from(enforcementCases)
    .where(and(eq(enforcementCases.foreignerId, foreignerId), notInArray(enforcementCases.status, [...endedStatuses])))
    .orderBy(desc(enforcementCases.openedAt))
    .limit(1);
  return open ?? null;
}

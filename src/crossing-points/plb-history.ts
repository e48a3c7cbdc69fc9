import { desc, eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { plbSwitches } from './schema.ts';

export type PlbHistoryEntry = {
  accepts: boolean;
  effectiveFrom: string;
  reason: string;
  switchedAt: Date;
  /** The officer who switched; null for the seed's first switch. */
  officerName: string | null;
};

/** A point's PLB switches with who made them, newest first: the history its page shows. */
export function plbHistory(db: Executor, code: string): Promise<PlbHistoryEntry[]> {
  return db
    .select({
      accepts: plbSwitches.accepts,
      effectiveFrom: plbSwitches.effectiveFrom,
      reason: plbSwitches.reason,
      switchedAt: plbSwitches.switchedAt,
      officerName: accounts.name,
    })
    .from(plbSwitches)
    .leftJoin(accounts, eq(accounts.id, plbSwitches.switchedBy))
    .where(eq(plbSwitches.pointCode, code))
    .orderBy(desc(plbSwitches.effectiveFrom), desc(plbSwitches.switchedAt));
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { overstays, type OverstayStatus } from './schema.ts';

export type OverstayForCase = {
  id: string;
  foreignerId: string;
  unitCode: string;
  status: OverstayStatus;
  /**
   * Every period of the overstay (the permit's periods from the same first day over) is paid, a proposed one too.
   */
  paid: boolean;
};

/**
 * One overstay period as an administrative action case needs it: whose it is, where, and whether the whole overstay's
 * charge is paid (which closes the case without deportation, UU 6/2011 Pasal 78). A query without a policy: the
 * enforcement feature decides who may ask.
 */
export async function findOverstayForCase(db: Executor, id: string): Promise<OverstayForCase | null> {
  const [overstay] = await db.select().from(overstays).where(eq(overstays.id, id));
  if (!overstay) return null;
  const periods = await db
    .select({ status: overstays.status, paidAt: overstays.paidAt })
    .from(overstays)
    .where(and(eq(overstays.permitId, overstay.permitId), eq(overstays.startedOn, overstay.startedOn)));
  const counted = periods.filter((p) => p.status !== 'cancelled');
  return {
    id: overstay.id,
    foreignerId: overstay.foreignerId,
    unitCode: overstay.unitCode,
    status: overstay.status,
    paid: counted.length > 0 && counted.every((p) => p.paidAt !== null),
  };
}

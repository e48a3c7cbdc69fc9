import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { billings, type Billing } from './schema.ts';

/** The appointment's billing code still to be paid, if any. */
export async function findUnpaidBilling(db: Executor, appointmentId: string): Promise<Billing | null> {
  const [row] = await db
    .select()
    .from(billings)
    .where(and(eq(billings.appointmentId, appointmentId), isNull(billings.paidAt)))
    .limit(1);
  return row ?? null;
}

/** The appointment's newest billing code, paid or not: the one its pages and receipt show. */
export async function findLatestBilling(db: Executor, appointmentId: string): Promise<Billing | null> {
  const [row] = await db.select().from(billings).where(eq(billings.appointmentId, appointmentId)).orderBy(desc(billings.createdAt)).limit(1);
  return row ?? null;
}

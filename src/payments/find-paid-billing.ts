import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { billings } from './schema.ts';

/** The application's most recently paid billing code, if the bank has settled one. */
export async function findPaidBilling(
  db: Executor,
  applicationId: string,
): Promise<{ code: string; paidAt: Date | null; amount: number; paymentReference: string | null } | undefined> {
  const [paid] = await db
    .select({
      code: billings.code,
      paidAt: billings.paidAt,
      amount: billings.amount,
      paymentReference: billings.paymentReference,
    })
    .from(billings)
    .where(and(eq(billings.applicationId, applicationId), isNotNull(billings.paidAt)))
    .orderBy(desc(billings.paidAt))
    .limit(1);
  return paid;
}

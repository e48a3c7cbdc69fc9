import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { overstays } from './schema.ts';

/** What a desk or a supervisor sees of an overstay charge a person still owes. */
export type OpenCharge = {
  id: string;
  firstDay: string;
  lastDay: string;
  days: number;
  amount: number;
  billingCode: string | null;
  status: 'open' | 'proposed';
};

/** The person's overstay periods not paid nor cancelled, oldest first: days, amount and billing code. */
export async function listOpenCharges(db: Executor, foreignerId: string): Promise<OpenCharge[]> {
  const rows = await db
    .select({
      id: overstays.id,
      firstDay: overstays.firstDay,
      lastDay: overstays.lastDay,
      days: overstays.days,
      amount: overstays.amount,
      billingCode: overstays.billingCode,
      status: overstays.status,
    })
    .from(overstays)
    .where(and(eq(overstays.foreignerId, foreignerId), inArray(overstays.status, ['open', 'proposed'])))
    .orderBy(asc(overstays.firstDay));
  return rows as OpenCharge[];
}

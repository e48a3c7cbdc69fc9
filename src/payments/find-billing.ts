import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
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
  const [row] = await db
    .select()
    .from(billings)
    .where(eq(billings.appointmentId, appointmentId))
    .orderBy(desc(billings.createdAt))
    .limit(1);
  return row ?? null;
}

/** Which of these appointments have a paid billing code. */
export async function listPaidAppointmentIds(db: Executor, appointmentIds: readonly string[]): Promise<Set<string>> {
  if (appointmentIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ appointmentId: billings.appointmentId })
    .from(billings)
    .where(and(inArray(billings.appointmentId, [...appointmentIds]), isNotNull(billings.paidAt)));
  return new Set(rows.flatMap((r) => (r.appointmentId ? [r.appointmentId] : [])));
}

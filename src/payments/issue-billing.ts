import type { Executor } from '../platform/db/index.ts';
import { newBillingCode } from './billing-code.ts';
import { billings, type Billing, type BillingPurpose } from './schema.ts';

/**
 * Issues a billing code for a fee that is not an appointment's (a stay permit service, an overstay charge): the
 * issuing feature names its record in `subjectId` and takes the payment by its purpose (src/billing-purposes.ts).
 */
export async function issueBilling(
  tx: Executor,
  input: { purpose: Exclude<BillingPurpose, 'appointment'>; subjectId: string; amount: number; expiresAt: Date },
): Promise<Billing> {
  const [billing] = await tx
    .insert(billings)
    .values({
      code: newBillingCode(),
      purpose: input.purpose,
      subjectId: input.subjectId,
      amount: input.amount,
      expiresAt: input.expiresAt,
    })
    .returning();
  return billing!;
}

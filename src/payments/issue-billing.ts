import type { Executor } from '../platform/db/index.ts';
import { issueBillings } from './issue-billings.ts';
import type { Billing, BillingPurpose } from './schema.ts';

export type BillingRequest = { purpose: BillingPurpose; subjectId: string; amount: number; expiresAt: Date };

/** A new billing code for what a feature charges (`subjectId` names its record; the purpose's taker is told of payment). */
export async function issueBilling(tx: Executor, request: BillingRequest): Promise<Billing> {
  const [billing] = await issueBillings(tx, request.purpose, [request], request.expiresAt);
  return billing!;
}

import type { Executor } from '../platform/db/index.ts';
import { newBillingCode } from './billing-code.ts';
import { billings, type Billing, type BillingPurpose } from './schema.ts';

/** Rows per statement: 6 parameters a row stays well under PostgreSQL's 65,535. */
const CHUNK = 5000;

/**
 * New billing codes for many charges of one purpose at once (the daily overstay scan issues thousands): one insert per
 * few thousand rows. A code that happens to exist already is drawn again, so every charge gets its own.
 */
export async function issueBillings(
  tx: Executor,
  purpose: BillingPurpose,
  charges: readonly { subjectId: string; amount: number }[],
  expiresAt: Date,
): Promise<Billing[]> {
  const issued: Billing[] = [];
  for (let i = 0; i < charges.length; i += CHUNK) {
    let pending = charges.slice(i, i + CHUNK);
    while (pending.length > 0) {
      const rows = pending.map((c) => ({
        code: newBillingCode(),
        purpose,
        subjectId: c.subjectId,
        amount: c.amount,
        expiresAt,
      }));
      const inserted = await tx.insert(billings).values(rows).onConflictDoNothing().returning();
      issued.push(...inserted);
      const taken = new Set(inserted.map((b) => `${b.code} ${b.subjectId}`));
      pending = rows.filter((r) => !taken.has(`${r.code} ${r.subjectId}`));
    }
  }
  return issued;
}

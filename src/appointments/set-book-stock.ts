import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { bookMovements } from '../passports/schema.ts';
import { getUnit } from '../units/list-units.ts';
import { bookStock } from './schema.ts';

export const bookTypes = ['biasa', 'elektronik'] as const;
export type BookType = (typeof bookTypes)[number];

/**
 * Sets how many blank books of each type a unit holds (after a count or a delivery). Each change is audited with
 * the old and new quantity: the audit trail is the stock's history. At 0, dates are no longer offered for that type.
 */
export async function setBookStock(tx: Tx, caller: Caller, input: { unitCode: string; quantities: Record<BookType, number> }) {
  await getUnit(tx, input.unitCode);
  const before = await tx.select().from(bookStock).where(eq(bookStock.unitCode, input.unitCode)).for('update');
  const changes = bookTypes
    .map((passportType) => ({ passportType, from: before.find((b) => b.passportType === passportType)?.quantity ?? 0, to: input.quantities[passportType] }))
    .filter((c) => c.from !== c.to || !before.some((b) => b.passportType === c.passportType));
  for (const { passportType, from, to } of changes) {
    await tx
      .insert(bookStock)
      .values({ unitCode: input.unitCode, passportType, quantity: to })
      .onConflictDoUpdate({ target: [bookStock.unitCode, bookStock.passportType], set: { quantity: to, updatedAt: new Date() } });
    // Setting the stock is a count in the blank-book ledger (src/passports/).
    await tx.insert(bookMovements).values({ unitCode: input.unitCode, type: passportType, kind: 'counted', quantity: to, actorId: caller.actor?.id ?? null });
    await appendAudit(tx, caller, {
      action: 'stock.set',
      targetType: 'book_stock',
      targetId: `${input.unitCode}/${passportType}`,
      unitCode: input.unitCode,
      details: { passportType, from, to },
    });
  }
  return { changed: changes.length };
}

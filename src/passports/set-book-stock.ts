import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import { bookTypes, type BookType } from './book-stock.ts';
import { moveBooks } from './record-book-movement.ts';
import { bookStock } from './schema.ts';

/**
 * Sets how many blank books of each type a unit holds (the stock page): each changed type is a count in the
 * blank-book ledger (moveBooks) and is audited with the old and new quantity, the history the stock page shows.
 * At 0, dates are no longer offered for that type.
 */
export async function setBookStock(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; quantities: Record<BookType, number> },
) {
  await getUnit(tx, input.unitCode);
  const before = await tx.select().from(bookStock).where(eq(bookStock.unitCode, input.unitCode)).for('update');
  const changes = bookTypes
    .map((passportType) => ({
      passportType,
      from: before.find((b) => b.passportType === passportType)?.quantity ?? 0,
      to: input.quantities[passportType],
    }))
    .filter((c) => c.from !== c.to || !before.some((b) => b.passportType === c.passportType));
  for (const { passportType, from, to } of changes) {
    await moveBooks(tx, caller, { unitCode: input.unitCode, type: passportType, kind: 'counted', quantity: to });
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

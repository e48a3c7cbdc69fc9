import { and, eq, gt, sql } from 'drizzle-orm';
import type { PassportType } from '../applications/schema.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { bookMovements, bookStock } from './schema.ts';

export type BookEntry =
  | { kind: 'received'; quantity: number; note?: string }
  | { kind: 'spoiled'; note: string }
  | { kind: 'counted'; quantity: number; note?: string };

/**
 * Moves a unit's running quantity of blank books and writes its ledger row together, the stock row locked meanwhile:
 * a delivery received (+n), a blank book spoiled outside printing (−1), or a physical count, which sets the quantity.
 * The one way the office changes the stock: the ledger's forms and the stock page's counts both come here (printing
 * takes its book in `print-passport.ts`). Returns the quantity before and after, and the ledger row's id.
 */
export async function moveBooks(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; type: PassportType } & BookEntry,
): Promise<{ from: number; to: number; movementId: number }> {
  const key = and(eq(bookStock.unitCode, input.unitCode), eq(bookStock.passportType, input.type));
  await tx
    .insert(bookStock)
    .values({ unitCode: input.unitCode, passportType: input.type, quantity: 0 })
    .onConflictDoNothing();
  const [row] = await tx.select({ quantity: bookStock.quantity }).from(bookStock).where(key).for('update');
  const from = row!.quantity;

  let to: number;
  if (input.kind === 'spoiled') {
    const [taken] = await tx
      .update(bookStock)
      .set({ quantity: sql`${bookStock.quantity} - 1`, updatedAt: new Date() })
      .where(and(key, gt(bookStock.quantity, 0)))
      .returning({ quantity: bookStock.quantity });
    if (!taken) throw new AppError('no_blank_books');
    to = taken.quantity;
  } else {
    to = input.kind === 'received' ? from + input.quantity : input.quantity;
    await tx.update(bookStock).set({ quantity: to, updatedAt: new Date() }).where(key);
  }
  // The ledger's quantity is the change to the stock, except for a count, where it is the number counted.
  const quantity = input.kind === 'counted' ? to : to - from;
  const [movement] = await tx
    .insert(bookMovements)
    .values({
      unitCode: input.unitCode,
      type: input.type,
      kind: input.kind,
      quantity,
      note: input.note || null,
      actorId: caller.actor?.id ?? null,
    })
    .returning({ id: bookMovements.id });
  return { from, to, movementId: movement!.id };
}

/**
 * Records a change to a unit's blank books from the ledger's forms (moveBooks), audited with the quantity before and
 * after. Returns the difference a count found (counted − recorded).
 */
export async function recordBookMovement(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; type: PassportType } & BookEntry,
): Promise<{ from: number; to: number; difference: number }> {
  await getUnit(tx, input.unitCode);
  const { from, to, movementId } = await moveBooks(tx, caller, input);
  await appendAudit(tx, caller, {
    action: `books.${input.kind}`,
    targetType: 'book_movement',
    targetId: String(movementId),
    unitCode: input.unitCode,
    details: { passportType: input.type, from, to },
  });
  return { from, to, difference: to - from };
}

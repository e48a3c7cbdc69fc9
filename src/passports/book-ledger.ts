import { desc, eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { currentStock } from './book-stock.ts';
import { bookMovements } from './schema.ts';

/** A unit's blank books: the stock per type and the newest ledger rows, with who recorded each. */
export async function bookLedger(db: Executor, unitCode: string, limit = 100) {
  const [stock, movements] = await Promise.all([
    currentStock(db, unitCode),
    db
      .select({
        at: bookMovements.at,
        type: bookMovements.type,
        kind: bookMovements.kind,
        quantity: bookMovements.quantity,
        passportNumber: bookMovements.passportNumber,
        note: bookMovements.note,
        by: accounts.name,
      })
      .from(bookMovements)
      .leftJoin(accounts, eq(accounts.id, bookMovements.actorId))
      .where(eq(bookMovements.unitCode, unitCode))
      .orderBy(desc(bookMovements.id))
      .limit(limit),
  ]);
  return { stock, movements };
}
export type BookLedger = Awaited<ReturnType<typeof bookLedger>>;

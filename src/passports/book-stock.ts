import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../platform/audit/schema.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { bookStock } from './schema.ts';

/** The types of blank book, and so of passport printed: what stock and issuance are counted by. */
export const bookTypes = ['biasa', 'elektronik'] as const;
export type BookType = (typeof bookTypes)[number];

export async function currentStock(db: Executor, unitCode: string): Promise<Record<BookType, number>> {
  const rows = await db.select().from(bookStock).where(eq(bookStock.unitCode, unitCode));
  return Object.fromEntries(bookTypes.map((t) => [t, rows.find((r) => r.passportType === t)?.quantity ?? 0])) as Record<
    BookType,
    number
  >;
}

export type StockChange = { at: Date; by: string | null; passportType: BookType; from: number; to: number };

/** The latest stock changes of a unit, read from the audit trail where setBookStock records them. */
export async function stockHistory(db: Executor, unitCode: string, limit = 20): Promise<StockChange[]> {
  const rows = await db
    .select({ at: auditLog.at, details: auditLog.details, by: accounts.name })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.targetType, 'book_stock'),
        inArray(
          auditLog.targetId,
          bookTypes.map((t) => `${unitCode}/${t}`),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    at: r.at,
    by: r.by ?? (typeof r.details.system === 'string' ? r.details.system : null),
    passportType: r.details.passportType as BookType,
    from: Number(r.details.from),
    to: Number(r.details.to),
  }));
}

import { and, asc, eq, isNull } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import type { Executor } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { lodgings, stays } from './schema.ts';

/** The lodging's guests checked in and not yet out, with their names (for its members' list), earliest first. */
export async function listGuestsIn(db: Executor, lodgingId: string) {
  const rows = await db
    .select()
    .from(stays)
    .where(and(eq(stays.lodgingId, lodgingId), isNull(stays.checkOutAt)))
    .orderBy(asc(stays.checkInAt))
    .limit(2000);
  const names = await listForeignerNames(
    db,
    rows.map((r) => r.foreignerId),
  );
  return rows.map((stay) => ({ stay, guest: names.get(stay.foreignerId) }));
}
export type GuestIn = Awaited<ReturnType<typeof listGuestsIn>>[number];

/** One stay of the lodging with its guest's record, for the receipt. */
export async function getStayOfLodging(db: Executor, lodgingId: string, stayId: string) {
  const [stay] = await db
    .select()
    .from(stays)
    .where(and(eq(stays.id, stayId), eq(stays.lodgingId, lodgingId)));
  if (!stay) throw notFound();
  return { stay, guest: await getForeigner(db, stay.foreignerId) };
}
export type StayWithGuest = Awaited<ReturnType<typeof getStayOfLodging>>;

/**
 * What the public verification shows of a receipt: that it is genuine, the lodging (its kind only for a private
 * host), the check-in day and whether the guest has checked out. Never the guest's name, document or nationality.
 */
export async function verifyReceipt(db: Executor, receiptNumber: string) {
  const [row] = await db
    .select({
      receiptNumber: stays.receiptNumber,
      lodgingName: lodgings.name,
      lodgingKind: lodgings.kind,
      checkInAt: stays.checkInAt,
      checkedOut: stays.checkOutAt,
    })
    .from(stays)
    .innerJoin(lodgings, eq(lodgings.id, stays.lodgingId))
    .where(eq(stays.receiptNumber, receiptNumber));
  if (!row) throw notFound();
  // A private host's lodging is named after a person: the public sees only that a private host reported.
  const lodgingName = row.lodgingKind === 'private_host' ? null : row.lodgingName;
  return { ...row, lodgingName, checkedOut: row.checkedOut !== null };
}
export type ReceiptCheck = Awaited<ReturnType<typeof verifyReceipt>>;

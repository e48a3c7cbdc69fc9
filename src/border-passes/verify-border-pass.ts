import { eq } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import { passStatusOn } from './find-pass-for-crossing.ts';
import { tokenFromScan } from './pass-number.ts';
import { borderPasses, type PassStatus } from './schema.ts';

/** The public check of a card: genuine or not, its status and last day, the office, and the holder's initials only. */
export type PassCheck = { status: PassStatus | 'expired'; validUntil: IsoDate; initials: string; unitName: string };

/** "Yohanes Benediktus Ndun" → "Y. B. N." */
export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(' ');

/** The check a card's QR leads to, or null for a token no pass has. */
export async function verifyBorderPass(db: Executor, scanned: string, today: IsoDate): Promise<PassCheck | null> {
  const token = tokenFromScan(scanned);
  if (!token) return null;
  const [pass] = await db.select().from(borderPasses).where(eq(borderPasses.token, token));
  if (!pass) return null;
  const unit = await getUnit(db, pass.unitCode);
  return {
    status: passStatusOn(pass, today),
    validUntil: pass.validUntil,
    initials: initialsOf(pass.fullName),
    unitName: unit.name,
  };
}

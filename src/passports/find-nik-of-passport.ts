import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { passports } from './schema.ts';

/**
 * The NIK of the citizen a passport Sikoe printed belongs to, whatever the book's state now (a cancelled or voided
 * book still names its holder); null for a number Sikoe never printed. The crossing desk checks a citizen leaving on
 * a passport against prevention entries listed by NIK alone.
 */
export async function findNikOfPassport(db: Executor, number: string): Promise<string | null> {
  const [row] = await db.select({ nik: passports.nik }).from(passports).where(eq(passports.number, number));
  return row?.nik ?? null;
}

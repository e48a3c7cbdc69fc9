import { and, desc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { passports } from './schema.ts';

/** The passport printed for a case (the live one: a spoiled print is cancelled), with what the officer checks on the book. */
export type PrintedPassport = {
  number: string;
  issueDate: string;
  expiryDate: string;
  mrz: [string, string];
  status: string;
};

/** The application's printed passport, as the case page shows it; null before printing. */
export async function printedPassportOf(db: Executor, applicationId: string): Promise<PrintedPassport | null> {
  const [p] = await db
    .select({
      number: passports.number,
      issueDate: passports.issueDate,
      expiryDate: passports.expiryDate,
      mrz1: passports.mrz1,
      mrz2: passports.mrz2,
      status: passports.status,
    })
    .from(passports)
    .where(and(eq(passports.applicationId, applicationId), ne(passports.status, 'cancelled')))
    .orderBy(desc(passports.printedAt))
    .limit(1);
  return p
    ? { number: p.number, issueDate: p.issueDate, expiryDate: p.expiryDate, mrz: [p.mrz1, p.mrz2], status: p.status }
    : null;
}

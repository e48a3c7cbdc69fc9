import { and, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { passports, type Passport, type PassportStatus } from './schema.ts';

/** The application's passport in the given status, locked; a case at that step always has one. */
export async function lockPassport(tx: Tx, applicationId: string, status: PassportStatus): Promise<Passport> {
  const [passport] = await tx
    .select()
    .from(passports)
    .where(and(eq(passports.applicationId, applicationId), eq(passports.status, status)))
    .for('update');
  if (!passport) throw new AppError('invalid_transition');
  return passport;
}

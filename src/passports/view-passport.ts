import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { passports } from './schema.ts';

/**
 * One passport as printed, for an officer whose scope covers its unit; every viewing is audited as a view of a
 * person's record. Outside the scope it is not found, so other units cannot learn which numbers exist.
 */
export async function viewPassport(tx: Tx, caller: Caller, input: { number: string; scope: readonly string[] }) {
  const [p] = await tx.select().from(passports).where(eq(passports.number, input.number));
  if (!p || !input.scope.includes(p.unitCode)) throw new AppError('not_found');
  await appendAudit(tx, caller, {
    action: 'passport.view',
    targetType: 'passport',
    targetId: p.number,
    unitCode: p.unitCode,
  });
  return {
    number: p.number,
    type: p.type,
    holderName: p.holderName,
    birthDate: p.birthDate,
    sex: p.sex,
    issueDate: p.issueDate,
    expiryDate: p.expiryDate,
    unitCode: p.unitCode,
    mrz: [p.mrz1, p.mrz2] as [string, string],
    status: p.status,
  };
}

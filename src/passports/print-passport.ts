import { and, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../platform/errors.ts';
import { stateFamilyName } from '../applications/state-family-name.ts';
import { buildTd3, mrzNameParts } from './mrz.ts';
import { allocatePassportNumber } from './number-series.ts';
import { passportDates } from './passport-dates.ts';
import type { PassportStepContext, PassportStepResult } from './passport-step.ts';
import { bookMovements, bookStock, passports } from './schema.ts';

/** The two MRZ lines, or a validation error naming the field an officer must correct before printing again. */
function machineReadableZone(
  input: Omit<Parameters<typeof buildTd3>[0], 'name'> & { fullName: string; familyName: string },
): [string, string] {
  try {
    return buildTd3({ ...input, name: mrzNameParts(input.fullName, input.familyName) });
  } catch {
    throw new AppError('validation_failed', { fullName: 'passports.v.mrz' });
  }
}

/**
 * Print ('approved' → 'printed'): one blank book of the application's type leaves the unit's stock, the next number
 * of the unit's series is taken, and the passport is recorded with its dates and MRZ. The NIK is kept on the record
 * but not in the MRZ: its 16 digits do not fit the 14-character optional data field. No book, nothing changes.
 */
export async function printPassport(
  { tx, caller, application, now }: PassportStepContext,
  input: { familyName?: string },
): Promise<PassportStepResult> {
  const { unitCode, passportType: type, fullName, nik, birthDate, sex, validityYears } = application;
  if (!unitCode || !type || !fullName || !nik || !birthDate || !sex || !validityYears)
    throw new AppError('invalid_transition');
  // Never guessed: an application that does not say which part of the name is the family name is printed only once
  // the officer has asked the applicant.
  let familyName = application.familyName;
  if (familyName === null) {
    if (input.familyName === undefined)
      throw new AppError('validation_failed', { familyName: 'passports.v.familyNameMissing' });
    await stateFamilyName(tx, { id: application.id, fullName }, input.familyName);
    familyName = input.familyName;
  }

  const [book] = await tx
    .update(bookStock)
    .set({ quantity: sql`${bookStock.quantity} - 1`, updatedAt: now })
    .where(and(eq(bookStock.unitCode, unitCode), eq(bookStock.passportType, type), gt(bookStock.quantity, 0)))
    .returning({ quantity: bookStock.quantity });
  if (!book) throw new AppError('no_blank_books');

  const number = await allocatePassportNumber(tx, unitCode, type);
  const { issueDate, expiryDate } = passportDates(now, validityYears);
  const [mrz1, mrz2] = machineReadableZone({
    documentNumber: number,
    fullName,
    familyName,
    birthDate,
    sex,
    expiryDate,
  });
  await tx.insert(passports).values({
    number,
    applicationId: application.id,
    type,
    unitCode,
    holderName: fullName,
    nik,
    birthDate,
    sex,
    issueDate,
    expiryDate,
    mrz1,
    mrz2,
    status: 'printed',
    printedAt: now,
  });
  await tx.insert(bookMovements).values({
    unitCode,
    type,
    kind: 'issued',
    quantity: -1,
    passportNumber: number,
    applicationId: application.id,
    actorId: caller.actor.id,
    at: now,
  });
  return {
    status: 'printed',
    payload: { passportNumber: number, ...(application.familyName === null ? { familyName } : {}) },
  };
}

import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { checkPermitTerms, insertStayPermit } from './grant-stay-permit.ts';
import { doneBefore, recordPermitAction } from './permit-actions.ts';
import { performPermitAction } from './perform-permit-action.ts';
import { stayPermits, type EntryBasis, type PermitType, type StayPermit } from './schema.ts';
import type { Sponsorship } from './check-sponsorship.ts';

export type ConvertStayPermitInput = {
  permitId: string;
  type: Extract<PermitType, 'itas' | 'itap'>;
  visaIndex?: string | null;
  permitNumber?: string | null;
  validFrom: string;
  validUntil: string;
  reference?: string | null;
  requestId?: string | null;
} & Sponsorship;

/** Alih status goes one way: a visit permit to a limited one, a limited one to a permanent one (§1.4). */
const conversions: Record<PermitType, PermitType | null> = { itk: 'itas', itas: 'itap', itap: null, golden_visa: null };
/** A visit permit from these entries cannot change status (§1.4: VoA, Bebas Visa Kunjungan, crew). */
const notConvertible: readonly EntryBasis[] = ['voa', 'visa_free', 'crew'];

/**
 * Alih status decided: the old permit is 'converted' and a new one, pointing back to it, begins with the new terms
 * (the holder's sponsor kept unless another is named). Returns both. Caller already authorised by permit-services.
 */
export async function convertStayPermit(
  tx: Tx,
  caller: Caller,
  input: ConvertStayPermitInput,
): Promise<{ previous: StayPermit; permit: StayPermit }> {
  const done = await doneBefore(tx, input.permitId, input.requestId);
  if (done) {
    const rows = await tx.select().from(stayPermits).where(eq(stayPermits.previousPermitId, input.permitId));
    const previous = (await tx.select().from(stayPermits).where(eq(stayPermits.id, input.permitId)))[0]!;
    return { previous, permit: rows.find((r) => r.id === done.payload.to)! };
  }
  let permit: StayPermit | undefined;
  const step = { permitId: input.permitId, step: 'convert' as const, requestId: input.requestId };
  const previous = await performPermitAction(tx, caller, step, async (old) => {
    if (conversions[old.type] !== input.type || (old.type === 'itk' && notConvertible.includes(old.entryBasis)))
      throw new AppError('validation_failed', { type: 'stayPermits.v.notConvertible' });
    const keepsSponsor = input.sponsorId === undefined && input.responsiblePerson === undefined;
    const terms = {
      type: input.type,
      entryBasis: 'conversion' as const,
      visaIndex: input.visaIndex,
      permitNumber: input.permitNumber,
      entryDate: old.entryDate,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      sponsorId: keepsSponsor ? old.sponsorId : input.sponsorId,
      responsiblePerson: keepsSponsor ? old.responsiblePerson : input.responsiblePerson,
    };
    const errors: FieldErrors = {};
    // The old permit is still active while this runs: the new one may begin before it ends.
    await checkPermitTerms(tx, null, terms, errors);
    if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
    permit = await insertStayPermit(tx, {
      ...terms,
      foreignerId: old.foreignerId,
      unitCode: old.unitCode,
      previousPermitId: old.id,
    });
    return {
      set: { pendingChangePaidOn: null },
      payload: { to: permit.id, type: input.type, reference: input.reference ?? null },
    };
  });
  await recordPermitAction(tx, caller, permit!, {
    type: 'granted',
    payload: {
      type: permit!.type,
      entryBasis: permit!.entryBasis,
      validFrom: permit!.validFrom,
      validUntil: permit!.validUntil,
      sponsorId: permit!.sponsorId,
      from: previous.id,
    },
  });
  return { previous, permit: permit! };
}

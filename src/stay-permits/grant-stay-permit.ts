import { and, eq, gte, lte } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { unitExists } from '../units/unit-exists.ts';
import { checkSponsorship, type Sponsorship } from './check-sponsorship.ts';
import { recordPermitAction } from './permit-actions.ts';
import { authorize } from './policy.ts';
import { stayPermitActions, stayPermits, type EntryBasis, type PermitType, type StayPermit } from './schema.ts';

export type PermitTerms = {
  type: PermitType;
  entryBasis: EntryBasis;
  visaIndex?: string | null;
  permitNumber?: string | null;
  entryDate: string;
  validFrom: string;
  validUntil: string;
} & Sponsorship;

export type GrantStayPermitInput = PermitTerms & {
  /** The holder: a travel document (the person is found or recorded by it) or a person already in the register. */
  foreigner: TravelDocumentFields | { foreignerId: string };
  unitCode: string;
  requestId?: string | null;
};

/** Entry bases that only a visit permit (ITK) can come from. */
const visitOnly: readonly EntryBasis[] = ['visit_visa', 'voa', 'visa_free', 'crew'];

/** The rules every new permit meets, by grant or alih status; refused as field errors, all at once. */
export async function checkPermitTerms(
  db: Executor,
  foreignerId: string | null,
  terms: PermitTerms,
  errors: FieldErrors,
): Promise<void> {
  if (terms.validUntil < terms.validFrom) errors.validUntil = 'stayPermits.v.untilBeforeFrom';
  if (terms.entryDate > terms.validFrom) errors.entryDate = 'stayPermits.v.entryAfterFrom';
  if (terms.type !== 'itk' && visitOnly.includes(terms.entryBasis)) errors.entryBasis = 'stayPermits.v.basisForType';
  if (terms.type === 'itk' && terms.entryBasis === 'conversion') errors.entryBasis = 'stayPermits.v.basisForType';
  await checkSponsorship(db, terms, errors);
  if (terms.permitNumber) {
    const [taken] = await db
      .select({ id: stayPermits.id })
      .from(stayPermits)
      .where(eq(stayPermits.permitNumber, terms.permitNumber));
    if (taken) errors.permitNumber = 'stayPermits.v.numberTaken';
  }
  if (foreignerId && !errors.validUntil) {
    const [overlapping] = await db
      .select({ id: stayPermits.id })
      .from(stayPermits)
      .where(
        and(
          eq(stayPermits.foreignerId, foreignerId),
          eq(stayPermits.status, 'active'),
          lte(stayPermits.validFrom, terms.validUntil),
          gte(stayPermits.validUntil, terms.validFrom),
        ),
      )
      .limit(1);
    if (overlapping) errors.validFrom = 'stayPermits.v.overlaps';
  }
}

/** The permit row of new terms, as grant and alih status write it. */
export async function insertStayPermit(
  tx: Tx,
  values: PermitTerms & { foreignerId: string; unitCode: string; previousPermitId?: string | null },
): Promise<StayPermit> {
  const [permit] = await tx
    .insert(stayPermits)
    .values({
      ...values,
      visaIndex: values.visaIndex?.trim() || null,
      permitNumber: values.permitNumber?.trim() || null,
      sponsorId: values.sponsorId || null,
      responsiblePerson: values.responsiblePerson?.trim() || null,
    })
    .returning();
  return permit!;
}

/**
 * An officer of the unit (or above it) records a stay permit: one granted here before Sikoe, or seen in a passport.
 * Checks this feature's policy (`permit.record` at the unit). A resent request id answers with the permit it made.
 */
export async function grantStayPermit(tx: Tx, caller: Caller, input: GrantStayPermitInput): Promise<StayPermit> {
  authorize(caller.actor, 'permit.record', { unitCode: input.unitCode, scope: await actorScope(tx, caller.actor) });
  if (input.requestId) {
    const [done] = await tx
      .select({ permitId: stayPermitActions.permitId })
      .from(stayPermitActions)
      .where(and(eq(stayPermitActions.type, 'granted'), eq(stayPermitActions.requestId, input.requestId)));
    if (done) return (await tx.select().from(stayPermits).where(eq(stayPermits.id, done.permitId)))[0]!;
  }
  const errors: FieldErrors = {};
  if (!(await unitExists(tx, input.unitCode))) errors.unitCode = 'v.choose';
  const foreignerId =
    'foreignerId' in input.foreigner
      ? (await getForeigner(tx, input.foreigner.foreignerId)).id
      : (await recordForeigners(tx, [input.foreigner]))[0]!;
  await checkPermitTerms(tx, foreignerId, input, errors);
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const { foreigner: _holder, requestId, ...terms } = input;
  const permit = await insertStayPermit(tx, { ...terms, foreignerId });
  await recordPermitAction(tx, caller, permit, {
    type: 'granted',
    payload: {
      type: permit.type,
      entryBasis: permit.entryBasis,
      validFrom: permit.validFrom,
      validUntil: permit.validUntil,
      sponsorId: permit.sponsorId,
    },
    requestId,
  });
  return permit;
}

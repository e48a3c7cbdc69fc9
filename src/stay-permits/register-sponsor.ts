import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { checkNik } from '../regions/check-nik.ts';
import { officeForRegency } from '../units/office-for-regency.ts';
import { sponsorMembers, sponsors, type Sponsor } from './schema.ts';
import { authorizeSponsorRegistration } from './policy.ts';

export type RegisterSponsorInput = {
  kind: 'company' | 'person';
  name: string;
  registrationNumber: string;
  address: string;
  regencyCode: string;
  phone: string;
  email: string;
};

/**
 * A signed-in person registers a sponsor and becomes its first member; it waits for the office whose working area
 * holds its address. A person sponsor is a citizen (Permenkumham 36/2021), so the NIK must be one; the conditions of
 * §1.6 are declared by the form (`declared_at`). Officers act for the office, not as sponsors.
 */
export async function registerSponsor(tx: Tx, caller: Caller, input: RegisterSponsorInput): Promise<Sponsor> {
  const actor = caller.actor;
  if (!actor) throw new AppError('unauthenticated');
  authorizeSponsorRegistration(actor);
  const errors: FieldErrors = {};
  if (input.kind === 'person') {
    const nik = await checkNik(tx, input.registrationNumber);
    if (nik.errors[0]) errors.registrationNumber = nik.errors[0];
  }
  const unitCode = await officeForRegency(tx, input.regencyCode);
  if (!unitCode) errors.regencyCode = 'stayPermits.v.regencyOutside';
  const [taken] = await tx
    .select({ id: sponsors.id })
    .from(sponsors)
    .where(and(eq(sponsors.kind, input.kind), eq(sponsors.registrationNumber, input.registrationNumber)));
  if (taken) errors.registrationNumber = 'stayPermits.v.sponsorTaken';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const [sponsor] = await tx
    .insert(sponsors)
    .values({ ...input, unitCode: unitCode!, status: 'pending', declaredAt: new Date() })
    .returning();
  await tx.insert(sponsorMembers).values({ sponsorId: sponsor!.id, accountId: actor.id });
  await appendAudit(tx, caller, {
    action: 'sponsor.register',
    targetType: 'sponsor',
    targetId: sponsor!.id,
    unitCode: sponsor!.unitCode,
    details: { kind: input.kind },
  });
  return sponsor!;
}

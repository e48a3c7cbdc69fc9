import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { isSponsorExempt } from './is-sponsor-exempt.ts';
import { sponsors, type EntryBasis, type PermitType } from './schema.ts';

export type Sponsorship = { sponsorId?: string | null; responsiblePerson?: string | null };

/**
 * Who answers for the holder (Pasal 63, Permenkumham 36/2021): a verified sponsor, or for a foreigner married to a
 * citizen a responsible person instead, never both; none only where the dated exemptions say so. Adds field errors.
 */
export async function checkSponsorship(
  db: Executor,
  permit: { type: PermitType; entryBasis: EntryBasis; validFrom: string } & Sponsorship,
  errors: FieldErrors,
): Promise<void> {
  const responsible = permit.responsiblePerson?.trim();
  if (permit.sponsorId && responsible) {
    errors.responsiblePerson = 'stayPermits.v.sponsorOrResponsible';
    return;
  }
  if (permit.sponsorId) {
    const [sponsor] = await db
      .select({ status: sponsors.status })
      .from(sponsors)
      .where(eq(sponsors.id, permit.sponsorId));
    if (sponsor?.status !== 'verified') errors.sponsorId = 'stayPermits.v.sponsorUnverified';
    return;
  }
  if (responsible) return;
  if (!(await isSponsorExempt(db, permit.type, permit.entryBasis, permit.validFrom)))
    errors.sponsorId = 'stayPermits.v.sponsorRequired';
}

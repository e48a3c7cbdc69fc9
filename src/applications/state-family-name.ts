import { eq } from 'drizzle-orm';
import { familyNameFits } from './family-name.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { applications } from './schema.ts';

/**
 * Records the family-name part of the applicant's name as the officer heard it at the counter, for an application
 * that did not say (an API client that left it out): '' for a name without one. It must be whole words of the name.
 */
export async function stateFamilyName(
  tx: Tx,
  application: { id: string; fullName: string },
  familyName: string,
): Promise<void> {
  if (!familyNameFits(application.fullName, familyName))
    throw new AppError('validation_failed', { familyName: 'v.familyNameNotInName' });
  await tx.update(applications).set({ familyName }).where(eq(applications.id, application.id));
}

import type { Executor } from '../platform/db/index.ts';
import { sponsorExemptions } from './schema.ts';

const permenkumham36 = 'Permenkumham 36/2021 Penjamin Keimigrasian (shared/domain-oversight.md §1.6)';

/**
 * Who needs no sponsor, from the year of Permenkumham 36/2021 (its day is not in the notes): visit permits of visa-free and visa-on-arrival
 * entrants, and Golden Visa holders (investors, who deposit a jaminan keimigrasian instead). Idempotent; an edited
 * row is kept, a later rule is a new row with its own dates.
 */
export async function seedSponsorExemptions(db: Executor): Promise<void> {
  await db
    .insert(sponsorExemptions)
    .values([
      { permitType: 'itk', entryBasis: 'visa_free', validFrom: '2021-01-01', source: permenkumham36 },
      { permitType: 'itk', entryBasis: 'voa', validFrom: '2021-01-01', source: permenkumham36 },
      { permitType: 'golden_visa', entryBasis: null, validFrom: '2021-01-01', source: permenkumham36 },
    ])
    .onConflictDoNothing();
}

import type { Executor } from '../platform/db/index.ts';
import { banRules } from './schema.ts';

/**
 * The listing limits of UU 63/2024, the third amendment of UU 6/2011 (shared/domain-oversight.md §1.9): Pasal 97(1),
 * pencegahan at most 6 months, extendable once by at most 6 months; Pasal 102(1), penangkalan at most 10 years,
 * extendable by at most 10 years (one extension, as the issue reads it: "10 years + 10"; the sources do not say how
 * often). In force from 17 October 2024, when the law was signed (kumparan.com, 19 January 2025); the same report says
 * the ministry still owed the implementing regulation, and that the law also allows lifelong penangkalan, which
 * Sikoe does not offer: an office that needs either changes these rows (the seed only adds missing ones). Listings
 * recorded before that day were not made in Sikoe under these rows.
 */
export async function seedBanRules(db: Executor): Promise<void> {
  await db
    .insert(banRules)
    .values([
      {
        id: 'uu63-2024-pencegahan',
        list: 'exit',
        validFrom: '2024-10-17',
        validUntil: null,
        maxMonths: 6,
        extensionMonths: 6,
        maxExtensions: 1,
        basis: 'UU 6/2011 Pasal 97(1) jo. UU 63/2024',
        source: 'UU 63/2024 Pasal 97(1) (shared/domain-oversight.md §1.9; kompasiana.com, voiceindonesia.co)',
      },
      {
        id: 'uu63-2024-penangkalan',
        list: 'entry',
        validFrom: '2024-10-17',
        validUntil: null,
        maxMonths: 120,
        extensionMonths: 120,
        maxExtensions: 1,
        basis: 'UU 6/2011 Pasal 102(1) jo. UU 63/2024',
        source: 'UU 63/2024 Pasal 102(1) (shared/domain-oversight.md §1.9; kompasiana.com, voiceindonesia.co)',
      },
    ])
    .onConflictDoNothing();
}

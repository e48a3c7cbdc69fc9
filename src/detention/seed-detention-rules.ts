import type { Executor } from '../platform/db/index.ts';
import { detentionRules } from './schema.ts';

/**
 * Pasal 85 UU 6/2011 (in force since 5 May 2011): detention until deportation, at most 10 years when it cannot be
 * carried out. The law sets no review cadence: Sikoe reviews every 6 months and warns 180 days before the limit, so the
 * head has a half-year to prepare a release under conditions. Editable afterwards; the seed only adds missing rows.
 */
export async function seedDetentionRules(db: Executor): Promise<void> {
  await db
    .insert(detentionRules)
    .values({
      id: 'uu6-2011-p85',
      validFrom: '2011-05-05',
      validUntil: null,
      maxYears: 10,
      reviewMonths: 6,
      warnDays: 180,
      source: 'UU 6/2011 Pasal 85; tinjauan 6 bulanan dan peringatan 180 hari: pengaturan Sikoe',
    })
    .onConflictDoNothing();
}

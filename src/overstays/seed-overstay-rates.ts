import type { Executor } from '../platform/db/index.ts';
import { overstayRates } from './schema.ts';

/**
 * The overstay rates of shared/domain-oversight.md §1.8, editable afterwards (an edited row is kept: the seed only adds
 * missing ones). Rp300.000 a day applied before PP 28/2019; when it began is not in the sources, so the row reaches
 * back far enough for any permit Sikoe holds. The 60 days are UU 6/2011 Pasal 78's. An unpaid charge waits 7 days
 * after the departure before it is proposed for administrative action: the law sets no term, and a week lets a payment
 * made at the airport reach Sikoe through the bank before anyone is proposed for an entry ban.
 */
export async function seedOverstayRates(db: Executor): Promise<void> {
  await db
    .insert(overstayRates)
    .values([
      {
        id: 'pp45-2016',
        validFrom: '2000-01-01',
        validUntil: '2019-05-02',
        dailyRate: 300_000,
        chargeLimitDays: 60,
        unpaidDays: 7,
        source: 'Tarif sebelum PP 28/2019 (expatindo.org/immigration-fees-2019); UU 6/2011 Pasal 78',
      },
      {
        id: 'pp28-2019',
        validFrom: '2019-05-03',
        validUntil: null,
        dailyRate: 1_000_000,
        chargeLimitDays: 60,
        unpaidDays: 7,
        source: 'PP 28/2019, berlaku 3 Mei 2019; UU 6/2011 Pasal 78',
      },
    ])
    .onConflictDoNothing();
}

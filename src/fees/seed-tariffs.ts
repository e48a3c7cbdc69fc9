import type { Executor } from '../platform/db/index.ts';
import { tariffs, type FeeItem } from './schema.ts';

const pp45: Record<FeeItem, number> = {
  biasa_5y: 350_000,
  biasa_10y: 650_000,
  elektronik_5y: 650_000,
  elektronik_10y: 950_000,
  percepatan: 1_000_000,
  lost: 1_000_000,
  damaged: 500_000,
};

// PP 28/2019 had one price per type whatever the validity, and no lost/damaged charge in the sources we have.
const pp28: Partial<Record<FeeItem, number>> = {
  biasa_5y: 350_000,
  biasa_10y: 350_000,
  elektronik_5y: 650_000,
  elektronik_10y: 650_000,
  percepatan: 1_000_000,
};

/**
 * PNBP passport tariffs (shared/domain.md). Reports put PP 45/2024 in force between 17 and 22 December 2024; the
 * earliest date is used and the rows stay editable data.
 */
export async function seedTariffs(db: Executor): Promise<void> {
  const rows = [
    ...Object.entries(pp28).map(([item, amount]) => ({
      regulation: 'PP 28/2019',
      validFrom: '2019-01-01',
      validUntil: '2024-12-16',
      item: item as FeeItem,
      amount,
    })),
    ...Object.entries(pp45).map(([item, amount]) => ({
      regulation: 'PP 45/2024',
      validFrom: '2024-12-17',
      validUntil: null,
      item: item as FeeItem,
      amount,
    })),
  ];
  await db.insert(tariffs).values(rows).onConflictDoNothing();
}

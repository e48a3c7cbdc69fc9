import type { PassportType } from '../applications/schema.ts';
import { addIssuanceHistory } from '../passports/add-issuance-history.ts';
import type { Executor } from '../platform/db/index.ts';

/** The region's 2025 figures from the seed article: 7.150 paspor biasa + 14.213 paspor elektronik = 21.363. */
export const DEMO_HISTORY_YEAR = 2025;
export const demoHistoryTotals: Record<PassportType, number> = { biasa: 7_150, elektronik: 14_213 };

/** Shares of the four Kantor Imigrasi: Kupang, the capital's office, issues almost half. */
const unitWeights: Record<string, number> = {
  'KANIM-KUPANG': 46,
  'KANIM-MAUMERE': 20,
  'KANIM-ATAMBUA': 19,
  'KANIM-LABUAN-BAJO': 15,
};
/**
 * Months January to December: quieter around Ramadan and Lebaran (March 2025), busiest before the school holidays
 * (June, July) and the year's end; the electronic passport's share grows through the year.
 */
const monthWeights: Record<PassportType, number[]> = {
  biasa: [9, 8, 7, 8, 9, 10, 10, 8, 8, 8, 7, 8],
  elektronik: [6, 6, 5, 7, 8, 10, 11, 9, 9, 9, 10, 10],
};

/** Splits `total` in proportion to `weights` into whole numbers that add up to it exactly (largest remainders). */
export function distribute(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) parts[byRemainder[k]!.i]! += 1;
  return parts;
}

/** Monthly issuance history for 2025 at the four Kantor Imigrasi, adding up exactly to the article's totals. */
export function demoHistoryRows() {
  const unitCodes = Object.keys(unitWeights);
  return (Object.keys(demoHistoryTotals) as PassportType[]).flatMap((type) => {
    const perUnit = distribute(
      demoHistoryTotals[type],
      unitCodes.map((u) => unitWeights[u]!),
    );
    return unitCodes.flatMap((unitCode, u) =>
      distribute(perUnit[u]!, monthWeights[type]).map((count, m) => ({
        unitCode,
        month: `${DEMO_HISTORY_YEAR}-${String(m + 1).padStart(2, '0')}-01`,
        type,
        count,
      })),
    );
  });
}

/** Inserts the demo history; rows already there (an earlier seed, or real imported counts) are left alone. */
export async function seedDemoHistory(db: Executor): Promise<void> {
  await addIssuanceHistory(db, demoHistoryRows());
}

import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { periodBounds } from './compute-ikm.ts';

/**
 * Krejcie & Morgan (1970), the table the regulation's guidance uses: chi-square 3.841 (1 degree of freedom, 95 %),
 * P = 0.5 and a margin of 5 %. N = 100 → 80, 1 000 → 278, 10 000 → 370.
 */
export function krejcieMorgan(population: number): number {
  if (population <= 0) return 0;
  const chi2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  return Math.ceil((chi2 * population * p * (1 - p)) / (d * d * (population - 1) + chi2 * p * (1 - p)));
}

/**
 * The people served in the period (WITA days) at the units: passports handed over, home visits made and complaints
 * closed, the three moments a survey link goes out. The officer may give another population instead.
 */
export async function countServed(
  db: Executor,
  input: { unitCodes: string[]; from: IsoDate; to: IsoDate },
): Promise<number> {
  if (input.unitCodes.length === 0) return 0;
  const { start, end } = periodBounds(input.from, input.to);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`
    select (
      (select count(*) from passports where unit_code in ${input.unitCodes} and handed_over_at >= ${start} and handed_over_at < ${end})
      + (select count(*) from home_visits where unit_code in ${input.unitCodes} and status = 'visited' and visit_date between ${input.from} and ${input.to})
      + (select count(*) from complaints where unit_code in ${input.unitCodes} and status = 'closed' and closed_at >= ${start} and closed_at < ${end})
    )::int as n`,
  );
  return Number(row?.n ?? 0);
}

export type SampleSize = { population: number; sample: number; respondents: number; stillNeeded: number };

export const sampleSize = (population: number, respondents: number): SampleSize => {
  const sample = krejcieMorgan(population);
  return { population, sample, respondents, stillNeeded: Math.max(0, sample - respondents) };
};

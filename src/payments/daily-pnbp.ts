import { sql, type SQL } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow, DailySource } from '../platform/rollups/daily-source.ts';
import { billings, type BillingPurpose } from './schema.ts';

/**
 * How a billing names its unit: each purpose's feature gives its records' units as a relation (`id`, `unit_code`) and
 * which billing column holds the record's id (`application_id` for appointments, `subject_id` for the others);
 * payments does not know units.
 */
export type BillingUnitOf = Record<BillingPurpose, { units: SQL; by: 'application_id' | 'subject_id' }>;

/**
 * PNBP in rupiah per WITA day and unit: billed (codes issued that day, key `billed`) and paid (payments received that
 * day, whenever billed, `paid`); an unpaid code that expired is billed, not paid. The unit comes from joining each
 * purpose's relation, so the planner joins sets rather than looking up each billing.
 */
export function pnbpDaily(unitOf: BillingUnitOf): DailySource {
  const purposes = Object.entries(unitOf);
  const joins = sql.join(
    purposes.map(
      ([purpose, of], i) =>
        sql`left join ${of.units} ${sql.raw(`u${i}`)} on b.purpose = ${purpose} and ${sql.raw(`u${i}.id = b.${of.by}`)}`,
    ),
    sql` `,
  );
  const unit = sql.raw(`coalesce(${purposes.map((_, i) => `u${i}.unit_code`).join(', ')})`);
  const day = (column: string) => sql.raw(`to_char(b.${column} at time zone 'Asia/Makassar', 'YYYY-MM-DD')`);
  return {
    name: 'payments.pnbp',
    rows: async (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) => {
      const start = witaInstant(from);
      const end = witaInstant(addDays(to, 1));
      return queryRows<DailyRow>(
        db,
        sql`select day, unit_code as "unitCode", key, sum(amount)::float8 as value
          from (select ${day('created_at')} as day, ${unit} as unit_code, 'billed' as key, b.amount
              from ${billings} b ${joins} where b.created_at >= ${start} and b.created_at < ${end}
            union all
            select ${day('paid_at')}, ${unit}, 'paid', b.amount
              from ${billings} b ${joins} where b.paid_at >= ${start} and b.paid_at < ${end}) x
          where unit_code is not null ${unitCodes ? sql`and unit_code in ${unitCodes}` : sql``}
          group by 1, 2, 3`,
      );
    },
  };
}

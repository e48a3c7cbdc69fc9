import { sql, type SQL } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow, DailySource } from '../platform/rollups/daily-source.ts';
import { billings, type BillingPurpose } from './schema.ts';

/**
 * How a billing names its unit: the purpose's feature says it (payments does not know units), given the billing's
 * `application_id` (appointments) and `subject_id` (the others) columns.
 */
export type BillingUnitOf = Record<BillingPurpose, (ids: { applicationId: SQL; subjectId: SQL }) => SQL>;

/**
 * PNBP in rupiah per WITA day and unit: billed (codes issued that day, key `billed`) and paid (payments received that
 * day, whenever billed, `paid`); an unpaid code that expired is billed, not paid. The unit is found as `unitOf` says
 * for each purpose, a look-up per billing, so this runs in the rollup's refresh rather than per request.
 */
export function pnbpDaily(unitOf: BillingUnitOf): DailySource {
  const ids = { applicationId: sql`b.application_id`, subjectId: sql`b.subject_id` };
  const unit = sql`case b.purpose ${sql.join(
    Object.entries(unitOf).map(([purpose, of]) => sql`when ${purpose} then ${of(ids)}`),
    sql` `,
  )} end`;
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
              from ${billings} b where b.created_at >= ${start} and b.created_at < ${end}
            union all
            select ${day('paid_at')}, ${unit}, 'paid', b.amount
              from ${billings} b where b.paid_at >= ${start} and b.paid_at < ${end}) x
          where unit_code is not null ${unitCodes ? sql`and unit_code in ${unitCodes}` : sql``}
          group by 1, 2, 3`,
      );
    },
  };
}

import { sql, type SQL } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { billings, type BillingPurpose } from './schema.ts';

/**
 * How a billing names its unit: the purpose's feature says it (payments does not know units), given the billing's
 * `application_id` (appointments) and `subject_id` (the others) columns.
 */
export type BillingUnitOf = Record<BillingPurpose, (ids: { applicationId: SQL; subjectId: SQL }) => SQL>;

export type PnbpByUnit = { unitCode: string; billed: number; paid: number };

/**
 * PNBP in rupiah per unit: billed (billing codes issued in the period, WITA days) and paid (payments received in the
 * period, whenever billed). Unpaid codes that expired are billed, not paid.
 */
export async function countPnbp(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate; unitOf: BillingUnitOf },
): Promise<PnbpByUnit[]> {
  if (q.unitCodes.length === 0) return [];
  const start = witaInstant(q.from);
  const end = witaInstant(addDays(q.to, 1));
  const ids = { applicationId: sql`b.application_id`, subjectId: sql`b.subject_id` };
  const unit = sql`case b.purpose ${sql.join(
    Object.entries(q.unitOf).map(([purpose, of]) => sql`when ${purpose} then ${of(ids)}`),
    sql` `,
  )} end`;
  const rows = await queryRows<{ unit_code: string; billed: string; paid: string }>(
    db,
    sql`select unit_code, coalesce(sum(amount) filter (where billed), 0)::bigint as billed,
      coalesce(sum(amount) filter (where paid), 0)::bigint as paid
    from (select ${unit} as unit_code, b.amount,
        b.created_at >= ${start} and b.created_at < ${end} as billed,
        b.paid_at is not null and b.paid_at >= ${start} and b.paid_at < ${end} as paid
      from ${billings} b
      where (b.created_at >= ${start} and b.created_at < ${end}) or (b.paid_at >= ${start} and b.paid_at < ${end})) x
    where unit_code in ${q.unitCodes}
    group by 1`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, billed: Number(r.billed), paid: Number(r.paid) }));
}

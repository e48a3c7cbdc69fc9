import { sql } from 'drizzle-orm';
import { issueBillings } from '../payments/issue-billings.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, takeTurn, type Tx } from '../platform/db/index.ts';
import { overstayingPermitsSql } from '../stay-permits/find-overstaying-permits.ts';
import { notifyProposals } from './notify-proposals.ts';
import { rateOn } from './overstay-rate-sql.ts';

const SCAN_LOCK_SPACE = 7431;

/** A period's overstay in days, from its first day over through the period's last day: what the limit judges. */
const daysInAll = sql`(o.last_day - o.started_on + 1)`;

export type ScanResult = { found: number; updated: number; lifted: number; proposed: number; billed: number };

/**
 * New overstays and the days of those still running, in one statement over every ended permit. A permit's running
 * period (open or proposed, not closed by a departure) counts on; with none, a period begins on the overstay's first
 * day, or the day after the last day a paid period covered, so a holder who paid and stayed is charged for the days
 * after the paid ones only. A period cancelled while its permit seemed covered (an extension or change of status not
 * granted after all) is opened again rather than charged twice. With `foreignerId`, that one person's only (the
 * crossing desk, at their departure).
 */
export async function upsertOverstays(tx: Tx, today: IsoDate, foreignerId?: string) {
  const [row] = await queryRows<{ found: number; updated: number }>(
    tx,
    sql`
    with periods as (
      select p.*, coalesce(
          (select o.first_day from overstays o
            where o.permit_id = p.permit_id and o.started_on = p.first_day
              and o.status in ('open', 'proposed') and o.departed_on is null
            order by o.first_day desc limit 1),
          greatest(p.first_day,
            (select max(o.last_day) + 1 from overstays o where o.permit_id = p.permit_id and o.status = 'paid'))
        ) as from_day
      from (${overstayingPermitsSql(today)}) p
      ${foreignerId ? sql`where p.foreigner_id = ${foreignerId}` : sql``}),
    up as (
      insert into overstays (permit_id, foreigner_id, unit_code, entry_date, started_on, first_day, last_day, days,
        daily_rate, amount)
      select q.permit_id, q.foreigner_id, q.unit_code, q.entry_date, q.first_day, q.from_day, ${today}::date,
        ${today}::date - q.from_day + 1, r.daily_rate, (${today}::date - q.from_day + 1)::bigint * r.daily_rate
      from periods q
      join overstay_rates r on ${rateOn(sql`q.first_day`)}
      where q.from_day <= ${today}::date
      on conflict (permit_id, first_day) do update
        set started_on = excluded.started_on, last_day = excluded.last_day, days = excluded.days,
          daily_rate = excluded.daily_rate, amount = excluded.amount, updated_at = now(),
          status = case when overstays.status = 'cancelled' then 'open' else overstays.status end
        where overstays.status in ('open', 'proposed', 'cancelled') and overstays.departed_on is null
          and overstays.last_day < excluded.last_day
      returning (xmax = 0) as created)
    select count(*) filter (where created)::int as found, count(*) filter (where not created)::int as updated from up`,
  );
  return row ?? { found: 0, updated: 0 };
}

/**
 * Open overstay periods, not yet closed by a departure, whose permit no longer overstays from their first day over
 * (extended, or a change of status filed and paid before its end, decided after it): their days were never over, so
 * they are cancelled. Paid periods stay paid.
 */
async function liftOverstays(tx: Tx, today: IsoDate): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`
    with lifted as (
      update overstays o set status = 'cancelled', updated_at = now()
      where o.status = 'open' and o.departed_on is null
        and not exists (select 1 from (${overstayingPermitsSql(today)}) p
          where p.permit_id = o.permit_id and p.first_day = o.started_on)
      returning 1)
    select count(*)::int as n from lifted`,
  );
  return row?.n ?? 0;
}

/**
 * Open periods of overstays that reached the rate's limit of days in all (counted from the overstay's first day over,
 * paid periods included, so paying in parts never avoids it), or whose holder left without paying the rate's number of
 * days ago, become proposals for administrative action (each with its history's first entry); returns the count per
 * unit.
 */
async function proposeActions(tx: Tx, today: IsoDate) {
  return queryRows<{ unit_code: string; n: number }>(
    tx,
    sql`
    with due as (
      select o.id, o.unit_code,
        case when ${daysInAll} >= r.charge_limit_days then 'limit_reached' else 'unpaid' end as reason
      from overstays o join overstay_rates r on ${rateOn(sql`o.started_on`)}
      where o.status = 'open'
        and (${daysInAll} >= r.charge_limit_days
          or (o.departed_on is not null and ${today}::date - o.departed_on >= r.unpaid_days))),
    made as (
      insert into overstay_proposals (overstay_id, unit_code, reason, proposed_on)
      select id, unit_code, reason, ${today}::date from due
      on conflict (overstay_id) do nothing
      returning id, overstay_id, unit_code, reason),
    history as (
      insert into overstay_proposal_actions (proposal_id, type, payload)
      select id, 'proposed', jsonb_build_object('status', 'proposed', 'reason', reason) from made),
    marked as (
      update overstays set status = 'proposed', updated_at = now() where id in (select overstay_id from made))
    select unit_code, count(*)::int as n from made group by unit_code order by unit_code`,
  );
}

/**
 * A billing code for every open period under the limit whose code is missing, expired or for another amount: the
 * charges still counting today and those closed by a departure (one whose permit was extended meanwhile stops counting
 * and keeps the code it had, for the officers). A code is good until the end of its WITA day: tomorrow's charge is a
 * day more. With `foreignerId`, that one person's only.
 */
export async function billCharges(tx: Tx, today: IsoDate, now: Date, foreignerId?: string): Promise<number> {
  const due = await queryRows<{ id: string; amount: string | number }>(
    tx,
    sql`
    select o.id, o.amount from overstays o join overstay_rates r on ${rateOn(sql`o.started_on`)}
    where o.status = 'open' and ${daysInAll} < r.charge_limit_days
      and (o.departed_on is not null or o.last_day = ${today}::date)
      and (o.billing_code is null or o.billed_amount <> o.amount or o.billing_expires_at <= ${now.toISOString()}::timestamptz)
      ${foreignerId ? sql`and o.foreigner_id = ${foreignerId}` : sql``}`,
  );
  if (due.length === 0) return 0;
  const expiresAt = witaInstant(addDays(today, 1));
  const issued = await issueBillings(
    tx,
    'overstay',
    due.map((d) => ({ subjectId: d.id, amount: Number(d.amount) })),
    expiresAt,
  );
  const list = (values: readonly (string | number)[]) => `{${values.join(',')}}`;
  await tx.execute(sql`
    update overstays o set billing_code = v.code, billed_amount = v.amount,
      billing_expires_at = ${expiresAt.toISOString()}::timestamptz, updated_at = now()
    from unnest(${list(issued.map((b) => b.subjectId!))}::uuid[], ${list(issued.map((b) => b.code))}::text[],
      ${list(issued.map((b) => b.amount))}::bigint[]) as v(id, code, amount)
    where o.id = v.id`);
  return issued.length;
}

/**
 * The daily overstay scan (WITA `today`): finds foreigners whose latest permit ended and who have not left, counts
 * their days (the day after the permit's last through today, both counted; after a paid charge, the days after the
 * paid ones as a new period), charges them at the dated rate with a billing code while under the limit, and proposes
 * administrative action from the limit on or when a departed person's charge stays unpaid; the heads of the units
 * with new proposals are mailed. Set-based throughout. Runs taking turns with any other scan, and a second run on the
 * same day changes nothing.
 */
export async function scanOverstays(tx: Tx, today: IsoDate = witaDate(), now = new Date()): Promise<ScanResult> {
  await takeTurn(tx, SCAN_LOCK_SPACE, 'scan');
  const { found, updated } = await upsertOverstays(tx, today);
  const lifted = await liftOverstays(tx, today);
  const perUnit = await proposeActions(tx, today);
  const billed = await billCharges(tx, today, now);
  await notifyProposals(tx, perUnit);
  const proposed = perUnit.reduce((sum, u) => sum + u.n, 0);
  const result = { found, updated, lifted, proposed, billed };
  if (found + updated + lifted + proposed + billed > 0)
    await appendAudit(tx, systemCaller('overstay_scan'), {
      action: 'overstay.scan',
      targetType: 'overstay_scan',
      targetId: today,
      details: result,
    });
  return result;
}

import { sql, type SQL } from 'drizzle-orm';
import { departedOnOrAfter } from '../foreigners/departed-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';

/**
 * The permits whose holders overstay on `today` (WITA), as a select another feature's set-based statement embeds
 * (the daily overstay scan over a million permits is one statement, not a look-up per person): permits that let
 * their holder stay (active, or ended by an exit permit whose leave-by day is `valid_until`) up to a day before
 * today (through the partial index on those permits' last day), that are their holder's latest, whose
 * holder has not left since entering (or came back after leaving: foreigners' `departedOnOrAfter`), and with no change of status filed and paid before the end (§1.4).
 * Columns: permit_id, foreigner_id, unit_code, entry_date, first_day (the day after the last day of the permit).
 */
export function overstayingPermitsSql(today: IsoDate): SQL {
  return sql`
    select p.id as permit_id, p.foreigner_id, p.unit_code, p.entry_date, (p.valid_until + 1) as first_day
    from stay_permits p
    where p.status in ('active', 'ended') and p.valid_until < ${today}::date
      and p.pending_change_paid_on is null
      and not exists (
        select 1 from stay_permits later
        where later.foreigner_id = p.foreigner_id and later.status in ('active', 'ended')
          and later.valid_until > p.valid_until)
      and not ${departedOnOrAfter(sql`p.foreigner_id`, sql`p.entry_date`)}`;
}

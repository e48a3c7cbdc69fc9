import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Tx } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { lodgingMembers, lodgings, type StayNoticeKind } from './schema.ts';

/**
 * How far back the daily run looks: a run missed for a few days still catches up, while the first run after a
 * deployment does not mail years of old reports.
 */
export const FLAG_LOOKBACK_DAYS = 30;

type Flagged = { stay_id: string; kind: StayNoticeKind; lodging_id: string; receipt_number: string };

/**
 * Flags late check-ins and stays past their declared departure without a check-out (WITA `today`), each once per stay
 * and kind: the notice row is written first and only stays whose row is new are mailed, so a rerun sends nothing
 * twice. The lodging's managers get one mail per run with the receipt numbers (no guest names); the office reads the
 * same stays on its flags page. Returns how many stays were flagged.
 */
export async function flagStays(tx: Tx, today: IsoDate = witaDate()): Promise<number> {
  const since = witaInstant(addDays(today, -FLAG_LOOKBACK_DAYS));
  const flagged = await queryRows<Flagged>(
    tx,
    sql`
    with fresh as (
      insert into stay_notices (stay_id, kind, lodging_id)
      select id, 'late_check_in', lodging_id from stays where late and reported_at >= ${since.toISOString()}::timestamptz
      union all
      select id, 'missing_check_out', lodging_id from stays
        where check_out_at is null and expected_check_out_on < ${today}::date
          and expected_check_out_on >= ${addDays(today, -FLAG_LOOKBACK_DAYS)}::date
      on conflict do nothing
      returning stay_id, kind, lodging_id)
    select f.stay_id, f.kind, f.lodging_id, s.receipt_number from fresh f join stays s on s.id = f.stay_id
    order by s.receipt_number`,
  );
  const byLodging = new Map<string, Flagged[]>();
  for (const f of flagged) byLodging.set(f.lodging_id, [...(byLodging.get(f.lodging_id) ?? []), f]);
  if (byLodging.size === 0) return 0;
  const ids = [...byLodging.keys()];
  const places = await tx
    .select({ id: lodgings.id, name: lodgings.name, unitCode: lodgings.unitCode, email: lodgings.email })
    .from(lodgings)
    .where(inArray(lodgings.id, ids));
  const managers = await tx
    .select({ lodgingId: lodgingMembers.lodgingId, email: accounts.email, lang: accounts.lang })
    .from(lodgingMembers)
    .innerJoin(accounts, eq(accounts.id, lodgingMembers.accountId))
    .where(
      and(
        inArray(lodgingMembers.lodgingId, ids),
        eq(lodgingMembers.role, 'manager'),
        isNull(lodgingMembers.removedAt),
        isNull(accounts.disabledAt),
      ),
    );
  for (const place of places) {
    const notices = byLodging.get(place.id) ?? [];
    const receipts = (kind: StayNoticeKind) => notices.filter((n) => n.kind === kind).map((n) => n.receipt_number);
    const to = managers.filter((m) => m.lodgingId === place.id);
    // A lodging whose managers have all left is still told, at the address it registered with (English first).
    for (const { email, lang } of to.length > 0 ? to : [{ email: place.email, lang: 'en' as const }]) {
      const t = translator(lang);
      const lines = [t('lodgings.oversight.mail.intro', { lodging: place.name }), ''];
      if (receipts('late_check_in').length > 0)
        lines.push(t('lodgings.oversight.mail.late', { receipts: receipts('late_check_in').join(', ') }));
      if (receipts('missing_check_out').length > 0)
        lines.push(t('lodgings.oversight.mail.missing', { receipts: receipts('missing_check_out').join(', ') }));
      lines.push('', t('lodgings.oversight.mail.closing', { unit: place.unitCode }));
      await enqueueMail(tx, {
        to: email,
        subject: t('lodgings.oversight.mail.subject', { lodging: place.name }),
        text: lines.join('\n'),
      });
    }
  }
  return flagged.length;
}

import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';
import { inArray, sql } from 'drizzle-orm';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { formatCalendarDate } from '../platform/i18n/format.ts';
import { daysLeft } from './days-left.ts';
import { stayPermits } from './schema.ts';
import { mailSponsorMembers } from './sponsor-mails.ts';

export const NOTICE_JOB = 'stay_permits.end_notices';
/** The daily run's WITA hour: before the offices open, so a sponsor can act the same day. */
const RUN_TIME = '07:00';
/**
 * Days before a permit's last day when its sponsor is told (issue 12): Sikoe's own reminders, not a legal deadline.
 * Each must leave time for what follows (alih status is filed at least 30 days before an ITK ends).
 */
export const NOTICE_DAYS = [30, 14, 7] as const;

/**
 * Notices the sponsors of active permits that reached a threshold: one per permit, threshold and end date (a
 * permit extended is told again before its new end). A permit first seen inside several thresholds gets the nearest
 * one only. One statement claims the notices (the unique key decides, so two runs never both mail); each claimed one
 * is mailed to the sponsor's members, queued in this transaction. Returns the number of notices.
 */
export async function sendPermitEndNotices(
  db: Executor,
  today: IsoDate,
  options: { publicUrl: string },
): Promise<number> {
  const days = sql.raw(`array[${NOTICE_DAYS.join(',')}]::int[]`);
  const claimed = await queryRows<{ permitId: string; daysBefore: number; validUntil: string }>(
    db,
    sql`
      insert into permit_end_notices (permit_id, days_before, valid_until)
      select p.id, (select min(d) from unnest(${days}) d where d >= p.valid_until - ${today}::date), p.valid_until
      from stay_permits p
      where p.status = 'active' and p.sponsor_id is not null
        and p.valid_until between ${today}::date and ${addDays(today, Math.max(...NOTICE_DAYS))}::date
      on conflict do nothing
      returning permit_id as "permitId", days_before as "daysBefore", valid_until::text as "validUntil"`,
  );
  if (claimed.length === 0) return 0;
  const permits = await db
    .select()
    .from(stayPermits)
    .where(
      inArray(
        stayPermits.id,
        claimed.map((c) => c.permitId),
      ),
    );
  const people = await listForeignerNames(
    db,
    permits.map((p) => p.foreignerId),
  );
  for (const permit of permits) {
    const holder = people.get(permit.foreignerId)!;
    const left = daysLeft(permit.validUntil, today);
    await mailSponsorMembers(db, permit.sponsorId!, (t, member, lang) => {
      const values = {
        name: member.name,
        holder: `${holder.surname} ${holder.givenNames}`.trim(),
        nationality: holder.nationality,
        type: t(`stayPermits.types.${permit.type}`),
        date: formatCalendarDate(lang, permit.validUntil),
        days: left,
        link: `${options.publicUrl}/sponsors/${permit.sponsorId}/permits/${permit.id}`,
      };
      return { subject: t('stayPermits.mail.endingSubject', values), text: t('stayPermits.mail.endingBody', values) };
    });
  }
  return claimed.length;
}

/** Queues the next morning's run unless one is already waiting (`except`: the run now going). */
export async function scheduleEndNotices(db: Executor, today: IsoDate, except?: number): Promise<void> {
  await enqueueUnlessWaiting(db, NOTICE_JOB, witaInstant(addDays(today, 1), RUN_TIME), except);
}

import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { performComplaintAction } from './perform-complaint-action.ts';
import { INTEGRITY_ROLE, INTEGRITY_UNIT, subjectNameKey } from './policy.ts';
import { complaints, type Complaint } from './schema.ts';

export const ESCALATE_JOB = 'complaints.escalate';
/** The daily scan runs at this WITA hour, before the offices open. */
const SCAN_TIME = '06:00';

/** Queues the daily scan for the next morning unless one is already waiting (`except`: the scan now running). */
export async function scheduleEscalationScan(tx: Executor, now = new Date(), except?: number): Promise<void> {
  await enqueueUnlessWaiting(tx, ESCALATE_JOB, witaInstant(addDays(witaDate(now), 1), SCAN_TIME), except);
}

/** Who is told: the heads of office of the unit, or for whistle-blowing the integrity officers (never the one reported). */
async function recipients(tx: Executor, complaint: Complaint): Promise<string[]> {
  const whistle = complaint.type === 'whistleblowing';
  const rows = await tx
    .select({ id: accounts.id, email: accounts.email, name: accounts.name })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        isNull(accounts.disabledAt),
        whistle
          ? and(eq(accounts.role, INTEGRITY_ROLE), eq(accounts.unitCode, INTEGRITY_UNIT))
          : and(eq(accounts.role, 'head_of_office'), eq(accounts.unitCode, complaint.unitCode)),
      ),
    );
  return rows
    .filter(
      (r) =>
        r.id !== complaint.subjectOfficerId &&
        !(complaint.subjectName && subjectNameKey(r.name) === subjectNameKey(complaint.subjectName)),
    )
    .map((r) => r.email);
}

/**
 * Tells the head of office once about each complaint not verified by its verification day or not answered by its
 * answer day (WITA `today`), and marks it escalated. The mail names the code and the deadline, not the content.
 */
export async function escalateOverdue(tx: Tx, today: IsoDate = witaDate()): Promise<number> {
  const overdue = await tx
    .select()
    .from(complaints)
    .where(
      and(
        isNull(complaints.escalatedAt),
        or(
          and(eq(complaints.status, 'received'), lt(complaints.verifyDueOn, today)),
          and(inArray(complaints.status, ['verified', 'in_progress']), lt(complaints.answerDueOn, today)),
        ),
      ),
    )
    .for('update', { skipLocked: true });
  const t = translator('id');
  for (const complaint of overdue) {
    const deadline = complaint.status === 'received' ? 'verification' : 'answer';
    const values = {
      code: complaint.trackingCode,
      unit: complaint.unitCode,
      due: (deadline === 'verification' ? complaint.verifyDueOn : complaint.answerDueOn) ?? '',
      deadline: t(`complaints.deadline.${deadline}`),
    };
    for (const to of await recipients(tx, complaint)) {
      await enqueueMail(tx, {
        to,
        subject: t('complaints.mail.escalated.subject', values),
        text: `${t('complaints.mail.escalated.body', values)}\n\n${t('mail.signature')}\n`,
      });
    }
    await performComplaintAction(
      tx,
      { actor: null, system: 'escalation' },
      { complaintId: complaint.id, step: 'escalate', deadline },
    );
  }
  return overdue.length;
}

import { and, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueUnlessWaiting } from '../platform/jobs/enqueue-unless-waiting.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { overdueOf } from './deadlines.ts';
import { villageTipActions, villageTips, type VillageTip } from './schema.ts';

export const TIP_REMINDER_JOB = 'village_tips.remind_overdue';
/** The daily scan runs at this WITA hour, before the offices open (as complaints' escalation scan). */
const SCAN_TIME = '06:00';
const deadlines = ['triage', 'close'] as const;
type Deadline = (typeof deadlines)[number];

/** Queues the daily scan for the next morning unless one is already waiting (`except`: the scan now running). */
export async function scheduleTipReminders(tx: Executor, now = new Date(), except?: number): Promise<void> {
  await enqueueUnlessWaiting(tx, TIP_REMINDER_JOB, witaInstant(addDays(witaDate(now), 1), SCAN_TIME), except);
}

/** The deadlines of the tip passed on `today` that nobody was reminded of yet. */
async function unreminded(tx: Tx, tips: VillageTip[], today: IsoDate): Promise<[VillageTip, Deadline][]> {
  if (tips.length === 0) return [];
  const done = await tx
    .select({ tipId: villageTipActions.tipId, deadline: sql<string>`${villageTipActions.payload}->>'deadline'` })
    .from(villageTipActions)
    .where(
      and(
        eq(villageTipActions.type, 'overdue_reminded'),
        inArray(
          villageTipActions.tipId,
          tips.map((t) => t.id),
        ),
      ),
    );
  const seen = new Set(done.map((d) => `${d.tipId}:${d.deadline}`));
  return tips.flatMap((tip) => {
    const overdue = overdueOf(tip, today);
    return deadlines
      .filter((d) => overdue[d] && !seen.has(`${tip.id}:${d}`))
      .map((d): [VillageTip, Deadline] => [tip, d]);
  });
}

/** The office's oversight (intelligence) officers: those who handle its tips. */
async function recipients(tx: Tx, unitCode: string): Promise<string[]> {
  const rows = await tx
    .select({ email: accounts.email })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        isNull(accounts.disabledAt),
        eq(accounts.role, 'oversight_officer'),
        eq(accounts.unitCode, unitCode),
      ),
    );
  return rows.map((r) => r.email);
}

/**
 * Mails each office's oversight officers one list of its tips past their triage or closing day (WITA `today`), each
 * tip once per deadline (recorded in its history and the audit log). The mail carries tracking codes, deadlines and
 * a count: never the sender, the description or whom the tip is about. Returns how many reminders were recorded.
 */
export async function remindOverdueTips(tx: Tx, today: IsoDate = witaDate()): Promise<number> {
  const tips = await tx
    .select()
    .from(villageTips)
    .where(
      and(
        ne(villageTips.status, 'closed'),
        or(
          and(eq(villageTips.status, 'received'), lt(villageTips.triageDueOn, today)),
          lt(villageTips.closeDueOn, today),
        ),
      ),
    )
    .orderBy(villageTips.unitCode, villageTips.triageDueOn)
    .for('update', { skipLocked: true });
  const due = await unreminded(tx, tips, today);
  const t = translator('id');
  const units = [...new Set(due.map(([tip]) => tip.unitCode))];
  for (const unit of units) {
    const mine = due.filter(([tip]) => tip.unitCode === unit);
    const lines = mine.map(([tip, d]) => {
      const day = d === 'triage' ? tip.triageDueOn : tip.closeDueOn;
      return `- ${tip.trackingCode}: ${t(`villageTips.mail.deadline.${d}`)} ${day}`;
    });
    const values = { unit, count: String(mine.length), lines: lines.join('\n') };
    for (const to of await recipients(tx, unit))
      await enqueueMail(tx, {
        to,
        subject: t('villageTips.mail.overdueSubject', values),
        text: `${t('villageTips.mail.overdueBody', values)}\n\n${t('mail.signature')}\n`,
      });
  }
  for (const [tip, deadline] of due)
    await recordWorkflowAction(
      tx,
      { actor: null, system: 'tip-reminder' },
      {
        history: villageTipActions,
        entry: { tipId: tip.id, public: false },
        record: villageTips,
        recordId: tip.id,
        type: 'overdue_reminded',
        payload: { deadline },
      },
      {
        action: 'village_tip.overdue_reminded',
        targetType: 'village_tip',
        targetId: tip.id,
        unitCode: tip.unitCode,
        details: { deadline },
      },
    );
  return due.length;
}

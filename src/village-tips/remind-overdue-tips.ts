import { and, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { overdueOf } from './deadlines.ts';
import { villageTipActions, villageTips, type VillageTip } from './schema.ts';

const deadlines = ['triage', 'close'] as const;
type Deadline = (typeof deadlines)[number];

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

/** The active officers of the unit with the role. */
async function officersOf(tx: Tx, unitCode: string, role: 'oversight_officer' | 'head_of_office'): Promise<string[]> {
  const rows = await tx
    .select({ email: accounts.email })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        isNull(accounts.disabledAt),
        eq(accounts.role, role),
        eq(accounts.unitCode, unitCode),
      ),
    );
  return rows.map((r) => r.email);
}

/**
 * Who is told of the office's overdue tips: its oversight (intelligence) officers, who handle them; an office with
 * none active (the Kanwil's fallback tips when it has no oversight officer, or theirs is disabled) tells its head of
 * office, who must then see that someone handles them.
 */
async function recipients(tx: Tx, unitCode: string): Promise<string[]> {
  const oversight = await officersOf(tx, unitCode, 'oversight_officer');
  return oversight.length > 0 ? oversight : officersOf(tx, unitCode, 'head_of_office');
}

/** Records in the tip's history and the audit log that its deadline was reminded of. */
async function recordReminder(tx: Tx, tip: VillageTip, deadline: Deadline): Promise<void> {
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
}

/**
 * Mails each office's oversight officers (else its head of office) one list of its tips past their triage or closing
 * day (WITA `today`), each tip once per deadline (recorded in its history and the audit log). The mail carries
 * tracking codes, deadlines and a count: never the sender, the description or whom the tip is about. Returns how
 * many reminders were recorded.
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
  let recorded = 0;
  for (const unit of new Set(due.map(([tip]) => tip.unitCode))) {
    const to = await recipients(tx, unit);
    // Nobody to tell: recording the reminder would mark it sent and no later run would try again, so the tips stay
    // unreminded until the office has an active oversight officer or head of office.
    if (to.length === 0) continue;
    const mine = due.filter(([tip]) => tip.unitCode === unit);
    const lines = mine.map(([tip, d]) => {
      const day = d === 'triage' ? tip.triageDueOn : tip.closeDueOn;
      return `- ${tip.trackingCode}: ${t(`villageTips.mail.deadline.${d}`)} ${day}`;
    });
    const values = { unit, count: String(mine.length), lines: lines.join('\n') };
    for (const address of to)
      await enqueueMail(tx, {
        to: address,
        subject: t('villageTips.mail.overdueSubject', values),
        text: `${t('villageTips.mail.overdueBody', values)}\n\n${t('mail.signature')}\n`,
      });
    for (const [tip, deadline] of mine) await recordReminder(tx, tip, deadline);
    recorded += mine.length;
  }
  return recorded;
}

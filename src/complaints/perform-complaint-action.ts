import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { issueSurveyToken } from '../surveys/issue-survey-token.ts';
import { unitScope } from '../units/scope.ts';
import { assertStatus, lockComplaint, recordComplaintAction } from './complaint-actions.ts';
import { ANSWER_WORKING_DAYS, workingDaysAfter } from './deadlines.ts';
import { can, holdsIntegrity, nameKey } from './policy.ts';
import type { Complaint } from './schema.ts';
import { workflow, type ComplaintStep } from './workflow.ts';

export type ComplaintActionInput = {
  complaintId: string;
  step: ComplaintStep;
  /** The reply or answer (public), the note (internal), why it is archived. */
  text?: string | null;
  forwardedTo?: string | null;
  assigneeId?: string | null;
};

/** The officer may take the complaint: of its unit (integrity officers for whistle-blowing), and not the one reported. */
async function checkAssignee(tx: Tx, complaint: Complaint, assigneeId: string): Promise<void> {
  const [officer] = await tx.select().from(accounts).where(eq(accounts.id, assigneeId));
  const eligible = officer?.kind === 'officer' && !officer.disabledAt && (complaint.type === 'whistleblowing' ? holdsIntegrity(officer) : officer.unitCode === complaint.unitCode);
  if (!officer || !eligible) throw new AppError('validation_failed', { assigneeId: 'complaints.v.assignee' });
  const isSubject = officer.id === complaint.subjectOfficerId || (!!complaint.subjectName && nameKey(complaint.subjectName) === nameKey(officer.name));
  if (isSubject) throw new AppError('validation_failed', { assigneeId: 'complaints.v.assigneeIsSubject' });
}

/**
 * One officer step on a complaint: locked, the officer's right checked, the step allowed from the current status
 * (else invalid_transition and nothing changes), then the action, the status and the audit entry together.
 * Closing issues the satisfaction survey link and mails it when the complainant left an address.
 */
export async function performComplaintAction(tx: Tx, caller: Caller, input: ComplaintActionInput, publicUrl: string, now = new Date()): Promise<Complaint> {
  const actor = caller.actor;
  const complaint = await lockComplaint(tx, input.complaintId);
  const scope = actor?.unitCode ? await unitScope(tx, actor.unitCode) : [];
  if (!can(actor, 'complaint.view', complaint, scope)) throw new AppError('not_found');
  if (!can(actor, 'complaint.handle', complaint, scope)) throw new AppError('forbidden');
  const step = workflow[input.step];
  assertStatus(complaint, step.from, input.step);

  const text = input.text?.trim() || null;
  const need = (field: string, value: string | null | undefined) => {
    if (!value) throw new AppError('validation_failed', { [field]: 'v.required' });
    return value;
  };
  const change = { type: input.step, status: step.to, public: step.public };
  switch (input.step) {
    case 'verify': {
      const answerDueOn = await workingDaysAfter(tx, complaint.unitCode, witaDate(now), ANSWER_WORKING_DAYS);
      await recordComplaintAction(tx, caller, complaint, { ...change, set: { answerDueOn }, payload: { answerDueOn, ...(text ? { note: text } : {}) } });
      break;
    }
    case 'forward':
      await recordComplaintAction(tx, caller, complaint, { ...change, payload: { forwardedTo: need('forwardedTo', input.forwardedTo?.trim()) } });
      break;
    case 'archive':
      await recordComplaintAction(tx, caller, complaint, { ...change, payload: { reason: need('text', text) } });
      break;
    case 'assign': {
      const assigneeId = need('assigneeId', input.assigneeId);
      await checkAssignee(tx, complaint, assigneeId);
      await recordComplaintAction(tx, caller, complaint, { ...change, set: { assignedTo: assigneeId }, payload: { assigneeId } });
      break;
    }
    case 'answer':
      await recordComplaintAction(tx, caller, complaint, { ...change, set: { firstAnsweredAt: complaint.firstAnsweredAt ?? now }, payload: { text: need('text', text) } });
      break;
    case 'close': {
      await recordComplaintAction(tx, caller, complaint, { ...change, set: { closedAt: now }, payload: text ? { note: text } : {} });
      const survey = await issueSurveyToken(tx, { unitCode: complaint.unitCode, service: 'complaint', refId: complaint.id }, publicUrl);
      if (complaint.reporterEmail) {
        const t = translator('id');
        const values = { code: complaint.trackingCode, link: survey.url };
        await enqueueMail(tx, { to: complaint.reporterEmail, subject: t('complaints.mail.closed.subject', values), text: `${t('complaints.mail.closed.body', values)}\n\n${t('mail.signature')}\n` });
      }
      break;
    }
    case 'reply':
    case 'note':
      await recordComplaintAction(tx, caller, complaint, { ...change, payload: { text: need('text', text) } });
      break;
  }
  return lockComplaint(tx, complaint.id);
}

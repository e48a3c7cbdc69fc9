import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { issueSurveyToken } from '../surveys/issue-survey-token.ts';
import { unitScope } from '../units/scope.ts';
import { lockComplaint } from './complaint-actions.ts';
import { secretMatches } from '../platform/auth/holder-secret.ts';
import { ANSWER_WORKING_DAYS, workingDaysAfter } from './deadlines.ts';
import { mayReopen } from './follow-complaint.ts';
import { can, holdsIntegrity, subjectNameKey } from './policy.ts';
import { complaintActions, complaints, type Complaint } from './schema.ts';
import { workflow, type ComplaintStep } from './workflow.ts';

/** One step and what it needs: the officers' from the complaint's page, the complainant's with the secret, the scan's. */
export type ComplaintActionInput = { complaintId: string; requestId?: string | null } & (
  | {
      step: ComplaintStep;
      /** The reply or answer (public), the note (internal), why it is archived. */
      text?: string | null;
      forwardedTo?: string | null;
      assigneeId?: string | null;
    }
  | { step: 'reopen'; secret: string; reason: string }
  | { step: 'rate'; secret: string; satisfaction: number }
  | { step: 'escalate'; deadline: 'verification' | 'answer' }
);

type Change = { set?: Partial<Complaint>; payload?: Record<string, unknown> };

/** The officer may take the complaint: of its unit (integrity officers for whistle-blowing), and not the one reported. */
async function checkAssignee(tx: Tx, complaint: Complaint, assigneeId: string): Promise<void> {
  const [officer] = await tx.select().from(accounts).where(eq(accounts.id, assigneeId));
  const eligible =
    officer?.kind === 'officer' &&
    !officer.disabledAt &&
    (complaint.type === 'whistleblowing' ? holdsIntegrity(officer) : officer.unitCode === complaint.unitCode);
  if (!officer || !eligible) throw new AppError('validation_failed', { assigneeId: 'complaints.v.assignee' });
  const isSubject =
    officer.id === complaint.subjectOfficerId ||
    (!!complaint.subjectName && subjectNameKey(complaint.subjectName) === subjectNameKey(officer.name));
  if (isSubject) throw new AppError('validation_failed', { assigneeId: 'complaints.v.assigneeIsSubject' });
}

/**
 * Who runs the step (workflow `by`): an officer who may see the complaint (else not_found, telling nothing) and
 * handle it (else forbidden); the holder of its secret; or the system's own job, never a person.
 */
async function authorizeStep(tx: Tx, caller: Caller, complaint: Complaint, input: ComplaintActionInput): Promise<void> {
  const by = workflow[input.step].by;
  if (by === 'complaint.handle') {
    const scope = caller.actor?.unitCode ? await unitScope(tx, caller.actor.unitCode) : [];
    if (!can(caller.actor, 'complaint.view', complaint, scope)) throw new AppError('not_found');
    if (!can(caller.actor, 'complaint.handle', complaint, scope)) throw new AppError('forbidden');
  } else if (by === 'holder') {
    if (!('secret' in input) || !secretMatches(input.secret, complaint.secretHash)) throw new AppError('not_found');
  } else if (caller.actor || !caller.system) throw new AppError('forbidden');
}

const need = (field: string, value: string | null | undefined) => {
  if (!value) throw new AppError('validation_failed', { [field]: 'v.required' });
  return value;
};

/** The step's own rules, once the workflow allows it: what it checks, sets and records. */
async function stepChange(
  tx: Tx,
  complaint: Complaint,
  input: ComplaintActionInput,
  publicUrl: string | undefined,
  now: Date,
): Promise<Change> {
  switch (input.step) {
    case 'reopen': {
      // Reopening is open for REOPEN_DAYS after the answer or the closing; later it is refused like any other status.
      if (!(await mayReopen(tx, complaint, now)))
        throw new AppError('invalid_transition', undefined, { step: 'reopen', status: complaint.status });
      return { set: { closedAt: null }, payload: { reason: need('reason', input.reason.trim()) } };
    }
    case 'rate':
      if (complaint.satisfaction !== null) throw new AppError('already_answered');
      return { set: { satisfaction: input.satisfaction }, payload: { satisfaction: input.satisfaction } };
    case 'escalate':
      return { set: { escalatedAt: now }, payload: { deadline: input.deadline } };
  }
  const text = input.text?.trim() || null;
  switch (input.step) {
    case 'verify': {
      const answerDueOn = await workingDaysAfter(tx, complaint.unitCode, witaDate(now), ANSWER_WORKING_DAYS);
      return { set: { answerDueOn }, payload: { answerDueOn, ...(text ? { note: text } : {}) } };
    }
    case 'forward':
      return { payload: { forwardedTo: need('forwardedTo', input.forwardedTo?.trim()) } };
    case 'archive':
      return { payload: { reason: need('text', text) } };
    case 'assign': {
      const assigneeId = need('assigneeId', input.assigneeId);
      await checkAssignee(tx, complaint, assigneeId);
      return { set: { assignedTo: assigneeId }, payload: { assigneeId } };
    }
    case 'answer':
      return { set: { firstAnsweredAt: complaint.firstAnsweredAt ?? now }, payload: { text: need('text', text) } };
    case 'close': {
      if (!publicUrl) throw new Error('closing a complaint needs the public address for its survey link');
      const survey = await issueSurveyToken(
        tx,
        { unitCode: complaint.unitCode, service: 'complaint', refId: complaint.id },
        publicUrl,
      );
      if (complaint.reporterEmail) {
        const t = translator('id');
        const values = { code: complaint.trackingCode, link: survey.url };
        await enqueueMail(tx, {
          to: complaint.reporterEmail,
          subject: t('complaints.mail.closed.subject', values),
          text: `${t('complaints.mail.closed.body', values)}\n\n${t('mail.signature')}\n`,
        });
      }
      return { set: { closedAt: now }, payload: text ? { note: text } : {} };
    }
    case 'reply':
    case 'note':
      return { payload: { text: need('text', text) } };
  }
}

/**
 * Every change to a complaint after it is filed goes through here, in the caller's transaction: the complaint is
 * locked, the caller's right to the step checked, a resent request id answered with the complaint as it is, the step
 * allowed from the current status (else invalid_transition and nothing changes), then the step's own rules, and the
 * action, the status and the audit entry together. Closing issues the satisfaction survey link and mails it when the
 * complainant left an address. The audit entry carries no free text: a whistle-blower's words stay in the complaint,
 * readable only by those allowed to open it.
 */
export async function performComplaintAction(
  tx: Tx,
  caller: Caller,
  input: ComplaintActionInput,
  options: { publicUrl?: string; now?: Date } = {},
): Promise<Complaint> {
  const complaint = await lockComplaint(tx, input.complaintId);
  await authorizeStep(tx, caller, complaint, input);
  if (await findActionByRequest(tx, complaintActions, complaintActions.complaintId, complaint.id, input.requestId))
    return complaint;
  assertStepAllowed(workflow, input.step, complaint.status);
  const step = workflow[input.step];
  const change = await stepChange(tx, complaint, input, options.publicUrl, options.now ?? new Date());
  const type = step.records ?? input.step;
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: complaintActions,
      entry: { complaintId: complaint.id, public: step.public },
      record: complaints,
      recordId: complaint.id,
      type,
      status: step.to,
      ...change,
      requestId: input.requestId,
    },
    {
      action: `complaint.${type}`,
      targetType: 'complaint',
      targetId: complaint.id,
      unitCode: complaint.unitCode,
      details: { from: complaint.status, ...(step.to ? { to: step.to } : {}) },
    },
  );
  return lockComplaint(tx, complaint.id);
}

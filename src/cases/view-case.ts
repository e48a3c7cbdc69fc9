import { eq } from 'drizzle-orm';
import { getApplication } from '../applications/get-application.ts';
import { listApplicationActions, type ApplicationActionEntry } from '../applications/list-application-actions.ts';
import { listDocuments, type DocumentSummary } from '../applications/required-documents.ts';
import type { Application } from '../applications/schema.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { printedPassportOf, type PrintedPassport } from '../passports/printed-passport.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { actorScope } from '../units/scope.ts';
import { findAttention, type Attention } from './find-attention.ts';
import { can } from './policy.ts';

export type CaseHistoryEntry = ApplicationActionEntry;
/** The interview's answers as the interviewer recorded them (the checklist of `interview` in inputs.ts). */
export type InterviewAnswers = {
  at: Date;
  by: string | null;
  outcome: string | null;
  /** The deferral's reason code (`deferral_reasons`); null for a pass and for deferrals recorded before codes. */
  reasonCode: string | null;
  reason: string | null;
  checklist: {
    purpose?: string;
    destination?: string;
    sponsor?: string;
    workRecommendation?: string;
    answersConsistent?: boolean;
    traffickingIndicators?: string[];
  };
};
export type CaseView = {
  application: Application;
  history: CaseHistoryEntry[];
  documents: DocumentSummary[];
  holderName: string | null;
  interview: InterviewAnswers | null;
  passport: PrintedPassport | null;
  /** Desa Binaan's early warning for the interview: adopted villages and open warnings concerning the applicant. */
  attention: Attention;
};

/**
 * The history as a reader without `case.warnings` may read it: an interview's `warningsSeen` (the ids of warnings
 * met there) would tell them a warning exists on the applicant or sponsor, so it is left out.
 */
function withoutWarnings(history: CaseHistoryEntry[]): CaseHistoryEntry[] {
  return history.map((entry) => {
    if (!('warningsSeen' in entry.payload)) return entry;
    const { warningsSeen: _seen, ...payload } = entry.payload;
    return { ...entry, payload };
  });
}

/** The newest interview's recorded answers (a deferred case may be interviewed again), or null before any interview. */
export function latestInterview(history: CaseHistoryEntry[]): InterviewAnswers | null {
  const entry = history.findLast((h) => h.type === 'interview');
  if (!entry) return null;
  const { outcome, reasonCode, reason, checklist } = entry.payload;
  return {
    at: entry.at,
    by: entry.actorName,
    outcome: typeof outcome === 'string' ? outcome : null,
    reasonCode: typeof reasonCode === 'string' ? reasonCode : null,
    reason: typeof reason === 'string' ? reason : null,
    checklist: checklist && typeof checklist === 'object' ? checklist : {},
  };
}

/**
 * An officer opening a case: the applicant, their documents and the history, the interview's answers and the printed
 * passport once there are, what Desa Binaan's early warning knows about the applicant (`find-attention.ts`), and a
 * trace in the audit log. The warnings (and the history's record of warnings seen) only for whom the policy lets read
 * them (`case.warnings`); `sponsors` adds the names an interview form being sent back named, so the officer sees the
 * warnings on them before sending it again.
 */
export async function viewCase(
  tx: Tx,
  caller: Caller,
  applicationId: string,
  options: { sponsors?: readonly string[] } = {},
): Promise<CaseView> {
  const application = await getApplication(tx, applicationId);
  const history = await listApplicationActions(tx, application.id);
  const documents = await listDocuments(tx, application.id);
  const holder = application.holderId
    ? await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, application.holderId))
    : [];
  const passport = await printedPassportOf(tx, application.id);
  const warnings = can(caller.actor, 'case.warnings', {
    unitCode: application.unitCode,
    scope: await actorScope(tx, caller.actor),
  });
  const attention = await findAttention(tx, application, history, witaDate(), { ...options, warnings });
  await appendAudit(tx, caller, {
    action: 'case.view',
    targetType: 'application',
    targetId: application.id,
    unitCode: application.unitCode,
  });
  return {
    application,
    history: warnings ? history : withoutWarnings(history),
    documents,
    holderName: holder[0]?.name ?? null,
    interview: latestInterview(history),
    passport,
    attention,
  };
}

export type RejectionReceipt = {
  trackingCode: string;
  fullName: string | null;
  at: Date;
  category: 'watchlist' | 'adjudication';
  reason: string | null;
};

/** What the rejection receipt states: when, and why in the words the applicant may read (never the list's reason). */
export function rejectionOf(application: Application, history: CaseHistoryEntry[]): RejectionReceipt | null {
  if (application.status !== 'rejected') return null;
  const action = history.findLast((a) => a.payload.status === 'rejected');
  if (!action) return null;
  const category = action.type === 'watchlist_check' ? 'watchlist' : 'adjudication';
  const reason =
    category === 'adjudication' && typeof action.payload.reason === 'string' ? action.payload.reason : null;
  return { trackingCode: application.trackingCode, fullName: application.fullName, at: action.at, category, reason };
}

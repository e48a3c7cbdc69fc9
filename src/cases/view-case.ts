import { asc, eq } from 'drizzle-orm';
import { getApplication } from '../applications/get-application.ts';
import { listDocuments, type DocumentSummary } from '../applications/required-documents.ts';
import { applicationActions, type Application } from '../applications/schema.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor, Tx } from '../platform/db/index.ts';

export type CaseHistoryEntry = { type: string; actorId: string | null; actorName: string | null; at: Date; payload: Record<string, unknown> };
export type CaseView = { application: Application; history: CaseHistoryEntry[]; documents: DocumentSummary[]; holderName: string | null };

/** A case's actions, oldest first, with the names of the officers (or citizen) who took them. */
export async function caseHistory(db: Executor, applicationId: string): Promise<CaseHistoryEntry[]> {
  return db
    .select({ type: applicationActions.type, actorId: applicationActions.actorId, actorName: accounts.name, at: applicationActions.at, payload: applicationActions.payload })
    .from(applicationActions)
    .leftJoin(accounts, eq(accounts.id, applicationActions.actorId))
    .where(eq(applicationActions.applicationId, applicationId))
    .orderBy(asc(applicationActions.id));
}

/** An officer opening a case: the applicant, their documents and the history, and a trace in the audit log. */
export async function viewCase(tx: Tx, caller: Caller, applicationId: string): Promise<CaseView> {
  const application = await getApplication(tx, applicationId);
  const history = await caseHistory(tx, application.id);
  const documents = await listDocuments(tx, application.id);
  const holder = application.holderId ? await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, application.holderId)) : [];
  await appendAudit(tx, caller, { action: 'case.view', targetType: 'application', targetId: application.id, unitCode: application.unitCode });
  return { application, history, documents, holderName: holder[0]?.name ?? null };
}

export type RejectionReceipt = { trackingCode: string; fullName: string | null; at: Date; category: 'watchlist' | 'adjudication'; reason: string | null };

/** What the rejection receipt states: when, and why in the words the applicant may read (never the list's reason). */
export function rejectionOf(application: Application, history: CaseHistoryEntry[]): RejectionReceipt | null {
  if (application.status !== 'rejected') return null;
  const action = history.findLast((a) => a.payload.status === 'rejected');
  if (!action) return null;
  const category = action.type === 'watchlist_check' ? 'watchlist' : 'adjudication';
  const reason = category === 'adjudication' && typeof action.payload.reason === 'string' ? action.payload.reason : null;
  return { trackingCode: application.trackingCode, fullName: application.fullName, at: action.at, category, reason };
}

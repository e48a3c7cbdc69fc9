import { asc, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { complaintActions, complaints, type Complaint, type ComplaintStatus } from './schema.ts';

/** The complaint locked for a change, so two officers acting at once take turns and the second sees the first. */
export async function lockComplaint(tx: Tx, id: string): Promise<Complaint> {
  const [complaint] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  if (!complaint) throw new AppError('not_found');
  return complaint;
}

export function assertStatus(complaint: Complaint, allowed: readonly ComplaintStatus[], step: string): void {
  if (!allowed.includes(complaint.status)) throw new AppError('invalid_transition', undefined, { step, status: complaint.status });
}

type Change = { type: string; status?: ComplaintStatus; set?: Partial<Complaint>; payload?: Record<string, unknown>; public?: boolean };

/**
 * Appends one action (who, when, what, why) to the history, moves the cached status and writes the audit entry,
 * all in the caller's transaction. The audit entry carries no free text: a whistle-blower's words stay in the
 * complaint, readable only by those allowed to open it.
 */
export async function recordComplaintAction(tx: Tx, caller: Caller, complaint: Complaint, change: Change): Promise<void> {
  await tx.insert(complaintActions).values({
    complaintId: complaint.id,
    type: change.type,
    actorId: caller.actor?.id ?? null,
    payload: { ...(change.status ? { status: change.status } : {}), ...(change.payload ?? {}) },
    public: change.public ?? false,
  });
  const set = { ...(change.set ?? {}), ...(change.status ? { status: change.status } : {}) };
  if (Object.keys(set).length > 0) await tx.update(complaints).set(set).where(eq(complaints.id, complaint.id));
  await appendAudit(tx, caller, {
    action: `complaint.${change.type}`,
    targetType: 'complaint',
    targetId: complaint.id,
    unitCode: complaint.unitCode,
    details: { from: complaint.status, ...(change.status ? { to: change.status } : {}) },
  });
}

export type ComplaintHistoryEntry = { type: string; at: Date; actorId: string | null; payload: Record<string, unknown>; public: boolean };

export function complaintHistory(db: Executor, complaintId: string): Promise<ComplaintHistoryEntry[]> {
  return db
    .select({ type: complaintActions.type, at: complaintActions.at, actorId: complaintActions.actorId, payload: complaintActions.payload, public: complaintActions.public })
    .from(complaintActions)
    .where(eq(complaintActions.complaintId, complaintId))
    .orderBy(asc(complaintActions.id));
}

/** The text the complainant sees for a public action: a reply, where it was forwarded, why it was archived. */
export const publicText = (entry: Pick<ComplaintHistoryEntry, 'payload'>): string => {
  const p = entry.payload;
  return String(p.text ?? p.forwardedTo ?? p.reason ?? '');
};

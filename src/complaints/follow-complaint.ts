import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { complaintHistory, publicText } from './complaint-actions.ts';
import { normaliseTrackingCode, secretMatches } from '../platform/auth/holder-secret.ts';
import { REOPEN_DAYS } from './deadlines.ts';
import { complaintActions, complaints, type Complaint } from './schema.ts';

export type FollowedComplaint = {
  trackingCode: string;
  status: Complaint['status'];
  type: Complaint['type'];
  category: Complaint['category'];
  unitCode: string;
  receivedAt: Date;
  replies: { at: Date; text: string }[];
};

/**
 * The complaint whose code and secret are given, for its holder. An unknown code and a wrong secret are refused
 * alike (not_found), after the same hash comparison, so neither answer nor timing tells whether a code exists.
 */
export async function complaintOfHolder(db: Executor, trackingCode: string, secret: string): Promise<Complaint> {
  const [complaint] = await db
    .select()
    .from(complaints)
    .where(eq(complaints.trackingCode, normaliseTrackingCode(trackingCode)));
  if (!secretMatches(secret, complaint?.secretHash ?? null)) throw new AppError('not_found');
  return complaint!;
}

/** Its status and the public replies (answers, where it was forwarded, why it was archived), oldest first. */
export async function followComplaint(db: Executor, complaint: Complaint): Promise<FollowedComplaint> {
  const history = await complaintHistory(db, complaint.id);
  return {
    trackingCode: complaint.trackingCode,
    status: complaint.status,
    type: complaint.type,
    category: complaint.category,
    unitCode: complaint.unitCode,
    receivedAt: complaint.receivedAt,
    replies: history.filter((h) => h.public).map((h) => ({ at: h.at, text: publicText(h) })),
  };
}

/** When the complaint reached its current answered or closed status, or null in any other status. */
export async function settledAt(db: Executor, complaint: Complaint): Promise<Date | null> {
  if (complaint.status !== 'answered' && complaint.status !== 'closed') return null;
  const [last] = await db
    .select({ at: complaintActions.at })
    .from(complaintActions)
    .where(and(eq(complaintActions.complaintId, complaint.id), inArray(complaintActions.type, ['answer', 'close'])))
    .orderBy(desc(complaintActions.id))
    .limit(1);
  return last?.at ?? null;
}

/** The complainant may reopen an answered or closed complaint within REOPEN_DAYS of that answer or closing. */
export async function mayReopen(db: Executor, complaint: Complaint, now = new Date()): Promise<boolean> {
  const at = await settledAt(db, complaint);
  return !!at && now.getTime() - at.getTime() <= REOPEN_DAYS * 24 * 3600 * 1000;
}

import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { complaintActions, complaints, type Complaint } from './schema.ts';
import { formText } from '../platform/http/fields.ts';

/** The complaint locked for a change, so two officers acting at once take turns and the second sees the first. */
export async function lockComplaint(tx: Tx, id: string): Promise<Complaint> {
  const [complaint] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
  if (!complaint) throw new AppError('not_found');
  return complaint;
}

export type ComplaintHistoryEntry = {
  type: string;
  at: Date;
  actorId: string | null;
  payload: Record<string, unknown>;
  public: boolean;
};

export function complaintHistory(db: Executor, complaintId: string): Promise<ComplaintHistoryEntry[]> {
  return db
    .select({
      type: complaintActions.type,
      at: complaintActions.at,
      actorId: complaintActions.actorId,
      payload: complaintActions.payload,
      public: complaintActions.public,
    })
    .from(complaintActions)
    .where(eq(complaintActions.complaintId, complaintId))
    .orderBy(asc(complaintActions.id));
}

/** The text the complainant sees for a public action: a reply, where it was forwarded, why it was archived. */
export const publicText = (entry: Pick<ComplaintHistoryEntry, 'payload'>): string => {
  const p = entry.payload;
  return formText(p.text ?? p.forwardedTo ?? p.reason);
};

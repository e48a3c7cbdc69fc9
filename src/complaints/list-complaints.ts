import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import { accounts } from '../platform/auth/schema.ts';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { officerSteps } from './available-actions.ts';
import { complaintHistory, type ComplaintHistoryEntry } from './complaint-actions.ts';
import { overdueOf, type Overdue } from './deadlines.ts';
import { can, INTEGRITY_ROLE, INTEGRITY_UNIT, maySeeSubject, subjectNameKey, visibleWhere } from './policy.ts';
import { complaintAttachments, complaints, type Complaint, type ComplaintStatus } from './schema.ts';
import type { ComplaintStep } from './workflow.ts';

/**
 * A complaint as an officer may see it. The reporter of a whistle-blowing report is never shown (nor the account
 * behind it), whoever looks; the subject's name only to the integrity officers handling it.
 */
export type OfficerComplaint = Omit<
  Complaint,
  | 'secretHash'
  | 'requestId'
  | 'reporterName'
  | 'reporterEmail'
  | 'reporterPhone'
  | 'reporterAccountId'
  | 'subjectName'
  | 'subjectOfficerId'
> & {
  reporter: { name: string | null; email: string | null; phone: string | null } | null;
  subjectName: string | null;
  overdue: Overdue;
};

export function officerView(actor: Actor | null, c: Complaint, today: IsoDate): OfficerComplaint {
  const {
    secretHash: _h,
    requestId: _r,
    reporterName,
    reporterEmail,
    reporterPhone,
    reporterAccountId: _a,
    subjectName,
    subjectOfficerId: _s,
    ...rest
  } = c;
  const hidden = c.type === 'whistleblowing' || c.anonymous;
  return {
    ...rest,
    reporter: hidden ? null : { name: reporterName, email: reporterEmail, phone: reporterPhone },
    subjectName: maySeeSubject(actor) ? subjectName : null,
    overdue: overdueOf(c, today),
  };
}

export type ComplaintFilters = { unitCode?: string; from?: IsoDate; to?: IsoDate; status?: ComplaintStatus };

/** The complaints the officer may see, newest first, with the filters of the list, the export and the API. */
export async function listComplaints(
  db: Executor,
  actor: Actor,
  filters: ComplaintFilters,
  today: IsoDate,
  limit = 500,
): Promise<OfficerComplaint[]> {
  const scope = await actorScope(db, actor);
  const rows = await db
    .select()
    .from(complaints)
    .where(
      and(
        visibleWhere(actor, scope),
        filters.unitCode ? eq(complaints.unitCode, filters.unitCode) : undefined,
        filters.status ? eq(complaints.status, filters.status) : undefined,
        filters.from ? gte(complaints.receivedAt, witaInstant(filters.from)) : undefined,
        filters.to ? lt(complaints.receivedAt, witaInstant(addDays(filters.to, 1))) : undefined,
      ),
    )
    .orderBy(desc(complaints.receivedAt), sql`${complaints.id}`)
    .limit(limit);
  return rows.map((c) => officerView(actor, c, today));
}

export type ComplaintDetails = {
  complaint: OfficerComplaint;
  history: ComplaintHistoryEntry[];
  attachments: { id: string; mediaType: string; size: number }[];
  names: Map<string, string>;
  /** The steps the officer may take on it now; none when they only read it. */
  steps: ComplaintStep[];
  /** Officers who may take it: of its unit, or the integrity officers for whistle-blowing (the subject excluded). */
  assignees: { id: string; name: string }[];
};

/** The complaint for the officer's page; one they may not see answers as unknown (not_found), telling nothing. */
export async function complaintForOfficer(db: Executor, actor: Actor, id: string): Promise<Complaint> {
  const [complaint] = await db.select().from(complaints).where(eq(complaints.id, id));
  if (!complaint || !can(actor, 'complaint.view', complaint, await actorScope(db, actor)))
    throw new AppError('not_found');
  return complaint;
}

export async function describeComplaint(
  db: Executor,
  actor: Actor,
  complaint: Complaint,
  today: IsoDate,
): Promise<ComplaintDetails> {
  const scope = await actorScope(db, actor);
  const history = await complaintHistory(db, complaint.id);
  const attachments = await db
    .select({ id: complaintAttachments.id, mediaType: complaintAttachments.mediaType, size: complaintAttachments.size })
    .from(complaintAttachments)
    .where(eq(complaintAttachments.complaintId, complaint.id));
  const whistle = complaint.type === 'whistleblowing';
  const candidates = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        whistle
          ? and(eq(accounts.role, INTEGRITY_ROLE), eq(accounts.unitCode, INTEGRITY_UNIT))
          : eq(accounts.unitCode, complaint.unitCode),
      ),
    );
  const assignees = candidates.filter(
    (o) =>
      o.id !== complaint.subjectOfficerId &&
      !(complaint.subjectName && subjectNameKey(o.name) === subjectNameKey(complaint.subjectName)),
  );
  const actorIds = [...new Set(history.map((h) => h.actorId).filter((x): x is string => !!x))];
  const names = new Map(
    actorIds.length
      ? (
          await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, actorIds))
        ).map((r) => [r.id, r.name])
      : [],
  );
  for (const o of candidates) names.set(o.id, o.name);
  return {
    complaint: officerView(actor, complaint, today),
    history,
    attachments,
    names,
    steps: officerSteps(actor, complaint, scope),
    assignees,
  };
}

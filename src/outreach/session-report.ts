import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../platform/db/index.ts';

export type SessionReport = {
  participants: number;
  linked: number;
  served: number;
  deferred: number;
  issued: number;
  delivered: number;
};

/** Everything past check-in: the applicant came and was served, whatever happened next. */
const served = [
  'checked_in',
  'documents_incomplete',
  'documents_verified',
  'watchlist_cleared',
  'payment_confirmed',
  'biometrics_captured',
  'deferred',
  'interviewed',
  'approved',
  'printed',
  'ready',
  'handed_over',
  'rejected',
  'void',
];
const issued = ['printed', 'ready', 'handed_over'];

const list = (statuses: string[]) =>
  sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * The session in numbers, from the participant list and the applications linked to the session: served (checked
 * in or beyond), deferred (deferred now), issued (printed, ready or handed over) and delivered (handed over).
 */
export async function sessionReport(db: Executor, sessionId: string): Promise<SessionReport> {
  const [row] = await queryRows<SessionReport>(
    db,
    sql`
    select
      (select count(*) from session_participants where session_id = ${sessionId})::int as participants,
      count(*)::int as linked,
      (count(*) filter (where status in (${list(served)})))::int as served,
      (count(*) filter (where status = 'deferred'))::int as deferred,
      (count(*) filter (where status in (${list(issued)})))::int as issued,
      (count(*) filter (where status = 'handed_over'))::int as delivered
    from applications where outreach_session_id = ${sessionId}`,
  );
  return row!;
}

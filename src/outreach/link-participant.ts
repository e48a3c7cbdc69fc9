import { sql } from 'drizzle-orm';
import { linkApplicationToOutreach } from '../applications/link-application-to-outreach.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sessionParticipants, type OutreachSession } from './schema.ts';

type Applicant = {
  id: string;
  unitCode: string | null;
  nik: string | null;
  fullName: string | null;
  birthDate: string | null;
  outreachSessionId: string | null;
};

/** Statuses of an application that can still be served at a session: submitted, not yet decided or finished. */
const joinable = [
  'submitted',
  'booked',
  'paid',
  'checked_in',
  'documents_incomplete',
  'documents_verified',
  'watchlist_cleared',
  'payment_confirmed',
  'biometrics_captured',
  'deferred',
  'interviewed',
];

/**
 * The rules every way of joining a live session shares (the workflow says which sessions are live): same unit, an
 * open application, no other session.
 */
export function assertCanJoin(
  session: OutreachSession,
  application: Applicant & { status: string },
  field: string,
): void {
  if (application.unitCode !== session.unitCode)
    throw new AppError('validation_failed', { [field]: 'outreach.v.otherUnit' });
  if (!joinable.includes(application.status))
    throw new AppError('invalid_transition', undefined, { status: application.status });
  if (application.outreachSessionId && application.outreachSessionId !== session.id)
    throw new AppError('validation_failed', { [field]: 'outreach.v.otherSession' });
}

/**
 * Ties an application to the session and to its participant row: the row the community listed for that NIK when
 * there is one, else a new row from the application.
 */
export async function linkParticipant(
  tx: Tx,
  session: OutreachSession,
  application: Applicant,
  source: 'online' | 'onsite',
  requestId: string | null = null,
): Promise<{ participantId: string }> {
  await linkApplicationToOutreach(tx, application.id, { outreachSessionId: session.id });
  const [row] = await tx
    .insert(sessionParticipants)
    .values({
      sessionId: session.id,
      nik: application.nik!,
      fullName: application.fullName!,
      birthDate: application.birthDate,
      applicationId: application.id,
      source,
      requestId,
    })
    .onConflictDoUpdate({
      target: [sessionParticipants.sessionId, sessionParticipants.nik],
      set: {
        applicationId: application.id,
        requestId: sql`coalesce(${sessionParticipants.requestId}, excluded.request_id)`,
      },
    })
    .returning({ id: sessionParticipants.id });
  return { participantId: row!.id };
}

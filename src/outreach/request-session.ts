import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { findVillagePlaces } from '../regions/find-village-places.ts';
import { getUnit } from '../units/list-units.ts';
import { newSessionTrackingCode } from './codes.ts';
import { minimumParticipants } from './minimums.ts';
import { parseCsvList, parseTypedList, type ParsedList } from './participant-list.ts';
import { outreachActions, outreachSessions, sessionParticipants, type OrganiserKind } from './schema.ts';

export type SessionRequest = {
  requestId: string;
  organiserKind: OrganiserKind;
  organiserName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  venue: string;
  villageCode: string;
  unitCode: string;
  preferredDates: IsoDate[];
  expectedParticipants: number;
  /** Typed in, one "NIK;name;birth date" per line. */
  participantsText?: string | null;
  /** An uploaded CSV (nik,name,birth_date); when both are sent, the file is the list. */
  participantsCsv?: string | null;
};

/** Row errors as form fields: `participants:<line>` → message key, so every bad row is shown at once. */
const rowFields = (list: ParsedList): FieldErrors =>
  Object.fromEntries(list.errors.map((e) => [`participants:${e.line}`, e.message]));

/** Every rule of the request, refused together as field errors before anything is stored. */
async function checkRequest(tx: Tx, input: SessionRequest, today: IsoDate) {
  const errors: FieldErrors = {};
  if (!(await findVillagePlaces(tx, [input.villageCode])).has(input.villageCode)) errors.venueVillage = 'v.village';
  const unit = await getUnit(tx, input.unitCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  });
  if (!unit || !unit.services.includes('eazy_paspor')) errors.unitCode = 'outreach.v.unit';
  const dates = [...new Set(input.preferredDates)];
  if (dates.length === 0 || dates.length > 3) errors.preferredDates = 'outreach.v.dates';
  else if (dates.some((d) => d <= today)) errors.preferredDates = 'outreach.v.futureDates';
  const minimum = minimumParticipants(input.unitCode);
  if (input.expectedParticipants < minimum) errors.expectedParticipants = 'outreach.v.minimum';
  const list = input.participantsCsv
    ? parseCsvList(input.participantsCsv, today)
    : parseTypedList(input.participantsText ?? '', today);
  Object.assign(errors, rowFields(list));
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors, { minimum });
  return { dates, list };
}

/**
 * A community asks for an Eazy Paspor session. Public, no account: a resent form (same `requestId`) returns the
 * session it made. Every rule is checked before anything is stored, and a participant list with any bad row is
 * refused whole, naming every bad row.
 */
export async function requestSession(
  tx: Tx,
  caller: Caller,
  input: SessionRequest,
  now = new Date(),
): Promise<{ trackingCode: string; created: boolean }> {
  const again = await sessionByRequest(tx, input.requestId);
  if (again) return { trackingCode: again, created: false };

  const { dates, list } = await checkRequest(tx, input, witaDate(now));

  const [session] = await tx
    .insert(outreachSessions)
    .values({
      trackingCode: newSessionTrackingCode(),
      unitCode: input.unitCode,
      organiserKind: input.organiserKind,
      organiserName: input.organiserName,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
      venue: input.venue,
      villageCode: input.villageCode,
      preferredDates: dates.sort(),
      expectedParticipants: input.expectedParticipants,
      requestId: input.requestId,
    })
    .onConflictDoNothing({ target: outreachSessions.requestId })
    .returning();
  // The same form sent twice at once: the other request stored it.
  if (!session) return { trackingCode: (await sessionByRequest(tx, input.requestId))!, created: false };
  const source = input.participantsCsv ? ('csv' as const) : ('list' as const);
  if (list.rows.length > 0) {
    await tx.insert(sessionParticipants).values(
      list.rows.map((r) => ({
        sessionId: session.id,
        nik: r.nik,
        fullName: r.fullName,
        birthDate: r.birthDate,
        source,
      })),
    );
  }
  const payload = {
    preferredDates: session.preferredDates,
    expectedParticipants: session.expectedParticipants,
    listed: list.rows.length,
  };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: outreachActions,
      entry: { subjectId: session.id },
      record: outreachSessions,
      recordId: session.id,
      type: 'requested',
      status: 'requested',
      payload,
    },
    {
      action: 'outreach.session.requested',
      targetType: 'outreach_session',
      targetId: session.id,
      unitCode: session.unitCode,
      details: { status: 'requested', ...payload },
    },
  );
  return { trackingCode: session.trackingCode, created: true };
}

async function sessionByRequest(tx: Tx, requestId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ trackingCode: outreachSessions.trackingCode })
    .from(outreachSessions)
    .where(eq(outreachSessions.requestId, requestId));
  return row?.trackingCode;
}

import type { HistoryEntry } from './describe-application.ts';

/**
 * The action types a citizen sees in their application's history, in the order a case usually meets them. Anything
 * else stays with the office: who holds the case (take, release), the prevention-list check, officers' notes, and
 * any type added later until it is listed here.
 */
export const citizenActionTypes = [
  'started',
  'document_added',
  'document_removed',
  'discarded',
  'submitted',
  'withdrawn',
  'duplicate_cancelled',
  'waitlist_joined',
  'waitlist_left',
  'waitlist_offered',
  'waitlist_accepted',
  'waitlist_lapsed',
  'waitlist_withdrawn',
  'appointment_booked',
  'appointment_rescheduled',
  'appointment_cancelled',
  'appointment_expired',
  'payment_received',
  'check_in',
  'queue_no_show',
  'document_check',
  'confirm_payment',
  'capture_biometrics',
  'interview',
  'adjudicate',
  'print',
  'quality_check',
  'saturday_pickup',
  'hand_over',
  'void',
] as const;
export type CitizenActionType = (typeof citizenActionTypes)[number];

type Payload = Record<string, unknown>;

/** For the steps whose outcome matters to the applicant: which one it was (the message tells them apart). */
const outcomes: Partial<Record<CitizenActionType, (p: Payload) => string>> = {
  document_check: (p) =>
    Array.isArray(p.missing) &&
    p.missing.length === 0 &&
    Array.isArray(p.documents) &&
    p.documents.every((d) => (d as { accepted?: unknown }).accepted === true)
      ? 'complete'
      : 'incomplete',
  interview: (p) => (p.outcome === 'defer' ? 'deferred' : 'passed'),
  adjudicate: (p) => (p.decision === 'reject' ? 'rejected' : 'approved'),
  quality_check: (p) => (p.passed === false ? 'failed' : 'passed'),
};

/** What an entry may tell the applicant: calendar dates, the document kind and the queue ticket; nothing else of the payload. */
export type CitizenHistoryEntry = {
  at: Date;
  type: CitizenActionType;
  outcome: string | null;
  date: string | null;
  from: string | null;
  to: string | null;
  kind: string | null;
  ticket: string | null;
};

const isCitizenType = (type: string): type is CitizenActionType =>
  (citizenActionTypes as readonly string[]).includes(type);
const isoDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** The application's history as its applicant sees it: only the listed types, with only the details they may read. */
export function citizenHistory(history: HistoryEntry[]): CitizenHistoryEntry[] {
  return history.flatMap(({ type, at, payload }) =>
    isCitizenType(type)
      ? [
          {
            at,
            type,
            outcome: outcomes[type]?.(payload) ?? null,
            date: isoDate(payload.date),
            from: isoDate(payload.from),
            to: isoDate(payload.to),
            kind: text(payload.kind),
            ticket: text(payload.ticket),
          },
        ]
      : [],
  );
}

/** Before the office: the citizen's own steps. At the office: see `src/cases/workflow.ts`. */
export const applicationStatuses = [
  'draft',
  'submitted',
  'booked',
  'paid',
  'cancelled',
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
] as const;
type KnownStatus = (typeof applicationStatuses)[number];

/** A visit is booked (paid or not) and not yet begun: its appointment page holds the QR, the billing code and the receipt. */
export const isBooked = (status: string): boolean => status === 'booked' || status === 'paid';

/** From approval until the passport is ready the applicant may choose (or change) a Saturday to collect it. */
export const pickupStatuses: readonly string[] = ['approved', 'printed', 'ready'] satisfies KnownStatus[];

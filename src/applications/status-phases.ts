import type { ApplicationStatus } from './schema.ts';

/** A visit is booked (paid or not) and not yet begun: its appointment page holds the QR, the billing code and the receipt. */
export const isBooked = (status: string): boolean => status === 'booked' || status === 'paid';

/** From approval until the passport is ready the applicant may choose (or change) a Saturday to collect it. */
export const pickupStatuses: readonly ApplicationStatus[] = ['approved', 'printed', 'ready'];

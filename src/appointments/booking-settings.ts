/**
 * Tunables of the booking pages and the waitlist. They live here, not in config.ts, until config.ts grows
 * environment variables for them; everything that uses them receives them from this one place.
 */
export const bookingSettings = {
  /** A booking form sent without a solved proof of work must be at least this old (the no-JavaScript time lock). */
  formMinSeconds: 15,
  /** A booking form (its token and its ALTCHA challenge) is good for this long after the page was served. */
  formMaxMinutes: 30,
  /**
   * ALTCHA proof of work: SHA-256 over salt + counter, the counter drawn from this range. About a second in a
   * phone's browser; cheap for the server to check (the derived key is signed, not recomputed).
   */
  pow: { algorithm: 'SHA-256', cost: 1, counterMin: 50_000, counterMax: 150_000 },
  /** A place freed on a full date is held this long for the first person on its waitlist, like a billing code. */
  offerHoldMinutes: 120,
  /** Dates one application may wait for at once. */
  waitlistPerApplication: 3,
} as const;

export type BookingSettings = typeof bookingSettings;

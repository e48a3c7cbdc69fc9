// One error type for the whole system. Codes are stable strings that API clients may rely on;
// the HTTP status is looked up here and nowhere else, and the message comes from the catalogue (errors.<code>).
export const errorStatus = {
  validation_failed: 422,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  invalid_credentials: 401,
  sign_in_throttled: 429,
  proof_required: 429,
  email_not_verified: 403,
  mfa_required: 401,
  mfa_setup_required: 403,
  invalid_totp: 422,
  invalid_token: 400,
  email_taken: 409,
  conflict: 409,
  quota_full: 409,
  date_closed: 409,
  already_booked: 409,
  date_outside_window: 422,
  invalid_transition: 409,
  billing_expired: 409,
  reschedule_not_allowed: 409,
  invalid_signature: 401,
  rate_limited: 429,
  payload_too_large: 413,
  case_held: 409,
  case_not_held: 409,
  four_eyes_required: 409,
  payment_missing: 409,
  no_blank_books: 409,
  invalid_qr: 422,
  wrong_unit: 409,
  wrong_day: 409,
  already_checked_in: 409,
  queue_empty: 409,
  pickup_full: 409,
  resource_busy: 409,
  already_answered: 409,
  series_exhausted: 409,
  lodging_not_verified: 409,
  border_pass_refused: 422,
  waiting_room_pass_required: 428,
  waiting_room_pass_invalid: 409,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Per-field messages: the field name → a catalogue key (or already-translated text). */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    readonly params?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

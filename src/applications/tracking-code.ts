import crypto from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to misread when a code is read out over a weak phone line.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "SK" and ten characters (50 random bits), e.g. SK7F3K9Q2MXP. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  let code = 'SK';
  for (const b of bytes) code += alphabet[b & 31];
  return code;
}

/** Whether a normalised string has the shape of a tracking code; about one in fifty codes has no digit at all. */
export const isTrackingCode = (code: string) => /^SK[0-9A-HJKMNP-TV-Z]{10}$/.test(code);

/** Accepts what people type: lower case, spaces, dashes. */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

import crypto from 'node:crypto';

// Crockford's base32 without I, L, O, U, as for application tracking codes: codes are read out over the phone.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomChars = (n: number) => [...crypto.randomBytes(n)].map((b) => alphabet[b & 31]).join('');

/** The organiser's code to follow the request, e.g. EZ7F3K9Q2MXP (50 random bits, like SK… for applications). */
export const newSessionTrackingCode = () => `EZ${randomChars(10)}`;

/** The code participants give in their application once the session is approved, e.g. EP-7F3K9Q. */
export const newSessionCode = () => `EP-${randomChars(6)}`;

/** Accepts what people type: lower case, spaces, a missing or extra dash. */
export function normaliseSessionCode(input: string): string {
  const bare = input.toUpperCase().replace(/[\s-]/g, '');
  return bare.startsWith('EP') ? `EP-${bare.slice(2)}` : bare;
}

import crypto from 'node:crypto';

// Crockford's base32 without I, L, O, U, as tracking codes: nothing to misread when written down by hand.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const encode = (bytes: Uint8Array, length: number) =>
  Array.from(bytes.subarray(0, length), (b) => alphabet[b & 31]).join('');

/** A two-letter prefix naming the kind of record ("PG" complaint, "DB" village tip) and ten random characters. */
export const newTrackingCode = (prefix: string) => `${prefix}${encode(crypto.randomBytes(10), 10)}`;

/**
 * The secret that lets the holder of a record filed without an account follow it: sixteen characters (80 bits) in
 * groups of four. Without a request id it is random; with one it is derived from the server's key, the purpose and
 * the request id, so a resent form gets the same secret back while the hash alone stays useless to anyone who reads
 * the table.
 */
export function holderSecret(key: string, purpose: string, requestId: string | null): string {
  const bytes = requestId
    ? crypto.createHmac('sha256', key).update(`${purpose}:${requestId}`).digest()
    : crypto.randomBytes(16);
  return encode(bytes, 16).replace(/(.{4})(?=.)/g, '$1-');
}

/** What people type: lower case, spaces, dashes. */
export const normaliseSecret = (input: string) => input.toUpperCase().replace(/[\s-]/g, '');
export const normaliseTrackingCode = normaliseSecret;

/** High-entropy secrets need no slow hash (as API tokens); normalised first so "k7f3 9q2m…" still matches. */
export const hashHolderSecret = (secret: string) =>
  crypto.createHash('sha256').update(normaliseSecret(secret)).digest('hex');

// Compared against when the code is unknown, so both refusals take the same work.
const decoyHash = hashHolderSecret('0000000000000000');

/** Constant-time comparison of the secret offered with the stored hash (or the decoy when there is no record). */
export function secretMatches(offered: string, storedHash: string | null): boolean {
  const a = Buffer.from(hashHolderSecret(offered), 'hex');
  const b = Buffer.from(storedHash ?? decoyHash, 'hex');
  return crypto.timingSafeEqual(a, b) && storedHash !== null;
}

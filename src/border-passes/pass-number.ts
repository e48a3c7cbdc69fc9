import crypto from 'node:crypto';

const base32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * "PLB-<office>-<8 characters>": short enough to type at the desk, 40 random bits so one number says nothing of the
 * next. The alphabet leaves out I, O, 0 and 1.
 */
export function newPassNumber(unitCode: string): string {
  const random = [...crypto.randomBytes(8)].map((b) => base32[b % 32]).join('');
  return `PLB-${unitCode.replace(/^KANIM-/, '').replace(/[^A-Z0-9]/g, '')}-${random}`;
}

/** The key the card's QR carries: 144 random bits, so the public check cannot be walked from one pass to the next. */
export const newPassToken = () => crypto.randomBytes(18).toString('base64url');

/** The token in what a scanner typed: the QR's whole address, or the token alone. */
export function tokenFromScan(scanned: string): string | null {
  const token = scanned.trim().split('/').pop() ?? '';
  return /^[A-Za-z0-9_-]{24}$/.test(token) ? token : null;
}

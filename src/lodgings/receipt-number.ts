import crypto from 'node:crypto';
import { witaDate } from '../platform/calendar/wita.ts';

const base32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * "STT-<office>-<yyyymmdd>-<10 random characters>": readable on paper, and 50 random bits, so a number is public
 * (anyone may check it) without being guessable from another. The alphabet leaves out I, O, 0 and 1.
 */
export function newReceiptNumber(unitCode: string, checkInAt: Date): string {
  const bytes = crypto.randomBytes(10);
  const random = [...bytes].map((b) => base32[b % 32]).join('');
  const office = unitCode.replace(/^KANIM-/, '').replace(/[^A-Z0-9]/g, '');
  return `STT-${office}-${witaDate(checkInAt).replaceAll('-', '')}-${random}`;
}

import crypto from 'node:crypto';

/** A passport appointment's: every one has a NIK (only a stay-permit visit has none, and it gets no QR). */
export type QrClaims = { id: string; nik: string | null; date: string; unitCode: string };

const sign = (secret: string, body: string) =>
  crypto.createHmac('sha256', secret).update(body).digest('base64url').slice(0, 32);

/**
 * The appointment QR: the appointment, the date and unit, and a hash of the NIK (the QR itself never shows the NIK),
 * signed with the server's key so a forged or edited QR fails at check-in.
 */
export function signAppointmentQr(secret: string, claims: QrClaims): string {
  if (claims.nik === null) throw new Error('an appointment without a NIK has no QR');
  const nikHash = crypto.createHash('sha256').update(claims.nik).digest('base64url').slice(0, 16);
  const body = ['SK1', claims.id, claims.date, claims.unitCode, nikHash].join('.');
  return `${body}.${sign(secret, body)}`;
}

/** The claims of a genuine QR (the NIK as its hash), or null for anything forged or malformed. */
export function verifyAppointmentQr(
  secret: string,
  qr: string,
): { appointmentId: string; date: string; unitCode: string; nikHash: string } | null {
  const parts = qr.split('.');
  if (parts.length !== 6 || parts[0] !== 'SK1') return null;
  const body = parts.slice(0, 5).join('.');
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(parts[5]!);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { appointmentId: parts[1]!, date: parts[2]!, unitCode: parts[3]!, nikHash: parts[4]! };
}

/** Whether a NIK is the one a QR was issued for (the check-in desk compares it with the e-KTP). */
export function qrMatchesNik(nikHash: string, nik: string): boolean {
  return crypto.createHash('sha256').update(nik).digest('base64url').slice(0, 16) === nikHash;
}

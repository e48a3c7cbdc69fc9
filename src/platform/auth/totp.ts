import * as OTPAuth from 'otpauth';

const issuer = 'Sikoe Imigrasi NTT';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = '') {
  return new OTPAuth.TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** Accepts the current code and one step either side, for clock drift on officers' phones. */
export function verifyTotp(secret: string, code: string, at = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(secret).validate({ token: code, window: 1, timestamp: at }) !== null;
}

export function totpCode(secret: string, at = Date.now()): string {
  return totp(secret).generate({ timestamp: at });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

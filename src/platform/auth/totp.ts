import * as OTPAuth from 'otpauth';

const issuer = 'Sikoe Imigrasi NTT';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = '') {
  return new OTPAuth.TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/**
 * The time step a code belongs to, or null when it is wrong. The current step and one either side are accepted,
 * for clock drift on officers' phones; callers remember the step so a code is never accepted twice.
 */
export function totpStep(secret: string, code: string, at = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, window: 1, timestamp: at });
  return delta === null ? null : Math.floor(at / 30_000) + delta;
}

export function totpCode(secret: string, at = Date.now()): string {
  return totp(secret).generate({ timestamp: at });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

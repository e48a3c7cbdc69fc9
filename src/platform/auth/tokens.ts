import crypto from 'node:crypto';

export function randomToken(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/** Tokens are high-entropy, so a fast hash is enough to keep them unusable if the table leaks. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

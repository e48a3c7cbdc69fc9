import { describe, expect, it } from 'vitest';
import { hashHolderSecret, holderSecret, newTrackingCode, secretMatches } from './holder-secret.ts';

describe('holder secrets', () => {
  it('gives a resent request the same secret, another purpose or request another one', () => {
    const a = holderSecret('key', 'complaint-secret', 'req-00000001');
    expect(a).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(holderSecret('key', 'complaint-secret', 'req-00000001')).toBe(a);
    expect(holderSecret('key', 'village-tip-secret', 'req-00000001')).not.toBe(a);
    expect(holderSecret('key', 'complaint-secret', 'req-00000002')).not.toBe(a);
    expect(holderSecret('key', 'complaint-secret', null)).not.toBe(holderSecret('key', 'complaint-secret', null));
  });

  it('matches the secret as people type it, and never without a stored hash', () => {
    const secret = holderSecret('key', 'p', null);
    const typed = secret.toLowerCase().replaceAll('-', ' ');
    expect(secretMatches(typed, hashHolderSecret(secret))).toBe(true);
    expect(secretMatches('0000-0000-0000-0000', hashHolderSecret(secret))).toBe(false);
    expect(secretMatches('0000000000000000', null)).toBe(false);
    expect(newTrackingCode('DB')).toMatch(/^DB[0-9A-HJKMNP-TV-Z]{10}$/);
  });
});

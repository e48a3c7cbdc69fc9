import { describe, expect, it } from 'vitest';
import { isIsoDate } from './wita.ts';

describe('isIsoDate', () => {
  it('takes every calendar day the Date object knows, 1896 to 2104', () => {
    for (let t = Date.UTC(1896, 0, 1); t < Date.UTC(2104, 0, 1); t += 86_400_000)
      expect(isIsoDate(new Date(t).toISOString().slice(0, 10))).toBe(true);
    for (const leap of ['2024-02-29', '2000-02-29', '0000-01-01', '9999-12-31']) expect(isIsoDate(leap)).toBe(true);
  });

  it('refuses days the calendar lacks and other shapes', () => {
    for (const bad of [
      '2026-02-29',
      '2100-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '0000-00-00',
    ])
      expect(isIsoDate(bad)).toBe(false);
    for (const shape of ['2026-1-01', '26-01-01', '2026/01/01', '2026-01-01T00:00', ' 2026-01-01', ''])
      expect(isIsoDate(shape)).toBe(false);
  });
});

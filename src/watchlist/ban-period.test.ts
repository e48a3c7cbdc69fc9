import { describe, expect, it } from 'vitest';
import { lastDayOfPeriod } from './ban-period.ts';

describe('ban periods', () => {
  it('ends a period of months on the day before the same date, or on the last day of a shorter month', () => {
    expect(lastDayOfPeriod('2025-01-15', 6)).toBe('2025-07-14');
    expect(lastDayOfPeriod('2025-01-01', 6)).toBe('2025-06-30');
    expect(lastDayOfPeriod('2025-08-31', 6)).toBe('2026-02-28');
    expect(lastDayOfPeriod('2023-08-31', 6)).toBe('2024-02-29');
    expect(lastDayOfPeriod('2024-10-17', 120)).toBe('2034-10-16');
    expect(lastDayOfPeriod('2025-12-31', 6)).toBe('2026-06-30');
  });
});

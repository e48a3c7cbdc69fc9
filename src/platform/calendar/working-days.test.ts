import { describe, expect, it } from 'vitest';
import { isWeekend } from './wita.ts';
import { nthWorkingDay, workingDaysBetween } from './working-days.ts';

// 2031-01-09 is a Thursday; Monday 2031-01-13 is closed as well as the weekend.
const closed = (day: string) => isWeekend(day) || day === '2031-01-13';

describe('working days', () => {
  it('counts the nth working day after a day, skipping closed days and not counting the day itself', () => {
    expect(nthWorkingDay('2031-01-09', 1, closed)).toBe('2031-01-10');
    expect(nthWorkingDay('2031-01-09', 2, closed)).toBe('2031-01-14');
    expect(nthWorkingDay('2031-01-11', 1, closed)).toBe('2031-01-14');
    expect(nthWorkingDay('2031-01-09', 0, closed)).toBe('2031-01-09');
  });

  it('counts the working days after one day up to another', () => {
    expect(workingDaysBetween('2031-01-09', '2031-01-14', closed)).toBe(2);
    expect(workingDaysBetween('2031-01-09', '2031-01-13', closed)).toBe(1);
    expect(workingDaysBetween('2031-01-10', '2031-01-13', closed)).toBe(0);
    expect(workingDaysBetween('2031-01-14', '2031-01-09', closed)).toBe(0);
  });
});

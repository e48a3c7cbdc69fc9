import { describe, expect, it } from 'vitest';
import { birthDateFromNik } from './birth-date-from-nik.ts';

describe('birth date from a NIK', () => {
  it('reads DDMMYY, the day +40 for women, in the latest century not after today', () => {
    expect(birthDateFromNik('5304011203850001', '2026-12-04')).toBe('1985-03-12');
    expect(birthDateFromNik('5304015203850001', '2026-12-04')).toBe('1985-03-12');
    expect(birthDateFromNik('5304010412260001', '2026-12-04')).toBe('2026-12-04');
    expect(birthDateFromNik('5304010512260001', '2026-12-04')).toBe('1926-12-05');
    expect(birthDateFromNik('5304011406100001', '2026-12-04')).toBe('2010-06-14');
  });

  it('gives nothing for digits that are no date', () => {
    expect(birthDateFromNik('5304013104850001', '2026-12-04')).toBeNull();
    expect(birthDateFromNik('5304012902010001', '2026-12-04')).toBeNull();
    expect(birthDateFromNik('5304012913850001', '2026-12-04')).toBeNull();
    expect(birthDateFromNik('5304011203850000', '2026-12-04')).toBeNull();
  });
});

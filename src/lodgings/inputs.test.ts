import { describe, expect, it } from 'vitest';
import { witaDateTimeField } from './inputs.ts';

describe('a check-in time as lodgings send it', () => {
  it('reads a time without an offset as WITA and keeps an offset given', () => {
    expect(witaDateTimeField.parse('2026-03-01 14:30')).toEqual(new Date('2026-03-01T06:30:00Z'));
    expect(witaDateTimeField.parse('2026-03-01T14:30:00+09:00')).toEqual(new Date('2026-03-01T05:30:00Z'));
  });

  it('refuses a day or an hour the calendar does not have instead of rolling it over', () => {
    for (const impossible of ['2026-02-30T10:00', '2026-03-01T24:30', '2026-03-01T10:61'])
      expect(witaDateTimeField.safeParse(impossible).error?.issues[0]?.message).toBe('lodgings.intake.v.dateTime');
  });
});

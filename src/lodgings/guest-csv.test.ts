import { describe, expect, it } from 'vitest';
import { guestCsvTemplate, parseGuestCsv } from './guest-csv.ts';

describe('a guests’ CSV file', () => {
  it('reads the template’s row, its client id the guest_id column', () => {
    const { entries, problem } = parseGuestCsv(guestCsvTemplate);
    expect(problem).toBeNull();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ line: 2, guest: { clientId: 'R-101', documentNumber: 'PA1234567' } });
  });

  it('derives a client id from the guest and the check-in day when guest_id is empty, so a second upload finds it', () => {
    const csv = guestCsvTemplate.replace('R-101,', ',');
    const [first] = parseGuestCsv(csv).entries;
    const [again] = parseGuestCsv(`\uFEFF${csv}`).entries;
    expect(first).toMatchObject({ guest: { clientId: 'csv:AUS|PA1234567|1980-01-01|2026-12-03' } });
    expect(again).toMatchObject({ guest: { clientId: 'csv:AUS|PA1234567|1980-01-01|2026-12-03' } });
  });

  it('answers each bad row on its own line, quoted cells with commas and line breaks included', () => {
    const [header, row] = guestCsvTemplate.trim().split('\r\n') as [string, string];
    const quoted = row.replace('R-101', 'R-102').replace('VoA B1 123456', '"VoA, seen\nat the desk"');
    const bad = row.replace('R-101', 'R-103').replace(',M,', ',Q,');
    const { entries } = parseGuestCsv([header, quoted, '', bad].join('\r\n'));
    expect(entries.map((e) => e.line)).toEqual([2, 5]);
    expect(entries[0]).toMatchObject({ guest: { permitSeen: 'VoA, seen\nat the desk' } });
    expect(entries[1]).toMatchObject({ clientId: 'R-103', errors: { sex: 'v.choose' } });
  });

  it('refuses a file without the columns, without rows or with an unclosed quote, naming the line', () => {
    expect(parseGuestCsv('name,passport\r\nA,B\r\n').problem).toEqual({
      line: 1,
      message: 'lodgings.intake.v.csvHeader',
    });
    expect(parseGuestCsv(guestCsvTemplate.split('\r\n')[0]!).problem).toMatchObject({
      message: 'lodgings.intake.v.csvEmpty',
    });
    expect(parseGuestCsv(`${guestCsvTemplate}"R-9,SMITH\r\n`).problem).toEqual({
      line: 3,
      message: 'lodgings.intake.v.csvUnclosedQuote',
    });
  });
});

import { splitCsv } from '../platform/storage/split-csv.ts';
import type { CheckInEntry } from './check-in-guests.ts';
import { parseGuest } from './inputs.ts';

/** The template's columns, in its order; the file may put them in any order, in any case. */
export const guestCsvColumns = [
  'guest_id',
  'surname',
  'given_names',
  'nationality',
  'issuing_state',
  'document_number',
  'birth_date',
  'sex',
  'expires_on',
  'check_in_at',
  'expected_check_out_on',
  'room',
  'purpose',
  'permit_seen',
] as const;
const fieldOf: Record<(typeof guestCsvColumns)[number], string> = {
  guest_id: 'clientId',
  surname: 'surname',
  given_names: 'givenNames',
  nationality: 'nationality',
  issuing_state: 'issuingState',
  document_number: 'documentNumber',
  birth_date: 'birthDate',
  sex: 'sex',
  expires_on: 'expiresOn',
  check_in_at: 'checkInAt',
  expected_check_out_on: 'expectedCheckOutOn',
  room: 'room',
  purpose: 'purpose',
  permit_seen: 'permitSeen',
};
const MAX_ROWS = 1000;

export const guestCsvTemplate =
  `${guestCsvColumns.join(',')}\r\n` +
  'R-101,SMITH,JOHN PETER,AUS,AUS,PA1234567,1980-01-01,M,2030-01-01,2026-12-03 14:30,2026-12-06,101,tourism,VoA B1 123456\r\n';

/** Why the file as a whole cannot be read (a catalogue key and its line), else null. */
export type FileProblem = { line: number; message: string } | null;

/**
 * A guests' CSV file as check-in entries, each with its line: every row is its own report, so a row that lacks a
 * field is answered on its own line and never refuses the others. A row's client id is its `guest_id`, else its
 * guest and check-in day (nationality, document number, birth date, check-in date), so uploading the same file
 * again finds the same stays.
 */
export function parseGuestCsv(content: string): {
  entries: (CheckInEntry & { line: number })[];
  problem: FileProblem;
} {
  const { records, unclosedQuoteAt } = splitCsv(content.replace(/^\uFEFF/, ''));
  if (unclosedQuoteAt)
    return { entries: [], problem: { line: unclosedQuoteAt, message: 'lodgings.intake.v.csvUnclosedQuote' } };
  const rows = records.filter((r) => r.cells.join('').trim() !== '');
  const header = rows.shift();
  if (!header || rows.length === 0) return { entries: [], problem: { line: 1, message: 'lodgings.intake.v.csvEmpty' } };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const required = guestCsvColumns.filter(
    (c) => !['guest_id', 'expires_on', 'room', 'permit_seen', 'given_names'].includes(c),
  );
  if (required.some((c) => !names.includes(c)))
    return { entries: [], problem: { line: header.line, message: 'lodgings.intake.v.csvHeader' } };
  if (rows.length > MAX_ROWS)
    return { entries: [], problem: { line: rows[MAX_ROWS]!.line, message: 'lodgings.intake.v.csvTooMany' } };
  const entries = rows.map((row) => {
    const raw: Record<string, string | undefined> = {};
    names.forEach((name, i) => {
      const field = fieldOf[name as keyof typeof fieldOf];
      const value = row.cells[i]?.trim();
      if (field && value) raw[field] = value;
    });
    raw.clientId ??= derivedClientId(raw);
    const parsed = parseGuest(raw);
    if (parsed.ok) return { guest: parsed.guest, line: row.line };
    // A row without guest_id lacks a derived one only because its document fields are wrong: name those.
    const { clientId: _, ...rest } = parsed.fields;
    const errors = Object.keys(rest).length > 0 ? rest : parsed.fields;
    const entry: CheckInEntry = { clientId: raw.clientId ?? null, errors };
    return { ...entry, line: row.line };
  });
  return { entries, problem: null };
}

function derivedClientId(raw: Record<string, string | undefined>): string | undefined {
  const { nationality, documentNumber, birthDate, checkInAt } = raw;
  if (!nationality || !documentNumber || !birthDate || !checkInAt) return undefined;
  return `csv:${nationality.toUpperCase()}|${documentNumber.toUpperCase()}|${birthDate}|${checkInAt.slice(0, 10)}`;
}

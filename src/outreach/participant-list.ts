import { parseNik } from '../regions/check-nik.ts';
import { isIsoDate, type IsoDate } from '../platform/calendar/wita.ts';
import { splitCsv } from '../platform/storage/split-csv.ts';

export type ListedParticipant = { line: number; nik: string; fullName: string; birthDate: IsoDate };
/** A refused row: its line number (1 = the first line of the text or file) and a catalogue key. */
export type RowError = { line: number; message: string };
export type ParsedList = { rows: ListedParticipant[]; errors: RowError[] };

const CSV_COLUMNS = ['nik', 'name', 'birth_date'] as const;
const MAX_ROWS = 2000;

/** Typed in: one "NIK;name;birth date" per line; blank lines are skipped. */
export function parseTypedList(text: string, today: IsoDate): ParsedList {
  const records = text.split(/\r\n|\r|\n/).map((line, i) => ({ line: i + 1, cells: line.split(';') }));
  return checkRows(
    records.filter((r) => r.cells.join('').trim() !== ''),
    today,
    3,
  );
}

/**
 * A CSV file with the header nik,name,birth_date (any order, any case). Quoted cells may hold commas, doubled
 * quotes and line breaks; a record's line number is the line it starts on.
 */
export function parseCsvList(content: string, today: IsoDate): ParsedList {
  const { records, unclosedQuoteAt } = splitCsv(content.replace(/^\uFEFF/, ''));
  if (unclosedQuoteAt) return { rows: [], errors: [{ line: unclosedQuoteAt, message: 'outreach.rows.unclosedQuote' }] };
  const nonEmpty = records.filter((r) => r.cells.join('').trim() !== '');
  const header = nonEmpty.shift();
  if (!header) return { rows: [], errors: [{ line: 1, message: 'outreach.rows.empty' }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = CSV_COLUMNS.map((c) => names.indexOf(c));
  if (index.some((i) => i < 0)) return { rows: [], errors: [{ line: header.line, message: 'outreach.rows.header' }] };
  return checkRows(
    nonEmpty.map((r) => ({
      line: r.line,
      cells: index.map((i) => r.cells[i] ?? ''),
      width: r.cells.length,
      expected: names.length,
    })),
    today,
    3,
  );
}

/** The NIK encodes the birth day (+40 for women), month and two-digit year. */
function nikMatchesBirthDate(nik: string, birthDate: IsoDate): boolean {
  const parsed = parseNik(nik);
  if (!parsed) return false;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return parsed.day === d && parsed.month === m && parsed.year2 === y % 100;
}

function checkRows(
  records: { line: number; cells: string[]; width?: number; expected?: number }[],
  today: IsoDate,
  columns: number,
): ParsedList {
  const rows: ListedParticipant[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  if (records.length > MAX_ROWS)
    return { rows: [], errors: [{ line: records[MAX_ROWS]!.line, message: 'outreach.rows.tooMany' }] };
  for (const { line, cells, width, expected } of records) {
    const [nik = '', fullName = '', birthDate = ''] = cells.map((c) => c.trim());
    const fail = (message: string) => errors.push({ line, message });
    if ((width ?? cells.length) !== (expected ?? columns)) fail('outreach.rows.columns');
    else if (!/^\d{16}$/.test(nik) || !parseNik(nik)) fail('outreach.rows.nik');
    else if (fullName.length < 2 || fullName.length > 100) fail('outreach.rows.name');
    else if (!isIsoDate(birthDate) || birthDate > today) fail('outreach.rows.birthDate');
    else if (!nikMatchesBirthDate(nik, birthDate)) fail('outreach.rows.nikBirthDate');
    else if (seen.has(nik)) fail('outreach.rows.duplicate');
    else {
      seen.set(nik, line);
      rows.push({ line, nik, fullName, birthDate });
    }
  }
  return { rows, errors };
}

export type CsvRecord = { line: number; cells: string[] };

/**
 * Splits CSV text into records (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks), each with the
 * line it starts on, so every row can be answered by its line number. An unclosed quote
 * is reported by the line it opened on.
 * Hand-written because no CSV library is among the dependencies; outreach's participant lists and lodgings' guest
 * files share it.
 */
export function splitCsv(content: string): { records: CsvRecord[]; unclosedQuoteAt?: number } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i]!;
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      records.push({ line: start, cells: [...cells, cell] });
      cells = [];
      cell = '';
      start = ++line;
    } else cell += ch;
  }
  if (quoted) return { records, unclosedQuoteAt: start };
  if (cells.length > 0 || cell !== '') records.push({ line: start, cells: [...cells, cell] });
  return { records };
}

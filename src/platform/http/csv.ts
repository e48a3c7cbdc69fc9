/** A CSV cell: the value as it is (numbers plain, dot decimals), quoted only where RFC 4180 needs it; null is empty. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV text of a header and rows, CRLF line ends as RFC 4180 has them: the one writer of the public figures' CSVs (no
 * CSV library is among the dependencies). Figures are codes and numbers; free text written by people does not go
 * through here unguarded (see complaints' export, which guards formula-looking text).
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

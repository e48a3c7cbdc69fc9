/** "Budi Santoso" → "B. S.": enough for a partner to follow a case in a meeting, not to name the person. */
export function initials(...names: string[]): string {
  return names
    .flatMap((n) => n.split(/\s+/))
    .filter((w) => w !== '')
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(' ');
}

/** "X1234567" → "X12****7": the first three and the last character; a short number shows none of it. */
export function partialDocumentNumber(number: string): string {
  return number.length < 6 ? '****' : `${number.slice(0, 3)}****${number.slice(-1)}`;
}

/** "Budi Santoso" → "B. S.": enough for a partner to follow a case in a meeting, not to name the person. */
export function initials(...names: string[]): string {
  return names
    .flatMap((n) => n.split(/\s+/))
    .filter((w) => w !== '')
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join(' ');
}

/** "X12345679" → "X*******9": only the first and last character, and only of a number of nine or more; a shorter one shows none. */
export function partialDocumentNumber(number: string): string {
  return number.length < 9 ? '****' : `${number[0]}${'*'.repeat(number.length - 2)}${number.slice(-1)}`;
}

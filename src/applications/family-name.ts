/**
 * The family-name part of an applicant's name: many Indonesian names have none, and where there is one it is not
 * always the last word, so the applicant states it, as whole words of the name in order. The MRZ is written from it.
 */

/** A name's words, as typed (any spacing). */
export const nameWords = (name: string) =>
  name
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
const sameWord = (a: string, b: string) => a.localeCompare(b, 'id', { sensitivity: 'accent' }) === 0;

/** Where the family name's words stand in the full name (whole words, in order, any case; the last such place), or -1. */
export function familyNameAt(full: string[], family: string[]): number {
  for (let i = full.length - family.length; i >= 0; i--)
    if (family.every((w, j) => sameWord(w, full[i + j]!))) return i;
  return -1;
}

/** Whether the stated family name is a run of whole words of the full name ('' fits: a name without one). */
export function familyNameFits(fullName: string, familyName: string): boolean {
  const family = nameWords(familyName);
  return family.length === 0 || familyNameAt(nameWords(fullName), family) >= 0;
}

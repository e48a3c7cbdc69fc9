/**
 * A name reduced for matching: accents and punctuation gone, upper case, single spaces. "Maria-Goretti da Costa",
 * "MARIA GORETTI DA COSTA" and "María  Goretti Da'Costa" differ only in spelling a counter officer does not control.
 * Apostrophes join their neighbours (D'Costa → DCOSTA); hyphens and other marks separate words.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`ʼ]/g, '')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key's words in alphabetical order: "NDUN YOHANES" and "YOHANES NDUN" are the same person's name. */
export const sortedWords = (key: string) => key.split(' ').sort().join(' ');

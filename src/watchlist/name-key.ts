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

/** A document number as entries store it: upper case, letters and digits only ("a 123-456" → "A123456"). */
export const documentKey = (documentNumber: string) => documentNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');

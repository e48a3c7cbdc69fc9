import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, namesClose } from './match-applicant.ts';
import { nameKey, sortedWords } from './name-key.ts';

describe('watchlist name matching', () => {
  it('reduces names to a key: no accents, punctuation, case or extra spaces', () => {
    expect(nameKey('  María-Goretti  da Costa ')).toBe('MARIA GORETTI DA COSTA');
    expect(nameKey("D'Souza, Yohanes.")).toBe('DSOUZA YOHANES');
    expect(nameKey('Ŝtefan Ñdun')).toBe('STEFAN NDUN');
    expect(sortedWords('YOHANES NDUN')).toBe('NDUN YOHANES');
  });

  it('counts edits with swaps of neighbours as one', () => {
    expect(damerauLevenshtein('YOHANES', 'YOHANES')).toBe(0);
    expect(damerauLevenshtein('YOHANES', 'YOHANIS')).toBe(1);
    expect(damerauLevenshtein('YOHANES', 'YOHNAES')).toBe(1);
    expect(damerauLevenshtein('BRIA', 'BRIAN')).toBe(1);
    expect(damerauLevenshtein('', 'ABC')).toBe(3);
  });

  it('calls names close within two edits, in any word order, and strictly for short names', () => {
    const close = (a: string, b: string) => namesClose(nameKey(a), nameKey(b));
    expect(close('Yohanes Ndun', 'Yohanis Ndun')).toBe(true);
    expect(close('Yohanes Ndun', 'Ndun Yohanes')).toBe(true);
    expect(close('Maria Goretti Bria', 'BRIA, Marya Goreti')).toBe(true);
    expect(close('Yohanes Ndun', 'Yakobus Ndun')).toBe(false);
    expect(close('Ida', 'Ana')).toBe(false);
    expect(close('Ida', 'Ita')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { documentKey, nameKey } from './name-key.ts';
import { halfEdits, namesMatch, soundOf } from './name-match.ts';

/** Spellings of one person's name that the ban lists must catch (with the same birth date). */
const sameName: [string, string, string][] = [
  ['MUHAMMAD HASAN', 'MOHAMMAD HASAN', 'MUHAMMAD / MOHAMMAD'],
  ['MUHAMMAD HASAN', 'MUHAMAD HASAN', 'MUHAMMAD / MUHAMAD'],
  ['MUHAMMAD HASAN', 'MOHAMED HASAN', 'MUHAMMAD / MOHAMED'],
  ['Mohamed Hasan', 'Mochammad Hasan', 'MOHAMED / MOCHAMMAD'],
  ['MUH. HASAN', 'MUHAMMAD HASAN', 'abbreviated MUH.'],
  ['M. HASAN', 'MUHAMMAD HASAN', 'an initial'],
  ['MUHAMMAD ALI HASAN', 'MUHAMMAD HASAN', 'a middle name left out'],
  ['MUHAMMAD RIZAL ALI HASAN', 'MUHAMMAD HASAN', 'two middle names left out'],
  ['HASAN MUHAMMAD', 'MUHAMMAD HASAN', 'word order'],
  ['HASAN, Muhammad Ali', 'Muhammad Hasan', 'surname first, a middle name, case and punctuation'],
  ['KHALID AHMAD', 'HALID AHMAD', 'KH / H'],
  ['MOUSTAFA KAMAL', 'MUSTAFA KAMAL', 'OU / U'],
  ['JUSUF KALLA', 'YUSUF KALLA', 'J / Y (old spelling)'],
  ['JOHANNES NDUN', 'YOHANES NDUN', 'J / Y and a doubled letter'],
  ['DJOKO SUSILO', 'JOKO SUSILO', 'DJ / J (old spelling)'],
  ['SOEHARTO', 'SUHARTO', 'OE / U (old spelling)'],
  ['TJIPTO MANGOENKOESOEMO', 'CIPTO MANGUNKUSUMO', 'TJ / C and OE / U (old spelling)'],
  ['ACHMAD CHAIRUL', 'AHMAD KHAIRUL', 'CH / KH / H'],
  ['SYARIF HIDAYAT', 'SHARIF HIDAYAT', 'SY / SH'],
  ['RAMADHAN SIREGAR', 'RAMADAN SIREGAR', 'DH / D'],
  ['DZULKIFLI LUBIS', 'ZULKIFLI LUBIS', 'DZ / Z'],
  ['AHMED HUSSEIN', 'AHMAD HUSEIN', 'vowels and a doubled letter'],
  ['FATIMAH AZZAHRA', 'FATIMA AZAHRA', 'a final H'],
  ['RIZKY HENDRY', 'RIZKI HENDRI', 'a final Y'],
  ['KAROLINA DA COSTA', 'CAROLINA DACOSTA', 'K / C and words written together'],
  ['ABDUL RAHMAN WAHID', 'ABDURRAHMAN WAHID', 'words written together'],
  ['FRANSISKUS XAVERIUS SERAN', 'PRANSISKUS SERAN', 'F / P and a middle name'],
  ['Yohanes Ndun', 'Yohanis Ndun', 'one vowel'],
  ['Yohanes Ndun', 'Ndun Yohanes', 'word order'],
  ['Maria Goretti Bria', 'BRIA, Marya Goreti', 'order, Y / I and a doubled letter'],
  ['Ida', 'Ita', 'a short name, D / T'],
  ['C. RONALDO', 'CHRISTIAN RONALDO', 'an initial of a word respelt CH / H'],
  ['D. SUSILO', 'DJOKO SUSILO', 'an initial of a word respelt DJ / J'],
  ['M. HASAN', 'MOCH. HASAN', 'an initial of an abbreviation'],
  ['T. MANGUNKUSUMO', 'TJIPTO MANGOENKOESOEMO', 'an initial of a word respelt TJ / C'],
  ['K. AZZAHRA', 'KHADIJAH AZZAHRA', 'an initial of a word respelt KH / H'],
  ['P. NDUN', 'PHILIP NDUN', 'an initial of a word respelt PH / F'],
  ['O. WIRJO', 'OETOMO WIRJO', 'an initial of a word respelt OE / U'],
];

/** Different people who look alike on paper: none may match, even born on the same day. */
const differentName: [string, string, string][] = [
  ['YOHANES NDUN', 'YAKOBUS NDUN', 'brothers'],
  ['PETRUS NAHAK', 'PAULUS NAHAK', 'brothers'],
  ['MARIA BRIA', 'MARIA NAHAK', 'another family'],
  ['MUHAMMAD YUSUF', 'MAHMUD YUSUF', 'MUHAMMAD / MAHMUD'],
  ['MUHAMMAD YUSUF', 'MUHAMMAD YUNUS', 'YUSUF / YUNUS'],
  ['MUHAMMAD HASAN', 'MUHAMMAD HUSAIN', 'HASAN / HUSAIN'],
  ['ALI HASAN', 'ALI HASIM', 'two close words do not add up'],
  ['AGUS SALIM', 'AGUS SALEH', 'SALIM / SALEH'],
  ['SITI AMINAH', 'SITI AISYAH', 'AMINAH / AISYAH'],
  ['Ida', 'Ana', 'short names'],
  ['ADI', 'ANI', 'short names'],
  ['HASAN', 'MUHAMMAD ALI HASAN', 'one word is not a name'],
  ['MUHAMMAD', 'MUHAMMAD HASAN', 'one word is not a name'],
  ['B. SUSILO', 'DJOKO SUSILO', 'an initial of another word'],
];

describe('ban-list name matching', () => {
  it.each(sameName)('matches %s and %s (%s)', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });

  it.each(differentName)('does not match %s and %s (%s)', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
    expect(namesMatch(b, a)).toBe(false);
  });

  it('never matches an empty name', () => {
    expect(namesMatch('', '')).toBe(false);
    expect(namesMatch('...', 'MUHAMMAD HASAN')).toBe(false);
  });

  it('reduces words to their sound and counts vowels and consonants written alike as half an edit', () => {
    expect(soundOf('MOCHAMMAD')).toBe('MOHAMAD');
    expect(soundOf('MOHD')).toBe('MUHAMAD');
    expect(soundOf('SOEDJONO')).toBe('SUYONO');
    expect(soundOf('KHADIJAH')).toBe('HADIYA');
    expect(soundOf('HENDRY')).toBe('HENDRI');
    expect(halfEdits('MOHAMED', 'MUHAMAD')).toBe(2);
    expect(halfEdits('IDA', 'ITA')).toBe(1);
    expect(halfEdits('YOHANES', 'YOHNAES')).toBe(2);
    expect(halfEdits('BRIA', 'BRIAN')).toBe(2);
    expect(halfEdits('', 'ABC')).toBe(6);
  });

  it('reduces names to a key and document numbers to letters and digits', () => {
    expect(nameKey('  María-Goretti  da Costa ')).toBe('MARIA GORETTI DA COSTA');
    expect(nameKey("D'Souza, Yohanes.")).toBe('DSOUZA YOHANES');
    expect(nameKey('Ŝtefan Ñdun')).toBe('STEFAN NDUN');
    expect(documentKey(' a 123-456 ')).toBe('A123456');
  });
});

import { nameKey } from './name-key.ts';

/** Short forms of Muhammad written on Indonesian documents (MUH. HASAN, MOCH. ALI): the name in full. */
const abbreviations = new Set(['MUH', 'MOH', 'MOCH', 'MOCHD', 'MHD', 'MUHD', 'MOHD']);

/**
 * One sound's spellings brought to one, in this order. Old Indonesian spelling (before 1972: OE → U, TJ → C,
 * DJ → J, J → Y, CH → KH) and common romanisations of Arabic and other names (KH/H, OU/U, SH/SY, TH/T, DH/D, PH/F,
 * Q/K, V/F), then doubled letters (MUHAMMAD/MUHAMAD), a final H after a vowel (FATIMAH/FATIMA) and a final Y
 * (HENDRY/HENDRI). Both names go through the same rules, so a rule only ever merges spellings, never splits them.
 */
const respellings: [RegExp, string][] = [
  [/OE/g, 'U'],
  [/OU/g, 'U'],
  [/TJ/g, 'C'],
  [/DJ/g, 'J'],
  [/DZ/g, 'Z'],
  [/CH/g, 'H'],
  [/KH/g, 'H'],
  [/SH/g, 'SY'],
  [/TH/g, 'T'],
  [/DH/g, 'D'],
  [/PH/g, 'F'],
  [/CK/g, 'K'],
  [/J/g, 'Y'],
  [/Q/g, 'K'],
  [/V/g, 'F'],
  [/X/g, 'KS'],
  [/(.)\1+/g, '$1'],
  [/([AEIOUY])H$/, '$1'],
  [/Y$/, 'I'],
];

/** A word as it sounds, for comparison only: "MOCHAMMAD" → "MUHAMAD", "SOEDJONO" → "SUYONO", "KHADIJAH" → "HADIYA". */
export function soundOf(word: string): string {
  if (abbreviations.has(word)) return 'MUHAMAD';
  return respellings.reduce((w, [pattern, to]) => w.replace(pattern, to), word);
}

const vowels = new Set(['A', 'E', 'I', 'O', 'U', 'Y']);
/** Consonants written for one another in names (KAROLINA/CAROLINA, FRANSISKUS/PRANSISKUS, IDA/ITA). */
const alike = new Set(['BP', 'DT', 'GK', 'SZ', 'FP', 'CK', 'CS'].flatMap((p) => [p, `${p[1]}${p[0]}`]));

/**
 * Optimal string alignment distance in half edits: a vowel for another vowel, or a consonant for one written alike,
 * costs 1 (MOHAMED/MUHAMAD differ by two vowels, one edit); any other substitution, insertion, deletion or swap of
 * neighbours costs 2.
 */
export function halfEdits(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [2 * i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = 2 * j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const cost = x === y ? 0 : (vowels.has(x) && vowels.has(y)) || alike.has(x + y) ? 1 : 2;
      let best = Math.min(d[i - 1]![j]! + 2, d[i]![j - 1]! + 2, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) best = Math.min(best, d[i - 2]![j - 2]! + 2);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * How far two spellings of one word may be, in half edits, by the shorter's length: none up to 2 letters, a half
 * up to 4 (IDA/ITA, not ADI/ANI), one edit at 5 (HASAN/HUSEN, not HASAN/HASIM), one and a half up to 8
 * (MOHAMED/MUHAMAD, not MUHAMAD/MAHMUD), two beyond.
 */
function allowance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  if (length <= 5) return 2;
  if (length <= 8) return 3;
  return 4;
}

/** A word as written (after `nameKey`) and as it sounds (`soundOf`). */
type Word = { written: string; sound: string };

function wordsMatch(a: Word, b: Word): boolean {
  if (a.sound === b.sound) return true;
  // An initial (M. HASAN) stands for any word it begins as written, or as respelt: C. is CHRISTIAN though that
  // sounds HRISTIAN, D. is DJOKO (YOKO).
  if (a.written.length === 1 || b.written.length === 1)
    return a.written[0] === b.written[0] || a.sound[0] === b.sound[0];
  return halfEdits(a.sound, b.sound) <= allowance(Math.min(a.sound.length, b.sound.length));
}

/** Whether every word of `few` can be paired with its own word of `many` (any order; names have a handful of words). */
function pairsUp(few: Word[], many: Word[], used = new Set<number>()): boolean {
  if (few.length === 0) return true;
  const [word, ...rest] = few as [Word, ...Word[]];
  return many.some((other, i) => {
    if (used.has(i) || !wordsMatch(word, other)) return false;
    used.add(i);
    const ok = pairsUp(rest, many, used);
    used.delete(i);
    return ok;
  });
}

/** The words of a name after `nameKey`, each with its sound (see `soundOf`). */
const nameWords = (name: string): Word[] => {
  const key = nameKey(name);
  return key ? key.split(' ').map((written) => ({ written, sound: soundOf(written) })) : [];
};

/** Beyond this many words a name is compared as written only (2^(n-1) ways to join them). */
const MAX_JOINED_WORDS = 6;

/** The name with some neighbouring words written together, every way (DA COSTA JOAO → DACOSTA JOAO, …); itself first. */
function joinings(words: Word[]): Word[][] {
  if (words.length <= 1 || words.length > MAX_JOINED_WORDS) return [words];
  const [first, ...rest] = words as [Word, ...Word[]];
  return joinings(rest).flatMap((tail) => [
    [first, ...tail],
    [{ written: first.written + tail[0]!.written, sound: first.sound + tail[0]!.sound }, ...tail.slice(1)],
  ]);
}

/**
 * The close-name rule of both ban lists, always used together with the same birth date. Two names match when each
 * word of the shorter one pairs with its own word of the longer one, in any order, each pair within a spelling
 * allowance (`allowance`) after the respellings of `soundOf`; words of the longer name left over are middle names
 * the other document left out ("MUHAMMAD ALI HASAN" / "HASAN MUHAMMAD"), but a one-word name only meets a one-word
 * name. The longer name is also tried with neighbouring words written together ("DA COSTA" / "DACOSTA", "ABDUL
 * RAHMAN" / "ABDURRAHMAN"); names of as many words are not, lest two close words add up (ALI HASAN / ALI HASIM).
 */
export function namesMatch(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  const [few, many] = x.length <= y.length ? [x, y] : [y, x];
  const forms = few.length === many.length ? [many] : joinings(many);
  return forms.some((form) => {
    const [shorter, longer] = few.length <= form.length ? [few, form] : [form, few];
    return (shorter.length >= 2 || longer.length === 1) && pairsUp(shorter, longer);
  });
}

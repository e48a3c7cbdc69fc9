import fc from 'fast-check';
import { parse } from 'mrz';
import { describe, expect, it } from 'vitest';
import { familyNameFits } from '../applications/family-name.ts';
import { buildTd3, checkDigit, mrzName, mrzNameParts, type Td3Input } from './mrz.ts';

const pad = (field: string) => field.padEnd(39, '<');

describe('checkDigit', () => {
  it('gives the Doc 9303 values', () => {
    expect(checkDigit('520727')).toBe('3'); // Part 3 Appendix A, 27 July 1952
    expect(checkDigit('L898902C3')).toBe('6');
    expect(checkDigit('ZE184226B<<<<<')).toBe('1');
    expect(checkDigit('<<<<<<<<<<<<<<')).toBe('0');
  });

  it('refuses characters outside A–Z 0–9 <', () => {
    expect(() => checkDigit('l898')).toThrow(/invalid character "l"/);
  });
});

describe('buildTd3', () => {
  it('writes the ICAO Doc 9303 Part 4 specimen line for line', () => {
    const lines = buildTd3({
      issuingState: 'UTO',
      nationality: 'UTO',
      documentNumber: 'L898902C3',
      name: { primary: 'Eriksson', secondary: 'Anna María' },
      birthDate: '1974-08-12',
      sex: 'F',
      expiryDate: '2012-04-15',
      optionalData: 'ZE184226B',
    });
    expect(lines).toEqual([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
    // The parser does not know the specimen state UTO; every check digit it verifies holds.
    const checks = parse(lines).details.filter((d) => d.field?.endsWith('CheckDigit'));
    expect(checks).toHaveLength(5);
    expect(checks.every((d) => d.valid)).toBe(true);
  });

  it('defaults to an Indonesian passport with empty optional data, checked 0', () => {
    const [line1, line2] = buildTd3({
      documentNumber: 'A1234567',
      name: mrzNameParts('Sukarno', ''),
      birthDate: '1901-06-06',
      sex: 'X',
      expiryDate: '2030-01-01',
    });
    expect(line1).toBe('P<IDNSUKARNO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<');
    expect(line2).toBe('A1234567<6IDN0106061<3001019<<<<<<<<<<<<<<08');
    const result = parse([line1, line2]);
    expect(result.valid).toBe(true);
    expect(result.fields).toMatchObject({
      lastName: 'SUKARNO',
      firstName: '',
      sex: 'nonspecified',
      personalNumber: '',
    });
  });

  it('takes a two-letter document code', () => {
    const [line1] = buildTd3({
      documentType: 'PP',
      documentNumber: 'X1',
      name: { primary: 'A' },
      birthDate: '2000-01-01',
      sex: 'M',
      expiryDate: '2030-01-01',
    });
    expect(line1.startsWith('PPIDNA<<')).toBe(true);
  });

  it('throws a clear error for input it cannot write', () => {
    const ok: Td3Input = {
      documentNumber: 'A1234567',
      name: { primary: 'Budi' },
      birthDate: '1990-07-05',
      sex: 'M',
      expiryDate: '2035-07-05',
    };
    const cases: [Partial<Td3Input>, RegExp][] = [
      [{ documentNumber: 'A12345678X' }, /document number/],
      [{ documentNumber: 'a1234567' }, /document number/],
      [{ documentNumber: 'A-123456' }, /document number/],
      [{ documentNumber: '' }, /document number/],
      [{ optionalData: '5371014507900003' }, /optional data/], // a NIK is 16 digits
      [{ optionalData: 'nik 123' }, /optional data/],
      [{ birthDate: '1990-02-30' }, /birth date/],
      [{ birthDate: '05-07-1990' }, /birth date/],
      [{ expiryDate: '2035-13-01' }, /expiry date/],
      [{ expiryDate: '1990-07-05' }, /after the birth date/],
      [{ sex: 'U' as unknown as Td3Input['sex'] }, /sex/],
      [{ issuingState: 'idn' }, /issuing state/],
      [{ nationality: 'INDO' }, /nationality/],
      [{ documentType: 'V' }, /document type/],
      [{ name: { primary: "'-" } }, /primary identifier/],
    ];
    for (const [change, message] of cases)
      expect(() => buildTd3({ ...ok, ...change }), JSON.stringify(change)).toThrow(message);
  });
});

describe('mrzName', () => {
  it('writes the Doc 9303 Part 4 §4.2.3.1 names that fit', () => {
    expect(mrzName({ primary: 'Heng', secondary: 'Deborah Ming Lo' })).toBe(pad('HENG<<DEBORAH<MING<LO'));
    expect(mrzName({ primary: 'Smith-Jones', secondary: 'Susie Margaret' })).toBe(pad('SMITH<JONES<<SUSIE<MARGARET'));
    expect(mrzName({ primary: "O'Connor", secondary: 'Enya Siobhan' })).toBe(pad('OCONNOR<<ENYA<SIOBHAN'));
    expect(mrzName({ primary: 'Van Der Muellen', secondary: 'Martin' })).toBe(pad('VAN<DER<MUELLEN<<MARTIN'));
    expect(mrzName({ primary: 'Al-Basri', secondary: 'Huda Muhammad Jawad' })).toBe(
      pad('AL<BASRI<<HUDA<MUHAMMAD<JAWAD'),
    );
    expect(mrzName({ primary: 'Arkfreith' })).toBe(pad('ARKFREITH'));
    expect(mrzName({ primary: 'Satriya Sudarpa', secondary: null })).toBe(pad('SATRIYA<SUDARPA'));
    // §4.2.3.4: fits exactly, so not truncated although it ends with a letter.
    expect(mrzName({ primary: 'Papandropoulous', secondary: 'Jonathon Warren Trevor' })).toBe(
      'PAPANDROPOULOUS<<JONATHON<WARREN<TREVOR',
    );
  });

  it('writes single names as the primary identifier followed by fillers', () => {
    expect(mrzName({ primary: 'Sukarno' })).toBe(pad('SUKARNO'));
    expect(mrzName({ primary: 'Sukarno', secondary: '  ' })).toBe(pad('SUKARNO'));
    expect(mrzName({ primary: 'Adiwijayakusumaningratwirjosoebrotohadikoesoemo' })).toBe(
      'ADIWIJAYAKUSUMANINGRATWIRJOSOEBROTOHADI',
    );
  });

  it('truncates the secondary identifier first, as in Doc 9303 Part 4 §4.2.3.2', () => {
    expect(mrzName({ primary: 'Nilavadhanananda', secondary: 'Chayapa Dejthamrong Krasuang' })).toBe(
      'NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K',
    );
    expect(mrzName({ primary: 'Nilavadhanananda', secondary: 'Arnpol Petch Charonguang' })).toBe(
      'NILAVADHANANANDA<<ARNPOL<PETCH<CHARONGU',
    );
    // One position left after a whole component: it gives up a letter so the next initial fits and the field
    // still ends with a letter.
    expect(mrzName({ primary: 'Nilavadhanananda', secondary: 'Chayapadejthamrongkr Asa' })).toBe(
      'NILAVADHANANANDA<<CHAYAPADEJTHAMRONGK<A',
    );
  });

  it('truncates a primary identifier too long for the secondary to start, as little as Doc 9303 allows', () => {
    // §4.2.3.3 shows three optional shapes; this is the least truncation of the primary (three positions freed).
    expect(mrzName({ primary: 'Bennelong Wooloomooloo Warrandyte Warnambool', secondary: 'Dingo Potoroo' })).toBe(
      'BENNELONG<WOOLOOMOOLOO<WARRANDYTE<WA<<D',
    );
    expect(mrzName({ primary: 'Bennelong Wooloomooloo Warrandyte Warnambool' })).toBe(
      'BENNELONG<WOOLOOMOOLOO<WARRANDYTE<WARNA',
    );
  });

  it('treats hyphens, spaces and commas as separators and drops apostrophes and other punctuation', () => {
    expect(mrzName({ primary: "D'Artagnan" })).toBe(pad('DARTAGNAN'));
    expect(mrzName({ primary: 'O’Brien', secondary: 'Marie-Elise' })).toBe(pad('OBRIEN<<MARIE<ELISE'));
    expect(mrzName({ primary: 'Ndoen', secondary: 'Yohanes  -  Paulus, Jr.' })).toBe(pad('NDOEN<<YOHANES<PAULUS<JR'));
    expect(mrzName({ primary: 'Sitorus', secondary: 'R.A. Kartini 2' })).toBe(pad('SITORUS<<RA<KARTINI'));
  });

  it('transliterates accented letters per Doc 9303 Part 3 §6 Table A', () => {
    expect(mrzName({ primary: 'Müller-Lüdenscheidt', secondary: 'Jörg' })).toBe(pad('MUELLER<LUEDENSCHEIDT<<JOERG'));
    expect(mrzName({ primary: 'Ångström', secondary: 'Æsa Øyvind' })).toBe(pad('AANGSTROEM<<AESA<OEYVIND'));
    expect(mrzName({ primary: 'Straße', secondary: 'José Ñandú Çelik' })).toBe(pad('STRASSE<<JOSE<NANDU<CELIK'));
    expect(mrzName({ primary: 'Łukasiewicz', secondary: 'Đorđe Þór Œdipe' })).toBe(
      pad('LUKASIEWICZ<<DORDE<THOR<OEDIPE'),
    );
    // Decomposed input (e + combining acute) reads the same as composed.
    expect(mrzName({ primary: 'Re\u0301gine' })).toBe(pad('REGINE'));
  });

  it('refuses names it cannot write', () => {
    expect(() => mrzName({ primary: 'Иванов' })).toThrow(/cannot transliterate "И"/);
    expect(() => mrzName({ primary: '' })).toThrow(/no letters/);
    expect(() => mrzName({ primary: 'A' }, 2)).toThrow(/width/);
  });

  it('fills other widths (TD1: 30)', () => {
    expect(mrzName({ primary: 'Eriksson', secondary: 'Anna Maria' }, 30)).toBe('ERIKSSON<<ANNA<MARIA<<<<<<<<<<');
  });
});

describe('mrzNameParts', () => {
  it('makes the stated family name the primary identifier, wherever it stands, and the other words the secondary', () => {
    const maria = mrzNameParts('Maria Imaculata Da Costa-Soares', 'Da Costa-Soares');
    expect(maria).toEqual({ primary: 'Da Costa-Soares', secondary: 'Maria Imaculata' });
    expect(mrzName(maria)).toBe('DA<COSTA<SOARES<<MARIA<IMACULATA'.padEnd(39, '<'));
    expect(mrzNameParts('  Maria   Goreti  Ndoen ', 'ndoen')).toEqual({ primary: 'Ndoen', secondary: 'Maria Goreti' });
    expect(mrzNameParts('Nainggolan Rudi Hartono', 'Nainggolan')).toEqual({
      primary: 'Nainggolan',
      secondary: 'Rudi Hartono',
    });
  });

  it('makes the whole name the primary identifier of a name without a family name', () => {
    expect(mrzNameParts('Sukarno', '')).toEqual({ primary: 'Sukarno', secondary: null });
    expect(mrzName(mrzNameParts('Satriya Sudarpa', ''))).toBe('SATRIYA<SUDARPA'.padEnd(39, '<'));
  });

  it('refuses an empty name and a family name that is not part of the name', () => {
    expect(() => mrzNameParts(' ', '')).toThrow(/empty/);
    expect(() => mrzNameParts('Maria Goreti', 'Ndoen')).toThrow(/not part/);
    expect(familyNameFits('Maria Da Costa', 'da costa')).toBe(true);
    expect(familyNameFits('Maria Da Costa', 'Costa Da')).toBe(false);
    expect(familyNameFits('Maria Dacosta', 'Da')).toBe(false);
    expect(familyNameFits('Sukarno', '')).toBe(true);
  });
});

describe('buildTd3 against the mrz parser', () => {
  // Each letter with its MRZ form, written out here rather than derived from the module under test.
  const letters: [string, string][] = [
    ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].flatMap((c): [string, string][] => [
      [c, c],
      [c.toLowerCase(), c],
    ]),
    ['ä', 'AE'],
    ['Ö', 'OE'],
    ['ü', 'UE'],
    ['å', 'AA'],
    ['æ', 'AE'],
    ['ø', 'OE'],
    ['ß', 'SS'],
    ['é', 'E'],
    ['È', 'E'],
    ['ñ', 'N'],
    ['ç', 'C'],
    ['ã', 'A'],
    ['í', 'I'],
    ['ô', 'O'],
    ['ú', 'U'],
    ['ł', 'L'],
    ['ž', 'Z'],
    ['ğ', 'G'],
  ];
  const part = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 });
  // A word: parts joined by a hyphen (a separator in the MRZ) or an apostrophe (dropped).
  const word = fc
    .tuple(
      part,
      fc.array(fc.tuple(fc.constantFrom<[string, string]>(['-', '<'], ["'", ''], ['’', '']), part), { maxLength: 2 }),
    )
    .map(([first, rest]) => {
      const text = (p: [string, string][], i: 0 | 1) => p.map((l) => l[i]).join('');
      return {
        raw: text(first, 0) + rest.map(([sep, p]) => sep[0] + text(p, 0)).join(''),
        mrz: text(first, 1) + rest.map(([sep, p]) => sep[1] + text(p, 1)).join(''),
      };
    });
  const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');
  const sexes = { F: 'female', M: 'male', X: 'nonspecified' } as const;

  it('writes MRZs the parser reads back as valid, with the fields that went in', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.oneof(fc.stringMatching(/^[A-Z][0-9]{7}$/), fc.stringMatching(/^[A-Z0-9]{1,9}$/)),
        fc.integer({ min: -14_600, max: 20_000 }), // birth: 1930 to 2024
        fc.integer({ min: 1, max: 10 * 366 }),
        fc.constantFrom('F', 'M', 'X'),
        fc.stringMatching(/^[A-Z0-9]{0,14}$/),
        (words, documentNumber, birthDay, validDays, sex, optionalData) => {
          const birthDate = isoDate(birthDay);
          const expiryDate = isoDate(birthDay + validDays);
          // The last word stated as the family name (any word could be: the rule is whose it is, not where).
          const name = mrzNameParts(words.map((w) => w.raw).join(' '), words.length > 1 ? words.at(-1)!.raw : '');
          const lines = buildTd3({ documentNumber, name, birthDate, sex, expiryDate, optionalData });
          const result = parse(lines);
          expect(result.valid, JSON.stringify(result.details.filter((d) => !d.valid))).toBe(true);
          expect(result.fields).toMatchObject({
            documentCode: 'P',
            issuingState: 'IDN',
            nationality: 'IDN',
            documentNumber,
            birthDate: yymmdd(birthDate),
            expirationDate: yymmdd(expiryDate),
            sex: sexes[sex],
            personalNumber: optionalData,
          });

          const primary = words.at(-1)!.mrz;
          const secondary = words.slice(0, -1).map((w) => w.mrz);
          const full = [primary, ...(secondary.length > 0 ? ['', secondary.join('<')] : [])].join('<');
          const field = lines[0].slice(5);
          const spaced = (s: string) => s.replaceAll('<', ' ');
          if (full.length <= 39) {
            expect(field).toBe(pad(full));
            expect(result.fields.lastName).toBe(spaced(primary));
            expect(result.fields.firstName).toBe(spaced(secondary.join('<')));
          } else {
            // Truncated: ends with a letter, and each component left is a non-empty start of the one it came from.
            expect(field).toMatch(/[A-Z]$/);
            const [keptPrimary, keptSecondary = ''] = field.split('<<');
            const startsOf = (kept: string, original: string) =>
              kept
                .split('<')
                .filter(Boolean)
                .every((c, i) => original.split('<')[i]?.startsWith(c));
            expect(keptPrimary!.length).toBeGreaterThan(0);
            expect(startsOf(keptPrimary!, primary)).toBe(true);
            expect(startsOf(keptSecondary, secondary.join('<'))).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

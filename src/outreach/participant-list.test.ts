import { describe, expect, it } from 'vitest';
import { makeNik } from '../../test/factories.ts';
import { parseCsvList, parseTypedList } from './participant-list.ts';

const today = '2026-06-01';
const nik = makeNik('1990-07-05');
const nikWoman = makeNik('1985-03-12', 'F');

describe('participant lists', () => {
  it('reads typed lines, skipping blank ones and keeping their line numbers', () => {
    const list = parseTypedList(`${nik};Yohanes Ndun;1990-07-05\n\n ${nikWoman} ; Maria Bria ; 1985-03-12 \r\n`, today);
    expect(list.errors).toEqual([]);
    expect(list.rows).toEqual([
      { line: 1, nik, fullName: 'Yohanes Ndun', birthDate: '1990-07-05' },
      { line: 3, nik: nikWoman, fullName: 'Maria Bria', birthDate: '1985-03-12' },
    ]);
  });

  it('names every bad typed line', () => {
    const list = parseTypedList(
      [
        `${nik};Yohanes Ndun`,
        `${nik};Y;1990-07-05`,
        `${nik};Yohanes;2030-01-01`,
        `${nik};Yohanes;1990-07-05`,
        `${nik};Lagi;1990-07-05`,
      ].join('\n'),
      today,
    );
    expect(list.errors).toEqual([
      { line: 1, message: 'outreach.rows.columns' },
      { line: 2, message: 'outreach.rows.name' },
      { line: 3, message: 'outreach.rows.birthDate' },
      { line: 5, message: 'outreach.rows.duplicate' },
    ]);
  });

  it('reads CSV with a BOM, columns in any order, quoted commas, doubled quotes and line breaks', () => {
    const csv = `\uFEFFName,Birth_Date,NIK\r\n"Ndun, Yohanes ""Anis""",1990-07-05,${nik}\r\n"Maria\nBria",1985-03-12,${nikWoman}\r\n${'\r\n'}`;
    const list = parseCsvList(csv, today);
    expect(list.errors).toEqual([]);
    expect(list.rows).toEqual([
      { line: 2, nik, fullName: 'Ndun, Yohanes "Anis"', birthDate: '1990-07-05' },
      { line: 3, nik: nikWoman, fullName: 'Maria\nBria', birthDate: '1985-03-12' },
    ]);
  });

  it('refuses a CSV without the header, with an unclosed quote, or with wrong column counts', () => {
    expect(parseCsvList(`${nik},Yohanes,1990-07-05`, today).errors).toEqual([
      { line: 1, message: 'outreach.rows.header' },
    ]);
    expect(parseCsvList(`nik,name,birth_date\n"${nik},Yohanes,1990-07-05`, today).errors).toEqual([
      { line: 2, message: 'outreach.rows.unclosedQuote' },
    ]);
    expect(parseCsvList(`nik,name,birth_date\n${nik},Yohanes,1990-07-05,extra`, today).errors).toEqual([
      { line: 2, message: 'outreach.rows.columns' },
    ]);
    expect(parseCsvList('', today).errors).toEqual([{ line: 1, message: 'outreach.rows.empty' }]);
  });
});

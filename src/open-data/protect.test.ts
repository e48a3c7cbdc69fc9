import { describe, expect, it } from 'vitest';
import type { Dataset } from './datasets.ts';
import { complementIkm } from './complement-ikm.ts';
import { protectRows } from './protect.ts';

const dataset = (appliesTo?: Dataset['appliesTo']): Dataset => ({
  id: 'test',
  source: 'transparency',
  frequency: 'daily',
  columns: [
    { name: 'section', type: 'code' },
    { name: 'people', type: 'integer', people: true, nullable: true },
    { name: 'late', type: 'integer', people: true, nullable: true },
    { name: 'other', type: 'integer' },
  ],
  appliesTo,
  rows: () => [],
});

describe('the small-count rule', () => {
  it('leaves out rows whose counts of people are all under three, and empties small ones beside larger ones', () => {
    const rows = [
      { section: 'a', people: 1, late: 0, other: 1 },
      { section: 'b', people: 2, late: 2, other: 9 },
      { section: 'c', people: 5, late: 1, other: 1 },
      { section: 'd', people: 3, late: 0, other: 0 },
      { section: 'e', people: 0, late: 0, other: 2 },
    ];
    expect(protectRows(dataset(), rows)).toEqual([
      { section: 'c', people: 5, late: null, other: 1 },
      { section: 'd', people: 3, late: 0, other: 0 },
      { section: 'e', people: 0, late: 0, other: 2 },
    ]);
  });

  it('keeps the rows it does not apply to as they are', () => {
    const rows = [
      { section: 'work', people: 1, late: 0, other: 0 },
      { section: 'people', people: 1, late: 0, other: 0 },
    ];
    expect(
      protectRows(
        dataset((r) => r.section === 'people'),
        rows,
      ),
    ).toEqual([rows[0]]);
  });

  it('leaves out the next smallest offices beside a left-out IKM, so the region’s figure cannot give it back', () => {
    const of = (...counts: number[]) => counts.map((respondents, i) => ({ code: `K${i}`, respondents }));
    const codes = (rows: { code: string }[]) => rows.map((r) => r.code);
    expect(codes(complementIkm(of(1, 9, 4, 0)))).toEqual(['K1', 'K3']);
    expect(codes(complementIkm(of(1, 2, 9)))).toEqual(['K2']);
    expect(codes(complementIkm(of(5, 9, 0)))).toEqual(['K0', 'K1', 'K2']);
    expect(codes(complementIkm(of(2, 0)))).toEqual(['K1']);
  });
});

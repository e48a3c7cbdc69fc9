import { describe, expect, it } from 'vitest';
import { complementIkm, protectCounts, protectIkm } from './protect-report.ts';

describe('the small-count rule', () => {
  it('leaves out rows whose counts of people are all under three, and empties small ones beside larger ones', () => {
    const rows = [
      { section: 'a', people: 1, late: 0, other: 1 },
      { section: 'b', people: 2, late: 2, other: 9 },
      { section: 'c', people: 5, late: 1, other: 1 },
      { section: 'd', people: 3, late: 0, other: 0 },
      { section: 'e', people: 0, late: 0, other: 2 },
    ];
    expect(protectCounts(rows, ['people', 'late'])).toEqual([
      { section: 'c', people: 5, late: null, other: 1 },
      { section: 'd', people: 3, late: 0, other: 0 },
      { section: 'e', people: 0, late: 0, other: 2 },
    ]);
  });

  it('keeps the rows it does not apply to as they are', () => {
    const rows = [
      { section: 'work', people: 1 },
      { section: 'people', people: 1 },
    ];
    expect(protectCounts(rows, ['people'], (r) => r.section === 'people')).toEqual([rows[0]]);
  });

  it('leaves out the next smallest offices beside a left-out IKM, so the region’s figure cannot give it back', () => {
    const of = (...counts: number[]) => counts.map((respondents, i) => ({ code: `K${i}`, respondents }));
    const codes = (offices: { code: string; respondents: number }[]) => {
      const hidden = complementIkm(offices);
      return offices.filter((o) => !hidden.has(o)).map((o) => o.code);
    };
    expect(codes(of(1, 9, 4, 0))).toEqual(['K1', 'K3']);
    expect(codes(of(1, 2, 9))).toEqual(['K2']);
    expect(codes(of(5, 9, 0))).toEqual(['K0', 'K1', 'K2']);
    expect(codes(of(2, 0))).toEqual(['K1']);
  });

  it('empties the IKM of the offices left out and keeps the offices', () => {
    const office = (unitCode: string, respondents: number) => ({
      unitCode,
      ikm: { respondents, ikm: 3.5, converted: 87.5, category: 'B' as const },
    });
    const [small, next, large] = protectIkm([office('A', 2), office('B', 4), office('C', 9)]);
    const empty = { respondents: null, ikm: null, converted: null, category: null };
    expect(small).toEqual({ unitCode: 'A', ikm: empty });
    expect(next).toEqual({ unitCode: 'B', ikm: empty });
    expect(large!.ikm.respondents).toBe(9);
  });
});

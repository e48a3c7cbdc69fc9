import { describe, expect, it } from 'vitest';
import type { FigureCode } from '../dashboard/figures.ts';
import type { FrozenIndicator } from './schema.ts';
import { achievement, indicatorResult, rankScores, scoreUnit } from './score-unit.ts';

const indicator = (over: Partial<FrozenIndicator>): FrozenIndicator => ({
  code: 'X',
  figureCode: 'passports_issued',
  denominatorCode: null,
  measure: 'count',
  direction: 'higher',
  period: 'quarter',
  ziArea: 'hasil',
  nameId: 'X',
  nameEn: 'X',
  descriptionId: '',
  descriptionEn: '',
  ...over,
});
const figures = (values: Partial<Record<FigureCode, number | null>>) => values as Record<FigureCode, number | null>;

describe('scoring a unit', () => {
  it('turns the ratio round when lower is better, and needs a result and a target', () => {
    expect(achievement('higher', 90, 100)).toBe(90);
    expect(achievement('lower', 20, 10)).toBe(50);
    expect(achievement('lower', 0, 10)).toBe(100);
    expect(achievement('higher', null, 10)).toBeNull();
    expect(achievement('higher', 5, null)).toBeNull();
  });

  it('computes a ratio of two figures as a percentage, and nothing over zero', () => {
    const onTime = indicator({ figureCode: 'passport_cases_on_time', denominatorCode: 'passport_cases_completed' });
    expect(indicatorResult(onTime, figures({ passport_cases_on_time: 45, passport_cases_completed: 50 }))).toBe(90);
    expect(indicatorResult(onTime, figures({ passport_cases_on_time: 0, passport_cases_completed: 0 }))).toBeNull();
  });

  it('halves a count target for a semester, keeps a percentage, judges a year only at semester II, caps at 120', async () => {
    const catalogue = [
      indicator({ code: 'COUNT' }),
      indicator({ code: 'PCT', measure: 'percent', figureCode: 'ikm' }),
      indicator({ code: 'YEAR', period: 'year' }),
    ];
    const targets = new Map([
      ['COUNT', 100],
      ['PCT', 80],
      ['YEAR', 10],
    ]);
    const windows: string[] = [];
    const figuresFor = (from: string, to: string) => {
      windows.push(`${from}/${to}`);
      return Promise.resolve(figures({ passports_issued: 100, ikm: 40 }));
    };
    const first = await scoreUnit(catalogue, 2030, 1, figuresFor, targets);
    expect(first.rows.map((r) => [r.indicatorCode, r.target, r.achievement])).toEqual([
      ['COUNT', 50, 200],
      ['PCT', 80, 50],
    ]);
    expect(first.score).toBe(85);
    const second = await scoreUnit(catalogue, 2030, 2, figuresFor, targets);
    expect(second.rows.find((r) => r.indicatorCode === 'YEAR')).toMatchObject({
      from: '2030-01-01',
      to: '2030-12-31',
      target: 10,
    });
    expect(windows).toContain('2030-07-01/2030-12-31');
  });

  it('ranks by score with shared ranks for ties, and no rank without a score', () => {
    const ranks = rankScores([
      { unitCode: 'A', score: 80 },
      { unitCode: 'B', score: 95 },
      { unitCode: 'C', score: 80 },
      { unitCode: 'D', score: null },
      { unitCode: 'E', score: 10 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ B: 1, A: 2, C: 2, E: 4, D: null });
  });
});

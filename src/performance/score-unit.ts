import type { FigureCode } from '../dashboard/figures.ts';
import type { Direction, FrozenIndicator, Measure, SnapshotRow } from './schema.ts';
import { indicatorWindow } from './semester.ts';

/** An achievement counts up to this in a unit's score, so one target far exceeded cannot hide the others missed. */
export const ACHIEVEMENT_CAP = 120;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A figure, or figure / denominator × 100; null when a figure is not computed yet or the denominator is zero. */
export function indicatorResult(
  indicator: Pick<FrozenIndicator, 'figureCode' | 'denominatorCode'>,
  figures: Record<FigureCode, number | null>,
): number | null {
  const value = figures[indicator.figureCode];
  if (value === null || value === undefined) return null;
  if (!indicator.denominatorCode) return value;
  const denominator = figures[indicator.denominatorCode];
  return denominator ? round2((value / denominator) * 100) : null;
}

/** Counts and rupiah add up over the year: a semester is judged against half the year's target. */
export function windowTarget(measure: Measure, yearTarget: number, wholeYear: boolean): number {
  return (measure === 'count' || measure === 'rupiah') && !wholeYear ? yearTarget / 2 : yearTarget;
}

/** Result against target in per cent; for "lower is better" the ratio is turned round (nothing at all is 100 %). */
export function achievement(direction: Direction, result: number | null, target: number | null): number | null {
  if (result === null || target === null) return null;
  if (direction === 'higher') return target > 0 ? round2((result / target) * 100) : null;
  if (result === 0) return 100;
  return round2((target / result) * 100);
}

/** One unit's rows for a semester from its figures per window, and its score: the mean of its capped achievements. */
export async function scoreUnit(
  catalogue: FrozenIndicator[],
  year: number,
  half: 1 | 2,
  figuresFor: (from: string, to: string) => Promise<Record<FigureCode, number | null>>,
  targets: Map<string, number>,
): Promise<{ rows: SnapshotRow[]; score: number | null }> {
  const rows: SnapshotRow[] = [];
  for (const indicator of catalogue) {
    const window = indicatorWindow(indicator.period, year, half);
    if (!window) continue;
    const result = indicatorResult(indicator, await figuresFor(window.from, window.to));
    const yearTarget = targets.get(indicator.code) ?? null;
    const wholeYear = indicator.period === 'year';
    const target = yearTarget === null ? null : windowTarget(indicator.measure, yearTarget, wholeYear);
    const reached = achievement(indicator.direction, result, target);
    rows.push({ indicatorCode: indicator.code, ...window, result, yearTarget, target, achievement: reached });
  }
  const scored = rows.flatMap((r) => (r.achievement === null ? [] : [Math.min(r.achievement, ACHIEVEMENT_CAP)]));
  const score = scored.length === 0 ? null : round2(scored.reduce((a, b) => a + b, 0) / scored.length);
  return { rows, score };
}

/** Ranks by score, highest first; equal scores share a rank (1, 1, 3); a unit without a score has none. */
export function rankScores(scores: { unitCode: string; score: number | null }[]): Map<string, number | null> {
  const ranked = new Map<string, number | null>();
  const sorted = scores.filter((s) => s.score !== null).sort((a, b) => b.score! - a.score!);
  sorted.forEach((s, i) => {
    const previous = sorted[i - 1];
    ranked.set(s.unitCode, previous && previous.score === s.score ? ranked.get(previous.unitCode)! : i + 1);
  });
  for (const s of scores) if (s.score === null) ranked.set(s.unitCode, null);
  return ranked;
}

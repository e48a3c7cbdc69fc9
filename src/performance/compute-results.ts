import { computeFigures, type FigureCode } from '../dashboard/figures.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { unitScope } from '../units/scope.ts';
import type { FrozenIndicator, SnapshotRow } from './schema.ts';
import { rankScores, scoreUnit } from './score-unit.ts';
import { yearTargets } from './targets.ts';

export type UnitResult = { unitCode: string; rows: SnapshotRow[]; score: number | null; rank: number | null };

/**
 * Every given unit's results for the semester against its year's targets, scored and ranked among them. A unit's
 * figures cover it and the units below it (a Kantor Imigrasi with its posts), and only the figures the catalogue names.
 */
export async function computeResults(
  db: Executor,
  semester: { year: number; half: 1 | 2 },
  unitCodes: string[],
  catalogue: FrozenIndicator[],
  today = witaDate(),
): Promise<UnitResult[]> {
  const codes = [
    ...new Set(catalogue.flatMap((i) => (i.denominatorCode ? [i.figureCode, i.denominatorCode] : [i.figureCode]))),
  ];
  const targets = await yearTargets(db, unitCodes, semester.year);
  const scored: Omit<UnitResult, 'rank'>[] = [];
  for (const unitCode of unitCodes) {
    const scope = await unitScope(db, unitCode);
    const cache = new Map<string, Promise<Record<FigureCode, number | null>>>();
    const figuresFor = (from: string, to: string) => {
      const key = `${from}/${to}`;
      if (!cache.has(key)) cache.set(key, computeFigures(db, { unitCodes: scope, from, to, today }, codes));
      return cache.get(key)!;
    };
    const { rows, score } = await scoreUnit(
      catalogue,
      semester.year,
      semester.half,
      figuresFor,
      targets.get(unitCode)!,
    );
    scored.push({ unitCode, rows, score });
  }
  const ranks = rankScores(scored);
  return scored.map((s) => ({ ...s, rank: ranks.get(s.unitCode) ?? null }));
}

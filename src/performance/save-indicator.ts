import { standingFigures } from '../dashboard/figures.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { authorize, type PerformanceViewer } from './policy.ts';
import { indicators, type Indicator } from './schema.ts';

export type IndicatorInput = Omit<Indicator, 'position'> & { position?: number };

/**
 * The Kanwil adds an indicator or changes one (its code stays: targets and past evaluations name it). A ratio is a
 * percentage of two different figures. Frozen evaluations keep the entry as it was when they froze.
 */
export async function saveIndicator(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: IndicatorInput,
): Promise<Indicator> {
  authorize(viewer, 'performance.edit_catalogue');
  if (input.denominatorCode && input.denominatorCode === input.figureCode)
    throw new AppError('validation_failed', { denominatorCode: 'performance.v.sameFigure' });
  // A semester is judged after it ends, when a figure of how things stand today no longer says how it stood then.
  if (standingFigures.includes(input.figureCode))
    throw new AppError('validation_failed', { figureCode: 'performance.v.standingFigure' });
  if (input.denominatorCode && standingFigures.includes(input.denominatorCode))
    throw new AppError('validation_failed', { denominatorCode: 'performance.v.standingFigure' });
  if (input.denominatorCode && input.measure !== 'percent')
    throw new AppError('validation_failed', { measure: 'performance.v.ratioIsPercent' });
  const { code, position, ...entry } = input;
  const [row] = await tx
    .insert(indicators)
    .values({ code, ...entry, position: position ?? 1000 })
    .onConflictDoUpdate({ target: indicators.code, set: { ...entry, ...(position === undefined ? {} : { position }) } })
    .returning();
  await appendAudit(tx, caller, {
    action: 'performance.indicator.save',
    targetType: 'performance_indicator',
    targetId: code,
    details: { ...entry },
  });
  return row!;
}

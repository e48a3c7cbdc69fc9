import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { indicators, type FrozenIndicator, type Indicator } from './schema.ts';

/** The catalogue in its order; `activeOnly` for what an evaluation judges. */
export async function listIndicators(db: Executor, options: { activeOnly?: boolean } = {}): Promise<Indicator[]> {
  const query = db.select().from(indicators);
  return (options.activeOnly ? query.where(eq(indicators.active, true)) : query).orderBy(
    asc(indicators.position),
    asc(indicators.code),
  );
}

/** The catalogue entry as an evaluation keeps it. */
export const frozenIndicator = ({ active: _a, position: _p, ...entry }: Indicator): FrozenIndicator => entry;

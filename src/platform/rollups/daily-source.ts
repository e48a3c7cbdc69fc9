import type { IsoDate } from '../calendar/wita.ts';
import type { Executor } from '../db/index.ts';

/** One count of a source: a WITA day, the unit the records belong to, a key ('' when the source has none). */
export type DailyRow = { day: IsoDate; unitCode: string; key: string; value: number };

/**
 * A feature's count of its own records per day, unit and key over [from, to] (WITA days, both included), for the
 * units given or every unit: one set-based query that the rollup stores (every unit) and that answers directly (the
 * units asked for) while counts are computed per request.
 */
export type DailySource = {
  name: string;
  rows: (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) => Promise<DailyRow[]>;
};

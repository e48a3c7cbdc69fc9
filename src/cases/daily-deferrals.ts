import { countActionsPerDay } from '../applications/count-actions-per-day.ts';
import type { DailySource } from '../platform/rollups/daily-source.ts';
import { UNRECORDED_REASON } from './count-deferrals.ts';

/** Interviews that deferred, per day, unit and reason code (`unrecorded` before codes): `countDeferrals` per day. */
export const deferralsDaily: DailySource = {
  name: 'cases.deferrals',
  rows: async (db, from, to, unitCodes) =>
    (
      await countActionsPerDay(db, {
        type: 'interview',
        match: { outcome: 'defer' },
        key: 'reasonCode',
        from,
        to,
        ...(unitCodes ? { unitCodes } : {}),
      })
    ).map((r) => ({ ...r, key: r.key || UNRECORDED_REASON.code })),
};

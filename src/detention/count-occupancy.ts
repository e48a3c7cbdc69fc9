import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { countOccupancy } from './count-detention.ts';
import { authorize, authorizeRole } from './policy.ts';

type Tally = { men: number; women: number; children: number; other: number };
const empty = (): Tally => ({ men: 0, women: 0, children: 0, other: 0 });

export type OccupancyReport = {
  unitCode: string;
  on: IsoDate;
  total: number;
  byBlock: Record<string, Tally>;
  byNationality: Record<string, number>;
  /** The Rudenim's own code for its own detainees, a Kantor Imigrasi's for those it placed titipan. */
  byAuthority: Record<string, number>;
};

/** The daily occupancy report of a detention unit in the officer's scope: who is held at the end of the day, counted. */
export async function reportOccupancy(tx: Tx, caller: Caller, unitCode: string, on: IsoDate): Promise<OccupancyReport> {
  authorizeRole(caller.actor, 'detention.custody');
  authorize(caller.actor, 'detention.custody', { unitCode, scope: await actorScope(tx, caller.actor) });
  const report: OccupancyReport = { unitCode, on, total: 0, byBlock: {}, byNationality: {}, byAuthority: {} };
  for (const row of await countOccupancy(tx, on, [unitCode])) {
    const n = row.men + row.women + row.children + row.other;
    const block = (report.byBlock[row.block] ??= empty());
    block.men += row.men;
    block.women += row.women;
    block.children += row.children;
    block.other += row.other;
    report.byNationality[row.nationality] = (report.byNationality[row.nationality] ?? 0) + n;
    report.byAuthority[row.authorityUnitCode] = (report.byAuthority[row.authorityUnitCode] ?? 0) + n;
    report.total += n;
  }
  return report;
}

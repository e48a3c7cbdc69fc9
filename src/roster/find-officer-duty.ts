import { and, eq } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { duties, type DutyKind } from './schema.ts';

export type OfficerDuty = { id: string; kind: DutyKind; refId: string | null; unitCode: string };

/** The officer's duty on a day (an officer has at most one), or null when the roster has none. */
export async function findOfficerDuty(db: Executor, officerId: string, date: IsoDate): Promise<OfficerDuty | null> {
  const [duty] = await db
    .select({ id: duties.id, kind: duties.kind, refId: duties.refId, unitCode: duties.unitCode })
    .from(duties)
    .where(and(eq(duties.officerId, officerId), eq(duties.date, date)));
  return duty ?? null;
}

import { and, eq, inArray, or } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { constraintOf, sqlState, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { duties, type DutyKind } from './schema.ts';

export type DutyInput = {
  date: IsoDate;
  unitCode: string;
  kind: DutyKind;
  refId?: string | null;
  officerIds?: string[];
  kitIds?: string[];
};

/**
 * Puts officers and kits on a duty for a day. Someone or something already on any duty that day is refused with
 * `resource_busy`, naming them in `fields` (`officer:<id>` / `kit:<id>`), and nothing is assigned. The check reads
 * first for a clear answer; the unique indexes settle two assignments racing for the same officer or kit.
 */
export async function assignDuties(tx: Tx, caller: Caller, input: DutyInput): Promise<{ assigned: number }> {
  const officerIds = [...new Set(input.officerIds ?? [])];
  const kitIds = [...new Set(input.kitIds ?? [])];
  if (officerIds.length + kitIds.length === 0) return { assigned: 0 };
  const taken = await tx
    .select({ officerId: duties.officerId, kitId: duties.kitId, kind: duties.kind })
    .from(duties)
    .where(
      and(
        eq(duties.date, input.date),
        or(
          officerIds.length ? inArray(duties.officerId, officerIds) : undefined,
          kitIds.length ? inArray(duties.kitId, kitIds) : undefined,
        ),
      ),
    );
  if (taken.length > 0) throw busy(taken);
  const rows = [
    ...officerIds.map((officerId) => ({ officerId, kitId: null })),
    ...kitIds.map((kitId) => ({ officerId: null, kitId })),
  ].map((r) => ({
    ...r,
    date: input.date,
    unitCode: input.unitCode,
    kind: input.kind,
    refId: input.refId ?? null,
    assignedBy: caller.actor?.id ?? null,
  }));
  try {
    await tx.insert(duties).values(rows);
  } catch (err) {
    if (sqlState(err) === '23505' && constraintOf(err)?.startsWith('duties_')) throw new AppError('resource_busy');
    throw err;
  }
  await appendAudit(tx, caller, {
    action: 'duty.assign',
    targetType: input.kind,
    targetId: input.refId ?? input.date,
    unitCode: input.unitCode,
    details: { date: input.date, officerIds, kitIds },
  });
  return { assigned: rows.length };
}

function busy(taken: { officerId: string | null; kitId: string | null; kind: DutyKind }[]): AppError {
  const fields = Object.fromEntries(
    taken.map((t) => [t.officerId ? `officer:${t.officerId}` : `kit:${t.kitId}`, `roster.busy.${t.kind}`]),
  );
  return new AppError('resource_busy', fields);
}

/** Frees everyone and everything assigned to a session or visit (when it is moved or cancelled). */
export async function releaseDuties(tx: Tx, refId: string): Promise<void> {
  await tx.delete(duties).where(eq(duties.refId, refId));
}

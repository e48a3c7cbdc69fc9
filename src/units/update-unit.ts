import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { regencyExists } from '../regions/queries.ts';
import { units, type OpeningHours, type UnitService } from './schema.ts';
import { unitTarget } from './unit-target.ts';

export type UnitChanges = {
  name: string;
  address: string;
  regencyCode: string;
  phone: string | null;
  email: string | null;
  /** Left out: unchanged. */
  mapUrl?: string | null;
  services: UnitService[];
  openingHours: OpeningHours;
};

/** A unit's data and the services it offers; its state changes only through changeUnitState. */
export async function updateUnit(tx: Tx, caller: Caller, code: string, changes: UnitChanges) {
  const { unit: before } = await unitTarget(tx, caller.actor, code);
  if (!(await regencyExists(tx, changes.regencyCode)))
    throw new AppError('validation_failed', { regencyCode: 'v.regency' });
  const [after] = await tx
    .update(units)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(units.code, code))
    .returning();
  const changed = (Object.keys(changes) as (keyof UnitChanges)[]).filter(
    (k) => changes[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(changes[k]),
  );
  await appendAudit(tx, caller, {
    action: 'unit.update',
    targetType: 'unit',
    targetId: code,
    unitCode: code,
    details: { changed },
  });
  return after!;
}

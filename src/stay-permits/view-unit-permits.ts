import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { listUnitChangeReports } from './list-unit-change-reports.ts';
import { listUnitPermits, type UnitPermitFilter } from './list-unit-permits.ts';

/**
 * An officer opens the unit's list of permits (holders' names, permit numbers) and the change reports waiting:
 * personal data by the hundred, so the reading is in the audit trail with the filter used. The caller has
 * checked the officer's right to the unit; `below` is the unit and the units below it.
 */
export async function viewUnitPermits(
  tx: Tx,
  caller: Caller,
  unit: { code: string; below: readonly string[] },
  filter: UnitPermitFilter,
) {
  const rows = await listUnitPermits(tx, unit.below, filter);
  const changes = await listUnitChangeReports(tx, unit.below);
  await appendAudit(tx, caller, {
    action: 'stay_permit.list',
    targetType: 'unit',
    targetId: unit.code,
    unitCode: unit.code,
    details: { type: filter.type ?? null, endingWithin: filter.endingWithin ?? null, rows: rows.length },
  });
  return { rows, changes };
}

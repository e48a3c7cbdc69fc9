import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import type { OversightAccess } from './oversight-access.ts';

/**
 * Every reading of lodging reports is in the audit trail, with the unit it was read for and, for partner police, the
 * grant it went through. Details name what was read (a district, a person's id, a count), never a name.
 */
export function auditOversightRead(
  tx: Tx,
  caller: Caller,
  access: OversightAccess,
  action: string,
  details: Record<string, unknown> & { targetId?: string } = {},
) {
  const { targetId, ...rest } = details;
  return appendAudit(tx, caller, {
    action,
    unitCode: access.unitCode,
    ...(targetId ? { targetType: 'foreigner', targetId } : {}),
    details: { ...rest, ...(access.grantId ? { grantId: access.grantId } : {}) },
  });
}

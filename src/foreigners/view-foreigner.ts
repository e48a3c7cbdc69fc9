import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import type { ForeignerRecords } from './foreigner-records.ts';
import { getForeigner } from './get-foreigner.ts';
import { authorize } from './policy.ts';

/**
 * An officer opens one person's record, with their permits and lodging stays when the features that keep them are
 * there: personal data, so every reading is in the audit trail.
 */
export async function viewForeigner(tx: Tx, caller: Caller, id: string, records?: ForeignerRecords) {
  authorize(caller.actor, 'foreigner.view');
  const record = await getForeigner(tx, id);
  const [permits, stays] = await Promise.all([records?.permits(tx, id) ?? [], records?.stays(tx, id) ?? []]);
  await appendAudit(tx, caller, { action: 'foreigner.view', targetType: 'foreigner', targetId: id });
  return { ...record, permits, stays };
}

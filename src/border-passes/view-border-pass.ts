import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { findVillage } from '../regions/find-village.ts';
import { actorScope } from '../units/scope.ts';
import { getBorderPass, passHistory, type PassHistoryEntry } from './get-border-pass.ts';
import { authorize } from './policy.ts';
import type { BorderPass } from './schema.ts';

export type PassView = { pass: BorderPass; history: PassHistoryEntry[]; place: string; scope: string[] };

/**
 * One pass as an officer of its unit sees it (the holder's data, its history, the village by name), the reading
 * audited: a pass holds a person's identity.
 */
export async function viewBorderPass(tx: Tx, caller: Caller, id: string): Promise<PassView> {
  const pass = await getBorderPass(tx, id);
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, 'border_pass.view', { unitCode: pass.unitCode, scope });
  const [history, village] = await Promise.all([passHistory(tx, id), findVillage(tx, pass.villageCode)]);
  await appendAudit(tx, caller, {
    action: 'border_pass.viewed',
    targetType: 'border_pass',
    targetId: pass.id,
    unitCode: pass.unitCode,
  });
  const place = village ? `${village.village}, ${village.district}, ${village.regency}` : pass.villageCode;
  return { pass, history, place, scope };
}

import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { adoptedVillages } from './schema.ts';
import { cancelActivitiesFrom } from './perform-activity-action.ts';
import { endOfficerTerms } from './unassign-village-officer.ts';
import { villageFor } from './village-access.ts';

/**
 * Ends an adoption from a day on: the village leaves the public pages and the figures from then, its history stays.
 * Its PIMPASA's terms end the same day, and the activities still planned from that day are cancelled, so their
 * officers are free on the roster again.
 */
export async function endAdoption(tx: Tx, caller: Caller, code: string, endedOn: IsoDate): Promise<void> {
  const { village } = await villageFor(tx, caller.actor, code, 'adopted_village.manage');
  if (village.endedOn) throw new AppError('invalid_transition');
  if (endedOn <= village.adoptedOn)
    throw new AppError('validation_failed', { endedOn: 'adoptedVillages.v.endBeforeStart' });
  await tx.update(adoptedVillages).set({ endedOn }).where(eq(adoptedVillages.villageCode, code));
  await endOfficerTerms(tx, code, endedOn);
  await cancelActivitiesFrom(tx, caller, village, endedOn);
  await appendAudit(tx, caller, {
    action: 'adopted_village.end',
    targetType: 'adopted_village',
    targetId: code,
    unitCode: village.unitCode,
    details: { endedOn },
  });
}

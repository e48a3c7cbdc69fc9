import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { EditInput } from './inputs.ts';
import { adoptedVillages } from './schema.ts';
import { villageFor } from './village-access.ts';

/** Corrects the register's entry (decree, reasons, the day of adoption); the audit entry keeps what it was. */
export async function editAdoptedVillage(tx: Tx, caller: Caller, code: string, input: EditInput): Promise<void> {
  const { village } = await villageFor(tx, caller.actor, code, 'adopted_village.manage');
  if (input.decreeDate && input.decreeDate > input.adoptedOn)
    throw new AppError('validation_failed', { decreeDate: 'adoptedVillages.v.decreeAfter' });
  if (village.endedOn && village.endedOn <= input.adoptedOn)
    throw new AppError('validation_failed', { adoptedOn: 'adoptedVillages.v.endBeforeStart' });
  const set = {
    decreeNumber: input.decreeNumber ?? null,
    decreeDate: input.decreeDate ?? null,
    reasons: input.reasons,
    reasonNote: input.reasonNote,
    adoptedOn: input.adoptedOn,
  };
  await tx.update(adoptedVillages).set(set).where(eq(adoptedVillages.villageCode, code));
  const was = {
    decreeNumber: village.decreeNumber,
    decreeDate: village.decreeDate,
    reasons: village.reasons,
    reasonNote: village.reasonNote,
    adoptedOn: village.adoptedOn,
  };
  await appendAudit(tx, caller, {
    action: 'adopted_village.edit',
    targetType: 'adopted_village',
    targetId: code,
    unitCode: village.unitCode,
    details: { was, now: set },
  });
}

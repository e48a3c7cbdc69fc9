import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { villageExists } from '../regions/queries.ts';
import { officeForRegency } from '../units/office-for-regency.ts';
import { actorScope } from '../units/scope.ts';
import { listUnits } from '../units/list-units.ts';
import type { AdoptInput } from './inputs.ts';
import { authorize } from './policy.ts';
import { adoptedVillages, type AdoptedVillage } from './schema.ts';

/**
 * Adds a village of the region tables to the programme, for an office in the officer's scope and in the office's
 * working area (`units/working-areas.ts`). A village is adopted by one office at a time: one already in the register
 * (ended or not) is edited there, not adopted again.
 */
export async function adoptVillage(tx: Tx, caller: Caller, input: AdoptInput): Promise<AdoptedVillage> {
  const errors: FieldErrors = {};
  // A Kantor Imigrasi adopts; its posts and the Kanwil work through it.
  if ((await listUnits(tx)).find((u) => u.code === input.unitCode)?.kind !== 'kanim') errors.unitCode = 'v.choose';
  if (!(await villageExists(tx, input.villageCode))) errors.villageCode = 'adoptedVillages.v.village';
  else if ((await tx.select().from(adoptedVillages).where(eq(adoptedVillages.villageCode, input.villageCode))).length)
    errors.villageCode = 'adoptedVillages.v.alreadyAdopted';
  // Its own working area only: the published figures per office and regency must be the office's own work.
  else if (!errors.unitCode && (await officeForRegency(tx, input.villageCode.slice(0, 5))) !== input.unitCode)
    errors.villageCode = 'adoptedVillages.v.outsideArea';
  if (input.decreeDate && input.decreeDate > input.adoptedOn) errors.decreeDate = 'adoptedVillages.v.decreeAfter';
  if (!errors.unitCode)
    authorize(caller.actor, 'adopted_village.manage', {
      unitCode: input.unitCode,
      scope: await actorScope(tx, caller.actor),
    });
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const [row] = await tx
    .insert(adoptedVillages)
    .values({
      villageCode: input.villageCode,
      unitCode: input.unitCode,
      regencyCode: input.villageCode.slice(0, 5),
      decreeNumber: input.decreeNumber ?? null,
      decreeDate: input.decreeDate ?? null,
      reasons: input.reasons,
      reasonNote: input.reasonNote,
      adoptedOn: input.adoptedOn,
      createdBy: caller.actor?.id ?? null,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'adopted_village.adopt',
    targetType: 'adopted_village',
    targetId: input.villageCode,
    unitCode: input.unitCode,
    details: { decreeNumber: input.decreeNumber ?? null, adoptedOn: input.adoptedOn, reasons: input.reasons },
  });
  return row!;
}

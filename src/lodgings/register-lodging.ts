import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { findVillage } from '../regions/find-village.ts';
import { officeForRegency } from '../units/office-for-regency.ts';
import type { LodgingInput } from './inputs.ts';
import { authorize } from './policy.ts';
import { lodgingActions, lodgingMembers, lodgings, type Lodging } from './schema.ts';

/**
 * A lodging registered by its person in charge, who becomes its manager; it waits for the office whose working area
 * holds its village. A village outside NTT's offices is refused on the village field (Sikoe serves NTT only). A resent
 * registration (the same request id by the same account) answers with the lodging it made.
 */
export async function registerLodging(tx: Tx, caller: Caller, input: LodgingInput): Promise<Lodging> {
  const actor = caller.actor;
  authorize(actor, 'lodging.register');
  if (input.requestId) {
    const [done] = await tx
      .select({ lodging: lodgings })
      .from(lodgingActions)
      .innerJoin(lodgings, eq(lodgings.id, lodgingActions.lodgingId))
      .where(
        and(
          eq(lodgingActions.requestId, input.requestId),
          eq(lodgingActions.actorId, actor!.id),
          eq(lodgingActions.type, 'registered'),
        ),
      );
    if (done) return done.lodging;
  }
  if (!(await findVillage(tx, input.villageCode)))
    throw new AppError('validation_failed', { villageCode: 'v.village' });
  // A village's code holds its district's and regency's: 53.71.01.1001 is in 53.71.01, in 53.71.
  const districtCode = input.villageCode.slice(0, 8);
  const regencyCode = input.villageCode.slice(0, 5);
  const unitCode = await officeForRegency(tx, regencyCode);
  if (!unitCode) throw new AppError('validation_failed', { villageCode: 'lodgings.intake.v.outsideNtt' });
  const [lodging] = await tx
    .insert(lodgings)
    .values({
      name: input.name,
      kind: input.kind,
      licenceNumber: input.licenceNumber ?? null,
      address: input.address,
      villageCode: input.villageCode,
      districtCode,
      regencyCode,
      unitCode,
      personInCharge: input.personInCharge,
      phone: input.phone,
      email: input.email,
    })
    .returning();
  await tx.insert(lodgingMembers).values({ lodgingId: lodging!.id, accountId: actor!.id, role: 'manager' });
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: lodgingActions,
      entry: { lodgingId: lodging!.id },
      record: lodgings,
      recordId: lodging!.id,
      type: 'registered',
      payload: { status: 'pending', kind: input.kind },
      requestId: input.requestId,
    },
    { action: 'lodging.registered', targetType: 'lodging', targetId: lodging!.id, unitCode },
  );
  return lodging!;
}

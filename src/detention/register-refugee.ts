import { and, eq } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { getUnit } from '../units/list-units.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { refugeeActions, refugees, type Refugee, type UnhcrStatus } from './schema.ts';

export type RefugeeRegistration = {
  foreignerId?: string;
  document?: TravelDocumentFields;
  unitCode: string;
  unhcrStatus: UnhcrStatus;
  unhcrNumber: string;
  shelter: string;
  cardNumber: string;
  firstMonth: string;
  requestId?: string | null;
};

/**
 * Puts a refugee or asylum seeker under the Rudenim's oversight with the identity card it issued (Perpres 125/2016
 * Pasal 35). A card number is the Rudenim's own, once; a resent request id answers with the first registration.
 */
export async function registerRefugee(tx: Tx, caller: Caller, input: RefugeeRegistration): Promise<Refugee> {
  authorizeRole(caller.actor, 'refugee.act');
  authorize(caller.actor, 'refugee.act', { unitCode: input.unitCode, scope: await actorScope(tx, caller.actor) });
  if (input.requestId) {
    const [resent] = await tx
      .select()
      .from(refugees)
      .where(and(eq(refugees.requestId, input.requestId), eq(refugees.createdBy, caller.actor!.id)));
    if (resent) return resent;
  }
  if ((await getUnit(tx, input.unitCode).catch(() => null))?.kind !== 'rudenim')
    throw new AppError('validation_failed', { unitCode: 'detention.v.rudenim' });
  const [card] = await tx
    .select({ id: refugees.id })
    .from(refugees)
    .where(and(eq(refugees.unitCode, input.unitCode), eq(refugees.cardNumber, input.cardNumber)));
  if (card) throw new AppError('validation_failed', { cardNumber: 'detention.v.cardTaken' });
  let foreignerId = input.foreignerId;
  if (input.document) foreignerId = (await recordForeigners(tx, [input.document]))[0]!;
  else
    await getForeigner(tx, foreignerId!).catch(() => {
      throw new AppError('validation_failed', { foreignerId: 'detention.v.unknownPerson' });
    });
  const [refugee] = await tx
    .insert(refugees)
    .values({
      foreignerId: foreignerId!,
      unitCode: input.unitCode,
      unhcrStatus: input.unhcrStatus,
      unhcrNumber: input.unhcrNumber,
      shelter: input.shelter,
      cardNumber: input.cardNumber,
      firstMonth: input.firstMonth,
      requestId: input.requestId ?? null,
      createdBy: caller.actor?.id ?? null,
    })
    .returning();
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: refugeeActions,
      entry: { refugeeId: refugee!.id },
      record: refugees,
      recordId: refugee!.id,
      type: 'register',
      status: 'under_oversight',
      payload: { unhcrStatus: input.unhcrStatus, shelter: input.shelter, cardNumber: input.cardNumber },
      requestId: input.requestId,
    },
    { action: 'refugee.register', targetType: 'refugee', targetId: refugee!.id, unitCode: input.unitCode },
  );
  return refugee!;
}

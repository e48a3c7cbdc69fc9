import { and, eq } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { recordForeigners } from '../foreigners/record-foreigners.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
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
 * How far before the month of registration the first owed report may lie: a refugee registered late may owe the
 * months since arriving, but a first month years back would raise a missed-reports alert at once.
 */
export const FIRST_MONTH_BACK = 12;

const monthsBack = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

async function checkRegistration(tx: Tx, input: RefugeeRegistration): Promise<void> {
  const errors: FieldErrors = {};
  if ((await getUnit(tx, input.unitCode).catch(() => null))?.kind !== 'rudenim')
    errors.unitCode = 'detention.v.rudenim';
  const now = witaDate().slice(0, 7);
  if (input.firstMonth > now || input.firstMonth < monthsBack(now, FIRST_MONTH_BACK))
    errors.firstMonth = 'detention.v.firstMonthOutside';
  const [card] = await tx
    .select({ id: refugees.id })
    .from(refugees)
    .where(and(eq(refugees.unitCode, input.unitCode), eq(refugees.cardNumber, input.cardNumber)));
  if (card) errors.cardNumber = 'detention.v.cardTaken';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
}

/**
 * Puts a refugee or asylum seeker under the Rudenim's oversight with the identity card it issued (Perpres 125/2016
 * Pasal 35). A card number is the Rudenim's own, once; a person is under oversight once; a resent request id answers with the first registration.
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
  await checkRegistration(tx, input);
  let foreignerId = input.foreignerId;
  if (input.document) foreignerId = (await recordForeigners(tx, [input.document]))[0]!;
  else
    await getForeigner(tx, foreignerId!).catch(() => {
      throw new AppError('validation_failed', { foreignerId: 'detention.v.unknownPerson' });
    });
  const [overseen] = await tx
    .select({ id: refugees.id })
    .from(refugees)
    .where(and(eq(refugees.foreignerId, foreignerId!), eq(refugees.status, 'under_oversight')));
  if (overseen) throw new AppError('validation_failed', { foreignerId: 'detention.v.alreadyRefugee' });
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

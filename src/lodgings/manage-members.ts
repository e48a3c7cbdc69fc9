import { and, eq, sql } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { lockLodging, memberRole } from './get-lodging.ts';
import { authorize } from './policy.ts';
import { lodgingActions, lodgingMembers, lodgings, type Lodging } from './schema.ts';

async function managedLodging(tx: Tx, caller: Caller, lodgingId: string): Promise<Lodging> {
  if (!caller.actor) throw new AppError('unauthenticated');
  const lodging = await lockLodging(tx, lodgingId);
  authorize(caller.actor, 'lodging.manageMembers', { member: await memberRole(tx, lodgingId, caller.actor.id) });
  return lodging;
}

async function recordMemberAction(
  tx: Tx,
  caller: Caller,
  lodging: Lodging,
  type: 'member_added' | 'member_removed',
  accountId: string,
  requestId?: string | null,
) {
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: lodgingActions,
      entry: { lodgingId: lodging.id },
      record: lodgings,
      recordId: lodging.id,
      type,
      payload: { accountId },
      requestId,
    },
    { action: `lodging.${type}`, targetType: 'lodging', targetId: lodging.id, unitCode: lodging.unitCode },
  );
}

/**
 * The manager adds a reporter by the address of an existing citizen account: each person signs in with their own
 * account. People without an account are asked to sign up first (invitations are not built). Adding a current member
 * again changes nothing.
 */
export async function addLodgingMember(
  tx: Tx,
  caller: Caller,
  input: { lodgingId: string; email: string; requestId?: string | null },
): Promise<void> {
  const lodging = await managedLodging(tx, caller, input.lodgingId);
  const [account] = await tx
    .select({ id: accounts.id, kind: accounts.kind })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, input.email.toLowerCase()));
  if (!account || account.kind !== 'citizen')
    throw new AppError('validation_failed', { email: 'lodgings.intake.v.noSuchAccount' });
  if (await memberRole(tx, lodging.id, account.id)) return;
  await tx
    .insert(lodgingMembers)
    .values({ lodgingId: lodging.id, accountId: account.id, role: 'reporter', addedBy: caller.actor!.id })
    .onConflictDoUpdate({
      target: [lodgingMembers.lodgingId, lodgingMembers.accountId],
      set: { role: 'reporter', removedAt: null, addedAt: new Date(), addedBy: caller.actor!.id },
    });
  await recordMemberAction(tx, caller, lodging, 'member_added', account.id, input.requestId);
}

/** The manager removes a reporter; a manager is not removed here (a lodging always keeps its manager). */
export async function removeLodgingMember(
  tx: Tx,
  caller: Caller,
  input: { lodgingId: string; accountId: string },
): Promise<void> {
  const lodging = await managedLodging(tx, caller, input.lodgingId);
  const role = await memberRole(tx, lodging.id, input.accountId);
  if (!role) throw new AppError('not_found');
  if (role === 'manager') throw new AppError('validation_failed', { member: 'lodgings.intake.v.keepManager' });
  await tx
    .update(lodgingMembers)
    .set({ removedAt: new Date() })
    .where(and(eq(lodgingMembers.lodgingId, lodging.id), eq(lodgingMembers.accountId, input.accountId)));
  await recordMemberAction(tx, caller, lodging, 'member_removed', input.accountId);
}

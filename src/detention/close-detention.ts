import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { listProperty } from './list-property.ts';
import { detaineeActions, detaineeProperty, detainees, type Detainee, type ReleaseReason } from './schema.ts';

/**
 * Ends a detention (release, transfer or deportation): every item still deposited is handed back in the ledger, then
 * the action, the status and the audit entry are written together. The caller has checked the right and the status.
 */
export async function closeDetention(
  tx: Tx,
  caller: Caller,
  detainee: Detainee,
  input: { type: string; on: string; reason: ReleaseReason; reference: string | null; requestId?: string | null },
): Promise<void> {
  const { balance } = await listProperty(tx, detainee.id);
  if (balance.length > 0)
    await tx.insert(detaineeProperty).values(
      balance.map((b) => ({
        detaineeId: detainee.id,
        direction: 'out' as const,
        item: b.item,
        quantity: b.quantity,
        on: input.on,
        requestId: input.requestId ?? null,
      })),
    );
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: detaineeActions,
      entry: { detaineeId: detainee.id },
      record: detainees,
      recordId: detainee.id,
      type: input.type,
      status: 'released',
      set: { releasedOn: input.on, releaseReason: input.reason, releaseRef: input.reference },
      payload: { on: input.on, reason: input.reason, reference: input.reference, returned: balance },
      requestId: input.requestId,
    },
    {
      action: `detainee.${input.type}`,
      targetType: 'detainee',
      targetId: detainee.id,
      unitCode: detainee.unitCode,
      details: { reason: input.reason },
    },
  );
}

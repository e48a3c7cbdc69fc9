import crypto from 'node:crypto';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { openUnitWriting } from './open-unit-writing.ts';
import type { PerformanceViewer } from './policy.ts';
import { evaluationActions, evaluationEvidence, evaluations, type ZiArea } from './schema.ts';

/** A scanned decree or report: PDF, JPEG or PNG, judged by its content. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The unit's head adds one evidence document to a ZI area while the semester is open. The file is stored under a key
 * Sikoe makes; the route's `transactionStoring` deletes it again should the transaction fail.
 */
export async function addEvidence(
  tx: Tx,
  caller: Caller,
  viewer: PerformanceViewer,
  input: {
    evaluationId: string;
    unitCode: string;
    ziArea: ZiArea;
    title: string;
    file: Buffer;
    requestId?: string | null;
  },
  deps: { storage: Storage },
): Promise<{ id: string }> {
  const { evaluation, resent } = await openUnitWriting(tx, viewer, input, 'evidence');
  if (resent) return { id: String(resent.payload.evidenceId) };
  const mediaType = await sniffDocument(input.file);
  if (!mediaType) throw new AppError('validation_failed', { file: 'v.fileType' });
  const id = crypto.randomUUID();
  const storageKey = `performance/${evaluation.id}/${id}`;
  await deps.storage.put(storageKey, input.file, mediaType);
  await tx.insert(evaluationEvidence).values({
    id,
    evaluationId: evaluation.id,
    unitCode: input.unitCode,
    ziArea: input.ziArea,
    title: input.title,
    storageKey,
    mediaType,
    uploadedBy: caller.actor?.id ?? null,
  });
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: evaluationActions,
      entry: { evaluationId: evaluation.id },
      record: evaluations,
      recordId: evaluation.id,
      type: 'evidence',
      payload: { unitCode: input.unitCode, ziArea: input.ziArea, evidenceId: id },
      requestId: input.requestId,
    },
    {
      action: 'performance.evaluation.evidence',
      targetType: 'performance_evaluation',
      targetId: evaluation.id,
      unitCode: input.unitCode,
      details: { evidenceId: id, ziArea: input.ziArea },
    },
  );
  return { id };
}

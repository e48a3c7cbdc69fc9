import crypto from 'node:crypto';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { takeTurn, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';
import { recordAction } from './actions.ts';
import { lockApplication } from './get-application.ts';
import { applicationDocuments, applications, type DocumentKind } from './schema.ts';

export const maxDocumentsPerApplication = 20;
// Documents can be added while the applicant still prepares the visit: an API client submits first, then uploads.
const openStatuses = ['draft', 'submitted', 'booked', 'paid'] as const;
/** The lock space of an account's uploads (takeTurn). */
const UPLOAD_LOCK_SPACE = 7411;

export type AddedDocument = { id: string; kind: DocumentKind; mediaType: string; size: number };

/** A name fit to show back to its owner: no folders, no control characters, not endless. */
const cleanName = (name: string | null) =>
  name
    ?.split(/[\\/]/)
    .pop()
    ?.replace(/[\p{C}"]/gu, '')
    .slice(0, 200) || null;

/**
 * Stores a scanned document (JPEG, PNG or PDF, recognised by its content) and records it on the application.
 * The file is written first; if recording it fails, the file is removed again.
 */
export async function addDocument(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; kind: DocumentKind; file: UploadedFile },
  storage: Storage,
  limits: { bytesPerAccount: number },
): Promise<AddedDocument> {
  const mediaType = await sniffDocument(input.file.bytes);
  if (!mediaType) throw new AppError('validation_failed', { file: 'v.fileType' });
  const application = await lockApplication(tx, input.applicationId);
  if (!(openStatuses as readonly string[]).includes(application.status)) throw new AppError('invalid_transition');
  const [held] = await tx
    .select({ n: count() })
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, application.id));
  if ((held?.n ?? 0) >= maxDocumentsPerApplication)
    throw new AppError('validation_failed', { file: 'v.tooManyDocuments' });
  // Every file the account still adds to, across its applications being prepared: no account fills the disk,
  // however many it opens. Files of applications at the office or finished stay on record and no longer count.
  // An account's uploads take turns, so two at once to different applications cannot both pass the check.
  await takeTurn(tx, UPLOAD_LOCK_SPACE, application.accountId);
  const [stored] = await tx
    .select({ bytes: sql<number>`coalesce(sum(${applicationDocuments.size}), 0)::float8` })
    .from(applicationDocuments)
    .innerJoin(applications, eq(applications.id, applicationDocuments.applicationId))
    .where(and(eq(applications.accountId, application.accountId), inArray(applications.status, [...openStatuses])));
  if ((stored?.bytes ?? 0) + input.file.bytes.length > limits.bytesPerAccount) {
    throw new AppError(
      'validation_failed',
      { file: 'v.storageQuota' },
      { mb: Math.floor(limits.bytesPerAccount / 1024 / 1024) },
    );
  }

  const id = crypto.randomUUID();
  const storageKey = `applications/${application.id}/${id}`;
  const size = input.file.bytes.length;
  const sha256 = crypto.createHash('sha256').update(input.file.bytes).digest('hex');
  await storage.put(storageKey, input.file.bytes, mediaType);
  try {
    await tx.insert(applicationDocuments).values({
      id,
      applicationId: application.id,
      kind: input.kind,
      storageKey,
      mediaType,
      size,
      sha256,
      originalName: cleanName(input.file.filename),
    });
    await recordAction(tx, caller, {
      applicationId: application.id,
      type: 'document_added',
      payload: { documentId: id, kind: input.kind },
    });
    await appendAudit(tx, caller, {
      action: 'application.document_add',
      targetType: 'application',
      targetId: application.id,
      unitCode: application.unitCode,
      details: { documentId: id, kind: input.kind, mediaType, size, sha256 },
    });
  } catch (err) {
    await storage.delete(storageKey).catch(() => undefined);
    throw err;
  }
  return { id, kind: input.kind, mediaType, size };
}

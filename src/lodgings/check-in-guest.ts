import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sniffPhoto, type PhotoMediaType } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';
import { checkInGuests } from './check-in-guests.ts';
import type { GuestInput } from './inputs.ts';
import { stays } from './schema.ts';

/** The largest photo of a biodata page taken (a phone's photo of one page is a few megabytes at most). */
export const DOCUMENT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

async function checkedPhoto(file: UploadedFile): Promise<{ bytes: Buffer; mediaType: PhotoMediaType }> {
  if (file.bytes.length > DOCUMENT_PHOTO_MAX_BYTES)
    throw new AppError(
      'validation_failed',
      { photo: 'lodgings.intake.v.photoTooLarge' },
      { mb: DOCUMENT_PHOTO_MAX_BYTES / (1024 * 1024) },
    );
  const mediaType = await sniffPhoto(file.bytes);
  if (!mediaType) throw new AppError('validation_failed', { photo: 'lodgings.intake.v.photoType' });
  return { bytes: file.bytes, mediaType };
}

/**
 * One guest from the check-in page, with the photo of the passport's biodata page when the reporter attached one
 * (JPEG, PNG, WebP or HEIC, judged by its bytes). The photo is kept beside the stay and never read into it: the record
 * is what the reporter typed or the MRZ gave. A refused guest or photo records nothing. A repeat of a report already
 * received leaves its stay as it was, photo or not. The file is stored last, so a failure before it stores nothing
 * and a failure storing it rolls the report back; run in transactionStoring, a transaction failing after it (at the
 * commit) queues the file's delete.
 */
export async function checkInGuest(
  tx: Tx,
  caller: Caller,
  input: { lodgingId: string; guest: GuestInput; photo?: UploadedFile },
  storage: Storage,
): Promise<{ status: 'accepted' | 'repeated'; stayId: string }> {
  const photo = input.photo ? await checkedPhoto(input.photo) : null;
  const [result] = await checkInGuests(tx, caller, {
    lodgingId: input.lodgingId,
    channel: 'web',
    entries: [{ guest: input.guest }],
  });
  if (!result) throw new AppError('internal');
  if (result.status === 'rejected') throw new AppError('validation_failed', result.errors);
  if (photo && result.status === 'accepted') {
    const key = `lodgings/${input.lodgingId}/stays/${result.stayId}/biodata-${crypto.randomUUID()}`;
    const [stay] = await tx
      .update(stays)
      .set({ documentPhotoKey: key })
      .where(eq(stays.id, result.stayId))
      .returning({ unitCode: stays.unitCode });
    await appendAudit(tx, caller, {
      action: 'lodging.documentPhotoAttached',
      targetType: 'stay',
      targetId: result.stayId,
      unitCode: stay!.unitCode,
      details: { mediaType: photo.mediaType, bytes: photo.bytes.length },
    });
    await storage.put(key, photo.bytes, photo.mediaType);
  }
  return { status: result.status, stayId: result.stayId };
}

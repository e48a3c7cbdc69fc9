import crypto from 'node:crypto';
import type { FieldErrors } from '../platform/errors.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { StoredPhoto } from './schema.ts';

/** A 3×4 photo from a phone or a scanner is far below this. */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** The form's two photo fields, in order. */
export const photoFields = ['photo1', 'photo2'] as const;

/** The two photos, each a JPEG or PNG judged by its content (never its name), as field errors and media types. */
export async function checkPhotos(photos: Buffer[]): Promise<{ errors: FieldErrors; mediaTypes: string[] }> {
  const errors: FieldErrors = {};
  const mediaTypes: string[] = [];
  for (const [i, field] of photoFields.entries()) {
    const bytes = photos[i];
    if (!bytes || bytes.length === 0) {
      errors[field] = 'v.fileRequired';
      continue;
    }
    if (bytes.length > PHOTO_MAX_BYTES) errors[field] = 'borderPasses.v.photoTooLarge';
    const type = await sniffDocument(bytes);
    if (type !== 'image/jpeg' && type !== 'image/png') errors[field] = 'borderPasses.v.photoType';
    else mediaTypes.push(type);
  }
  return { errors, mediaTypes };
}

/**
 * Stores the photos under the pass's id, then lets `write` record the pass with their keys. Run it in
 * transactionStoring: when the transaction fails after this (in `write` or at the commit), the photos' deletes are
 * queued, so a pass that was not recorded leaves no files behind.
 */
export async function storePhotos<T>(
  storage: Storage,
  passId: string,
  photos: Buffer[],
  mediaTypes: string[],
  write: (stored: StoredPhoto[]) => Promise<T>,
): Promise<T> {
  const stored: StoredPhoto[] = [];
  for (const [i, bytes] of photos.entries()) {
    const key = `border-passes/${passId}/photo-${i + 1}`;
    await storage.put(key, bytes, mediaTypes[i]!);
    stored.push({
      key,
      mediaType: mediaTypes[i]!,
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    });
  }
  return write(stored);
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { photoExtensionOf, type PhotoMediaType } from '../platform/storage/sniff.ts';
import { stays } from './schema.ts';

/** The storage key of the biodata photo attached to one of the lodging's stays, for its members; 404 when none. */
export async function findDocumentPhoto(db: Executor, lodgingId: string, stayId: string): Promise<string> {
  const [row] = await db
    .select({ key: stays.documentPhotoKey })
    .from(stays)
    .where(and(eq(stays.id, stayId), eq(stays.lodgingId, lodgingId)));
  if (!row?.key) throw notFound();
  return row.key;
}

/** The name a stay's photo is sent under: the stay's id, no personal data. */
export const documentPhotoFilename = (stayId: string, mediaType: string) =>
  `biodata-${stayId}.${photoExtensionOf[mediaType as PhotoMediaType] ?? 'bin'}`;

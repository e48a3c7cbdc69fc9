import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { applicationDocuments } from './schema.ts';

/** One document of one application: an id from another application is not found. */
export async function getDocument(db: Executor, applicationId: string, documentId: string) {
  const [row] = await db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, documentId), eq(applicationDocuments.applicationId, applicationId)));
  if (!row) throw new AppError('not_found');
  return row;
}

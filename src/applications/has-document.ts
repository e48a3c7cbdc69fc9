import { and, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applicationDocuments, type DocumentKind } from './schema.ts';

/** Whether the application holds a document of this kind, e.g. the power of attorney a proxy brings. */
export async function hasDocument(db: Executor, applicationId: string, kind: DocumentKind): Promise<boolean> {
  const [row] = await db
    .select({ id: applicationDocuments.id })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.kind, kind)))
    .limit(1);
  return row !== undefined;
}

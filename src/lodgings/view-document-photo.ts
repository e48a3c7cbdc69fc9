import { and, eq, inArray } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { auditOversightRead } from './audit-oversight-read.ts';
import type { OversightAccess } from './oversight-access.ts';
import { stays } from './schema.ts';

/**
 * The storage key of the biodata photo a lodging attached to a stay in the unit's area, for the office's overseers
 * (the route's access refuses partners); 404 when the stay is elsewhere or has none. Every opening is audited with the
 * person and the stay, before the file is sent.
 */
export async function viewDocumentPhoto(
  tx: Tx,
  caller: Caller,
  access: OversightAccess,
  stayId: string,
): Promise<string> {
  const [row] = await tx
    .select({ key: stays.documentPhotoKey, foreignerId: stays.foreignerId })
    .from(stays)
    .where(and(eq(stays.id, stayId), inArray(stays.regencyCode, access.regencies)));
  if (!row?.key) throw notFound();
  await auditOversightRead(tx, caller, access, 'lodging.documentPhoto', { targetId: row.foreignerId, stayId });
  return row.key;
}

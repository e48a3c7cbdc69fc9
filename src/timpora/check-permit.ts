import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { listPermitsOfForeigner } from '../stay-permits/list-permits-of-foreigner.ts';
import type { PermitState } from './schema.ts';

/**
 * The person's permit as the registry shows it on the spot: valid (an active permit covering today), expired (a
 * permit, none valid today), or none known here.
 */
export async function checkPermit(
  db: Executor,
  foreignerId: string | null,
  today: IsoDate,
): Promise<{ state: PermitState; permitId: string | null; validUntil: string | null }> {
  if (!foreignerId) return { state: 'none', permitId: null, validUntil: null };
  const permits = await listPermitsOfForeigner(db, foreignerId);
  const valid = permits.find((p) => p.status === 'active' && p.validFrom <= today && p.validUntil >= today);
  if (valid) return { state: 'valid', permitId: valid.id, validUntil: valid.validUntil };
  const latest = permits[0];
  if (latest) return { state: 'expired', permitId: latest.id, validUntil: latest.validUntil };
  return { state: 'none', permitId: null, validUntil: null };
}

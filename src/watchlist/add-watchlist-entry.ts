import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { nameKey } from './name-key.ts';
import { authorize } from './policy.ts';
import { watchlistEntries, type WatchlistEntry } from './schema.ts';

export type NewWatchlistEntry = {
  nik?: string;
  fullName: string;
  birthDate?: string;
  reason: string;
  reference: string;
  validUntil?: string;
};

/**
 * Lists a person. An entry needs a NIK or a birth date: a name alone would stop every namesake, and the check
 * matches names only together with the birth date.
 */
export async function addWatchlistEntry(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: NewWatchlistEntry,
): Promise<WatchlistEntry> {
  authorize(caller.actor, 'watchlist.add');
  if (!input.nik && !input.birthDate) throw new AppError('validation_failed', { nik: 'watchlist.v.identity' });
  const key = nameKey(input.fullName);
  if (!key) throw new AppError('validation_failed', { fullName: 'v.required' });
  const [entry] = await tx
    .insert(watchlistEntries)
    .values({
      nik: input.nik || null,
      fullName: input.fullName,
      nameKey: key,
      birthDate: input.birthDate || null,
      reason: input.reason,
      reference: input.reference,
      validUntil: input.validUntil || null,
      addedBy: caller.actor.id,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'watchlist.add',
    targetType: 'watchlist_entry',
    targetId: entry!.id,
    unitCode: caller.actor.unitCode,
    details: { reference: input.reference, validUntil: input.validUntil ?? null, byNik: !!input.nik },
  });
  return entry!;
}

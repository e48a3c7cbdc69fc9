import { desc, eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { borderPassRefusals } from './schema.ts';

export type PassRefusalRow = {
  id: string;
  nik: string;
  fullName: string;
  birthDate: string;
  watchlistEntryId: string;
  match: string;
  refusedAt: Date;
  officerName: string | null;
};

/** The unit's issuances the prevention list stopped, newest first (at most 200), for the head of office. */
export function listPassRefusals(db: Executor, unitCode: string): Promise<PassRefusalRow[]> {
  return db
    .select({
      id: borderPassRefusals.id,
      nik: borderPassRefusals.nik,
      fullName: borderPassRefusals.fullName,
      birthDate: borderPassRefusals.birthDate,
      watchlistEntryId: borderPassRefusals.watchlistEntryId,
      match: borderPassRefusals.match,
      refusedAt: borderPassRefusals.refusedAt,
      officerName: accounts.name,
    })
    .from(borderPassRefusals)
    .leftJoin(accounts, eq(accounts.id, borderPassRefusals.refusedBy))
    .where(eq(borderPassRefusals.unitCode, unitCode))
    .orderBy(desc(borderPassRefusals.refusedAt))
    .limit(200);
}

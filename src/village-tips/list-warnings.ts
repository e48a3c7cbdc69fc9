import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { unitScope } from '../units/scope.ts';
import { getWarning } from './perform-warning-action.ts';
import { can, roleMay } from './policy.ts';
import { villageWarnings, type VillageWarning, type WarningStatus } from './schema.ts';
import { isExpired } from './warning-in-force.ts';

/** `expired`: open but past its last day on `today`, so no longer in force (`isExpired`). */
export type OfficerWarning = Omit<VillageWarning, 'requestId' | 'personNameKey' | 'recruiterNameKey'> & {
  expired: boolean;
};

const strip = (
  { requestId: _r, personNameKey: _p, recruiterNameKey: _k, ...rest }: VillageWarning,
  today: IsoDate,
): OfficerWarning => ({ ...rest, expired: isExpired(rest, today) });

/** The warnings of the officer's scope, open ones first, newest first (the id settles ties, so LIMIT cuts one way). */
export async function listWarnings(
  db: Executor,
  actor: Actor,
  filters: { status?: WarningStatus },
  today: IsoDate,
  limit = 500,
): Promise<OfficerWarning[]> {
  if (!roleMay(actor, 'warning.read') || !actor.unitCode) return [];
  const scope = await unitScope(db, actor.unitCode);
  const rows = await db
    .select()
    .from(villageWarnings)
    .where(
      and(
        inArray(villageWarnings.unitCode, scope),
        filters.status ? eq(villageWarnings.status, filters.status) : undefined,
      ),
    )
    .orderBy(sql`${villageWarnings.status} = 'closed'`, desc(villageWarnings.raisedAt), asc(villageWarnings.id))
    .limit(limit);
  return rows.map((w) => strip(w, today));
}

/** A warning the officer may read, else not_found. */
export async function warningForOfficer(
  db: Executor,
  actor: Actor,
  id: string,
  today: IsoDate,
): Promise<OfficerWarning> {
  const warning = await getWarning(db, id);
  const scope = actor.unitCode ? await unitScope(db, actor.unitCode) : [];
  if (!can(actor, 'warning.read', { unitCode: warning.unitCode, scope })) throw new AppError('not_found');
  return strip(warning, today);
}

import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { requireActor } from '../platform/http/guards.ts';
import { regenciesOfOffice } from '../units/office-for-regency.ts';
import { actorScope, unitScope } from '../units/scope.ts';
import { findLiveGrant } from './find-live-grant.ts';
import { authorize, type LodgingOversightAction } from './policy.ts';

export type OversightAccess = {
  actor: Actor;
  unitCode: string;
  /** The regencies of the unit's working area and of the units below it: where its lodged foreigners are. */
  regencies: string[];
  /** The partner's live grant this read goes through (named in the audit entry); none for officers. */
  grantId: string | null;
};

/** The regencies of a unit's working area and of every unit below it (a regional office sees its offices' areas). */
export async function areaRegencies(db: Executor, unitCode: string): Promise<string[]> {
  const units = await unitScope(db, unitCode);
  const lists = await Promise.all(units.map((u) => regenciesOfOffice(db, u)));
  return [...new Set(lists.flat())].sort();
}

/**
 * The signed-in officer or partner, allowed `action` at the unit named by the route's `:code`: officers within their
 * scope, partners only through a live grant for that unit (`policy.ts`).
 */
export async function oversightAccess(
  db: Executor,
  req: FastifyRequest,
  action: LodgingOversightAction,
  now = new Date(),
): Promise<OversightAccess> {
  const actor = requireActor(req);
  const unitCode = (req.params as { code: string }).code;
  const grant = actor.role === 'partner' ? await findLiveGrant(db, actor.id, unitCode, witaDate(now)) : undefined;
  const scope = actor.role === 'partner' ? [] : await actorScope(db, actor);
  authorize(actor, action, { unitCode, scope, partnerGrant: grant !== undefined });
  return { actor, unitCode, regencies: await areaRegencies(db, unitCode), grantId: grant?.id ?? null };
}
